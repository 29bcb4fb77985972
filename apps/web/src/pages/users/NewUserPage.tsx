import { Alert, Button, Grid, Link, Paragraph } from '@amsterdam/design-system-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { RouterLink } from '../../components/RouterLink';
import { useAnnounce } from '../../lib/announcer';
import { canManageUsers } from '../../lib/permissions';
import { NoUserAdministration } from './NoUserAdministration';
import { OneTimePasswordPanel } from './OneTimePasswordPanel';
import type { AccountChange, CreatedUser } from './types';
import { bodyOf, EMPTY_USER } from './user-draft';
import { UserForm } from './UserForm';

type Outcome = { kind: 'created'; user: CreatedUser } | { kind: 'pending'; change: AccountChange };

/** A new account: at once with a one-time password, or (case access) waiting for a second beheerder. */
export function NewUserPage() {
  const user = useUser();
  if (!canManageUsers(user)) return <NoUserAdministration />;
  return <NewUserPageContent />;
}

function NewUserPageContent() {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Grid paddingVertical="large">
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <PageHeading>Nieuwe gebruiker</PageHeading>
        {outcome ? (
          <NewUserOutcome outcome={outcome} onAnother={() => setOutcome(null)} />
        ) : (
          <UserForm
            draftKey="user-new"
            initial={EMPTY_USER}
            ariaLabel="Nieuwe gebruiker"
            submitLabel="Gebruiker aanmaken"
            onCancel={() => navigate('/gebruikers')}
            onSubmit={async (draft) => {
              const { status, data } = await api.request<CreatedUser | AccountChange>('POST', '/users', {
                body: bodyOf(draft),
              });
              if (status === 202) {
                const change = data as AccountChange;
                announce(
                  `Aanvraag voor ${change.displayName} wacht op goedkeuring door een tweede beheerder.`,
                );
                setOutcome({ kind: 'pending', change });
              } else {
                setOutcome({ kind: 'created', user: data as CreatedUser });
              }
            }}
          />
        )}
      </Grid.Cell>
    </Grid>
  );
}

function NewUserOutcome({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  const [passwordShown, setPasswordShown] = useState(true);
  const pending = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.kind === 'pending') pending.current?.focus();
  }, [outcome]);
  return (
    <div className="gp-section">
      {outcome.kind === 'pending' ? (
        <div ref={pending} tabIndex={-1} data-testid="user-pending">
          <Alert severity="success" heading="Aanvraag wacht op goedkeuring" headingLevel={2}>
            <Paragraph>
              Het account voor {outcome.change.displayName} ({outcome.change.email}) geeft toegang tot
              casussen of beheerrechten. Een andere functioneel beheerder moet de aanvraag goedkeuren; die
              krijgt dan het eenmalige wachtwoord te zien en geeft het door.
            </Paragraph>
          </Alert>
        </div>
      ) : passwordShown ? (
        <OneTimePasswordPanel
          forUser={outcome.user.displayName}
          password={outcome.user}
          onDone={() => setPasswordShown(false)}
        />
      ) : (
        <Paragraph>
          Het account voor {outcome.user.displayName} is aangemaakt. Het eenmalige wachtwoord wordt niet
          opnieuw getoond; vergeten? Reset dan het wachtwoord.
        </Paragraph>
      )}
      <Paragraph>
        <Link href="/gebruikers" linkComponent={RouterLink}>
          Terug naar gebruikersbeheer
        </Link>
      </Paragraph>
      <div>
        <Button variant="secondary" onClick={onAnother}>
          Nog een gebruiker aanmaken
        </Button>
      </div>
    </div>
  );
}
