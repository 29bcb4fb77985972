import { ActionGroup, Button, Paragraph } from '@amsterdam/design-system-react';
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { api, ApiError, SessionEndedError } from '../api/client';
import type { User } from '../api/types';
import { TextField } from '../components/fields';
import { Modal } from '../components/Modal';
import { ProblemAlert } from '../components/problems';
import { clearAllDrafts } from '../lib/drafts';
import { forgetAll } from '../lib/memory';

interface Session {
  status: 'loading' | 'anonymous' | 'authenticated';
  user: User | null;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface PendingRelogin {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The signed-in user. At start it restores a session silently from the refresh cookie (GET /auth/me
 * for the roles). When a session lapses mid-work it shows the re-login dialog over the page: the page
 * stays mounted, so nothing typed is lost, and the request that failed is retried after logging in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [relogin, setRelogin] = useState<PendingRelogin | null>(null);

  useEffect(() => {
    const unsubscribe = api.subscribe((session) => {
      if (session) {
        setUser(session.user);
        setStatus('authenticated');
      } else {
        setUser(null);
        setStatus('anonymous');
      }
    });
    let cancelled = false;
    void (async () => {
      if (!(await api.refresh())) {
        if (!cancelled) setStatus('anonymous');
        return;
      }
      try {
        const me = await api.get<User>('/auth/me');
        if (!cancelled) setUser(me);
      } catch {
        // The refresh answer already carried the user.
      }
    })();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    api.onSessionExpired = () => new Promise<void>((resolve, reject) => setRelogin({ resolve, reject }));
  }, []);

  const login = useCallback((email: string, password: string) => api.login(email, password), []);
  const logout = useCallback(async () => {
    clearAllDrafts();
    forgetAll();
    await api.logout();
  }, []);

  return (
    <SessionContext.Provider value={{ status, user, login, logout }}>
      {children}
      {user && (
        <ReloginDialog
          open={relogin !== null}
          email={user.email}
          onLoggedIn={() => {
            relogin?.resolve();
            setRelogin(null);
          }}
          onLogout={() => {
            relogin?.reject(new SessionEndedError());
            setRelogin(null);
            void logout();
          }}
        />
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages behind the login. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}

function ReloginDialog({
  open,
  email,
  onLoggedIn,
  onLogout,
}: {
  open: boolean;
  email: string;
  onLoggedIn: () => void;
  onLogout: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(
        new ApiError({
          type: 'urn:gezinsplan:web:validation',
          title: 'Wachtwoord ontbreekt',
          status: 400,
          detail: 'Vul uw wachtwoord in.',
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.login(email, password);
      setPassword('');
      onLoggedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} heading="Uw sessie is verlopen" testId="relogin-dialog">
      <form onSubmit={submit} noValidate className="gp-form">
        <Paragraph>
          Log opnieuw in om verder te werken. Wat u hebt ingevuld blijft bewaard en uw laatste actie wordt
          daarna opnieuw uitgevoerd.
        </Paragraph>
        {error && <ProblemAlert error={error} headingLevel={3} />}
        <Paragraph>
          U was ingelogd als <strong>{email}</strong>.
        </Paragraph>
        {/* For password managers: the account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          id="relogin-password"
          label="Wachtwoord"
          password
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          autoFocus
        />
        <ActionGroup>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig met inloggen…' : 'Opnieuw inloggen'}
          </Button>
          <Button type="button" variant="secondary" onClick={onLogout}>
            Afmelden
          </Button>
        </ActionGroup>
      </form>
    </Modal>
  );
}
