import { Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import { useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../lib/announcer';
import { formatDate } from '../../lib/format';
import type { OneTimePassword } from './types';

/**
 * The one-time password the server made, shown once: it lives only in this component's memory (no draft,
 * no storage) and is gone when the beheerder closes the panel or leaves the page.
 */
export function OneTimePasswordPanel({
  forUser,
  password,
  onDone,
}: {
  forUser: string;
  password: OneTimePassword;
  onDone: () => void;
}) {
  const announce = useAnnounce();
  const panel = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    // After the dialog that led here has given the focus back to its opener.
    const timer = setTimeout(() => panel.current?.focus(), 0);
    announce(`Eenmalig wachtwoord voor ${forUser} gemaakt. Het wordt maar één keer getoond.`);
    return () => clearTimeout(timer);
  }, [announce, forUser]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password.oneTimePassword);
      setCopied('yes');
      announce('Wachtwoord gekopieerd.');
    } catch {
      setCopied('failed');
      announce('Kopiëren lukte niet; selecteer het wachtwoord en kopieer het zelf.');
    }
  };

  return (
    <div ref={panel} tabIndex={-1} className="gp-one-time-password" data-testid="one-time-password-panel">
      <Alert severity="warning" heading={`Eenmalig wachtwoord voor ${forUser}`} headingLevel={2}>
        <Paragraph>
          Geef dit eenmalige wachtwoord persoonlijk door; het wordt niet opnieuw getoond. De gebruiker kiest
          bij de eerste keer inloggen een eigen wachtwoord.
        </Paragraph>
        <p className="gp-one-time-password__value">
          <code data-testid="one-time-password" aria-label="Eenmalig wachtwoord">
            {password.oneTimePassword}
          </code>
        </p>
        <Paragraph size="small">Geldig tot {formatDate(password.oneTimePasswordExpiresAt)}.</Paragraph>
        {copied === 'failed' && (
          <Paragraph size="small">
            Kopiëren lukte niet; selecteer het wachtwoord en kopieer het zelf.
          </Paragraph>
        )}
        <div className="gp-filter">
          <Button variant="secondary" onClick={() => void copy()}>
            {copied === 'yes' ? 'Gekopieerd' : 'Wachtwoord kopiëren'}
          </Button>
          <Button variant="primary" onClick={onDone}>
            Doorgegeven, verbergen
          </Button>
        </div>
      </Alert>
    </div>
  );
}
