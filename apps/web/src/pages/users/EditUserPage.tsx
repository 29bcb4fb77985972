import { Alert, Button, Grid, Heading, Link, Paragraph } from '@amsterdam/design-system-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/problems';
import { RouterLink } from '../../components/RouterLink';
import { Loading } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { canManageUsers } from '../../lib/permissions';
import { toApiError, useResource } from '../../lib/use-resource';
import type { ApiError } from '../../api/client';
import { NoUserAdministration } from './NoUserAdministration';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import type { AccountChange, OneTimePassword, UserAccount } from './types';
import { changedFields, draftOf } from './user-draft';
import { UserForm } from './UserForm';
import { AccountStatus } from './UsersPage';

type Notice =
  | { kind: 'saved'; text: string }
  | { kind: 'pending'; text: string }
  | { kind: 'password'; password: OneTimePassword };

/** One account: its fields, deactivation and a password reset; four-eyes changes wait for approval. */
export function EditUserPage() {
  const user = useUser();
  if (!canManageUsers(user)) return <NoUserAdministration />;
  return <EditUserPageContent />;
}

function EditUserPageContent() {
  const { id = '' } = useParams();
  const me = useUser();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [version, setVersion] = useState(0);
  const account = useResource((signal) => api.get<UserAccount>(`/users/${id}`, { signal }), [id, version]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirm, setConfirm] = useState<'reset' | 'deactivate' | 'activate' | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && notice.kind !== 'password') noticeRef.current?.focus();
  }, [notice]);

  if (!account.data) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Gebruiker</PageHeading>
          {account.state === 'error' ? (
            <ProblemAlert error={account.error} />
          ) : (
            <Loading>De gebruiker wordt geladen…</Loading>
          )}
        </Grid.Cell>
      </Grid>
    );
  }
  const user = account.data;
  const self = user.id === me.id;

  const tell = (next: Notice, message: string) => {
    setNotice(next);
    announce(message);
  };

  const act = async () => {
    const action = confirm;
    setBusy(true);
    setActionError(null);
    try {
      if (action === 'reset') {
        const { status, data } = await api.request<OneTimePassword | AccountChange>(
          'POST',
          `/users/${user.id}/password-reset`,
        );
        if (status === 202)
          tell(
            { kind: 'pending', text: 'De wachtwoordreset wacht op goedkeuring door een tweede beheerder.' },
            'Wachtwoordreset wacht op goedkeuring.',
          );
        else setNotice({ kind: 'password', password: data as OneTimePassword });
      } else {
        const active = action === 'activate';
        await api.patch(`/users/${user.id}`, { active });
        const text = active ? `${user.displayName} is weer actief.` : `${user.displayName} is gedeactiveerd.`;
        tell({ kind: 'saved', text }, text);
      }
      setConfirm(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setActionError(toApiError(e));
      setConfirm(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <PageHeading>{`Gebruiker ${user.displayName}`}</PageHeading>
        <Paragraph>
          {user.email} · <AccountStatus user={user} />
        </Paragraph>
        <Paragraph>
          <Link href="/gebruikers" linkComponent={RouterLink}>
            Terug naar gebruikersbeheer
          </Link>
        </Paragraph>
      </Grid.Cell>
      {(notice || actionError) && (
        <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
          {actionError && <ProblemAlert error={actionError} />}
          {notice?.kind === 'password' && (
            <OneTimePasswordPanel
              forUser={user.displayName}
              password={notice.password}
              onDone={() => setNotice(null)}
            />
          )}
          {notice && notice.kind !== 'password' && (
            <div ref={noticeRef} tabIndex={-1} data-testid="user-notice">
              <Alert
                severity="success"
                heading={notice.kind === 'pending' ? 'Wacht op goedkeuring' : 'Opgeslagen'}
                headingLevel={2}
              >
                <Paragraph>{notice.text}</Paragraph>
              </Alert>
            </div>
          )}
        </Grid.Cell>
      )}
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <section aria-labelledby="user-fields-heading" className="gp-section">
          <Heading level={2} size="level-3" id="user-fields-heading">
            Gegevens en rechten
          </Heading>
          {self && (
            <Paragraph size="small">
              Dit is uw eigen account: uw naam en e-mailadres kunt u wijzigen, uw rollen en rechten wijzigt
              een andere functioneel beheerder.
            </Paragraph>
          )}
          <UserForm
            key={JSON.stringify(user)}
            // Keyed to what was loaded: a draft typed against an older state of the account is not
            // restored, so saving cannot silently undo another beheerder's change made meanwhile.
            draftKey={`user-edit:${user.id}:${fingerprint(JSON.stringify(draftOf(user)))}`}
            initial={draftOf(user)}
            currentRoles={user.roles}
            ariaLabel={`Gegevens van ${user.displayName}`}
            submitLabel="Wijzigingen opslaan"
            onCancel={() => navigate('/gebruikers')}
            onSubmit={async (draft) => {
              const body = changedFields(user, draft);
              if (Object.keys(body).length === 0) {
                tell({ kind: 'saved', text: 'Er was niets gewijzigd.' }, 'Er was niets gewijzigd.');
                return;
              }
              const { status } = await api.request('PATCH', `/users/${user.id}`, { body });
              if (status === 202)
                tell(
                  {
                    kind: 'pending',
                    text: 'Deze wijziging geeft casustoegang of beheerrechten en wacht op goedkeuring door een tweede functioneel beheerder.',
                  },
                  'De wijziging wacht op goedkeuring.',
                );
              else
                tell({ kind: 'saved', text: 'De wijzigingen zijn opgeslagen.' }, 'Wijzigingen opgeslagen.');
              setVersion((v) => v + 1);
            }}
          />
        </section>
      </Grid.Cell>
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <section aria-labelledby="user-account-heading" className="gp-section">
          <Heading level={2} size="level-3" id="user-account-heading">
            Account
          </Heading>
          <div className="gp-filter">
            <Button variant="secondary" onClick={() => setConfirm('reset')}>
              Wachtwoord resetten
            </Button>
            {!self && user.active && (
              <Button variant="secondary" onClick={() => setConfirm('deactivate')}>
                Deactiveren
              </Button>
            )}
            {!self && !user.active && (
              <Button variant="secondary" onClick={() => setConfirm('activate')}>
                Weer activeren
              </Button>
            )}
          </div>
        </section>
      </Grid.Cell>
      <ConfirmDialog
        open={confirm === 'reset'}
        heading="Wachtwoord resetten?"
        confirmLabel="Wachtwoord resetten"
        busy={busy}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
      >
        {`${user.displayName} kan dan niet meer met het huidige wachtwoord inloggen en wordt overal afgemeld. Er komt een eenmalig wachtwoord dat u persoonlijk doorgeeft (bij een account met casustoegang na goedkeuring door een tweede beheerder).`}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'deactivate'}
        heading="Gebruiker deactiveren?"
        confirmLabel="Deactiveren"
        busy={busy}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
      >
        {`${user.displayName} kan dan niet meer inloggen en wordt overal afgemeld. U kunt het account later weer activeren.`}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'activate'}
        heading="Gebruiker weer activeren?"
        confirmLabel="Weer activeren"
        busy={busy}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
      >
        {`${user.displayName} kan dan weer inloggen met het eigen wachtwoord.`}
      </ConfirmDialog>
    </Grid>
  );
}

/** A short, stable digest of a text (not for security: it only tells two loaded states apart). */
function fingerprint(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (hash * 33) ^ text.charCodeAt(i);
  return (hash >>> 0).toString(36);
}
