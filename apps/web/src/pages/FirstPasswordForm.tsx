import { Button, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client';
import { TextField } from '../components/fields';
import { ErrorSummary, ProblemAlert } from '../components/problems';

const MIN_LENGTH = 12;
const FIELD_IDS: Record<string, string> = { newPassword: 'new-password', oneTimePassword: 'new-password' };

/** The problem type of a login with a one-time password: choose one's own password first. */
export const PASSWORD_CHANGE_REQUIRED = 'urn:gezinsplan:problem:password-change-required';

/**
 * After a login with a one-time password (set by the functioneel beheerder): the user chooses their
 * own password, which logs them in. The one-time password itself opens nothing else.
 */
export function FirstPasswordForm({
  email,
  oneTimePassword,
  onCancel,
}: {
  email: string;
  oneTimePassword: string;
  onCancel: () => void;
}) {
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (newPassword.length < MIN_LENGTH)
      found['new-password'] = `Kies een wachtwoord van minstens ${MIN_LENGTH} tekens.`;
    else if (newPassword === oneTimePassword)
      found['new-password'] = 'Kies een eigen wachtwoord, niet het eenmalige.';
    if (repeat !== newPassword) found['repeat-password'] = 'De wachtwoorden zijn niet gelijk.';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await api.firstPassword(email, oneTimePassword, newPassword);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = Object.fromEntries(
        error.fieldErrors.map((e) => [FIELD_IDS[e.field] ?? e.field, e.message] as const),
      );
      setErrors(fields);
      setProblem(Object.keys(fields).length ? null : error);
    } finally {
      setBusy(false);
    }
  };

  const summary = Object.entries(errors).map(([id, label]) => ({ id: `#${id}`, label }));
  return (
    <form onSubmit={submit} noValidate className="gp-form" aria-label="Eigen wachtwoord kiezen">
      <Paragraph>
        U gebruikt een eenmalig wachtwoord. Kies eerst een eigen wachtwoord; daarmee logt u in.
      </Paragraph>
      <ErrorSummary errors={summary} />
      {problem && <ProblemAlert error={problem} />}
      <TextField
        id="new-password"
        label="Nieuw wachtwoord"
        hint={`Minstens ${MIN_LENGTH} tekens.`}
        password
        autoComplete="new-password"
        autoFocus
        value={newPassword}
        onChange={setNewPassword}
        error={errors['new-password']}
      />
      <TextField
        id="repeat-password"
        label="Herhaal nieuw wachtwoord"
        password
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={errors['repeat-password']}
      />
      <div className="gp-actions">
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met opslaan…' : 'Wachtwoord opslaan en inloggen'}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Annuleren
        </Button>
      </div>
    </form>
  );
}
