import { Button, Grid, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { TextField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, ProblemAlert } from '../components/problems';
import { FirstPasswordForm, PASSWORD_CHANGE_REQUIRED } from './FirstPasswordForm';

export function LoginPage() {
  const { status, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** Logged in with a one-time password: the user chooses their own before anything else. */
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);

  if (status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = 'Vul uw e-mailadres in.';
    if (!password) missing.password = 'Vul uw wachtwoord in.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.problem.type === PASSWORD_CHANGE_REQUIRED) {
        setOneTime({ email: email.trim(), password });
      } else {
        setProblem(error instanceof ApiError ? error : null);
      }
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    errors.email && { id: '#email', label: errors.email },
    errors.password && { id: '#password', label: errors.password },
  ].filter((e): e is { id: string; label: string } => Boolean(e));

  return (
    <Grid paddingVertical="x-large">
      <Grid.Cell span={{ narrow: 4, medium: 6, wide: 6 }} start={{ narrow: 1, medium: 2, wide: 4 }}>
        <PageHeading>{oneTime ? 'Eigen wachtwoord kiezen' : 'Inloggen'}</PageHeading>
        <Paragraph className="gp-lead">
          Gezinsplan is het dossier voor 1 Gezin 1 Plan 1 Regisseur van het Sociaal Domein
          Maastricht-Heuvelland.
        </Paragraph>
        {oneTime ? (
          <FirstPasswordForm
            email={oneTime.email}
            oneTimePassword={oneTime.password}
            onCancel={() => setOneTime(null)}
          />
        ) : (
          <form onSubmit={submit} noValidate className="gp-form" aria-label="Inloggen">
            <ErrorSummary errors={summary} />
            {problem && <ProblemAlert error={problem} />}
            <TextField
              id="email"
              label="E-mailadres"
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={errors.email}
            />
            <TextField
              id="password"
              label="Wachtwoord"
              password
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
            />
            <Button type="submit" disabled={busy}>
              {busy ? 'Bezig met inloggen…' : 'Inloggen'}
            </Button>
          </form>
        )}
      </Grid.Cell>
    </Grid>
  );
}
