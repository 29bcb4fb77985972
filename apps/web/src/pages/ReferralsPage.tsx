import {
  ActionGroup,
  Badge,
  Button,
  Grid,
  Heading,
  Link,
  Paragraph,
  Table,
} from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Dossier, Pillar, Referral, ReferralStatus } from '../api/types';
import { useUser } from '../auth/session';
import { SelectField, TextAreaField } from '../components/fields';
import { Modal } from '../components/Modal';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { useDraft } from '../lib/drafts';
import { addressLine, formatDate } from '../lib/format';
import { PILLAR_LABELS, REFERRAL_STATUS_LABELS } from '../lib/labels';
import { canAnswerReferral } from '../lib/permissions';
import { useReference } from '../lib/reference';
import { toApiError, useResource } from '../lib/use-resource';

interface Row {
  referral: Referral;
  household: Dossier['household'] | null;
}

const FILTERS: { value: ReferralStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'accepted', label: 'Geaccepteerd' },
  { value: 'declined', label: 'Afgewezen' },
];

/** Referrals addressed to my organisation: accept (I join the case team) or decline with a reason. */
export function ReferralsPage() {
  const user = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const [status, setStatus] = useState<ReferralStatus>('open');
  const [answering, setAnswering] = useState<{ row: Row; decision: 'accept' | 'decline' } | null>(null);
  const list = useResource(
    async (signal) => {
      const referrals = await api.get<Referral[]>(`/referrals?direction=incoming&status=${status}`, {
        signal,
      });
      // The verwijsindex of each household, so the receiver knows which household it concerns.
      const households = await Promise.all(
        referrals.map((r) =>
          api.get<Dossier>(`/households/${r.householdId}`, { signal }).then(
            (d) => d.household,
            () => null,
          ),
        ),
      );
      return referrals.map((referral, i) => ({ referral, household: households[i] }));
    },
    [status],
  );

  return (
    <Grid paddingVertical="large">
      <Grid.Cell span="all">
        <PageHeading>
          Verwijzingen voor {reference.organisationName(user.organisationId) || 'mijn organisatie'}
        </PageHeading>
        <Paragraph>
          Verwijzingen van andere organisaties naar uw organisatie. Bij acceptatie komt u in het casusteam.
        </Paragraph>
        <nav aria-label="Filter op status" className="gp-filter">
          {FILTERS.map((f) => (
            <Button
              key={f.value}
              variant={f.value === status ? 'primary' : 'secondary'}
              aria-pressed={f.value === status}
              onClick={() => setStatus(f.value)}
            >
              {f.label}
            </Button>
          ))}
        </nav>
        <section aria-labelledby="incoming-heading" className="gp-section">
          <Heading level={2} size="level-3" id="incoming-heading">
            {REFERRAL_STATUS_LABELS[status]}
            {list.state === 'ready' && ` (${list.data.length})`}
          </Heading>
          {list.state === 'loading' && <Loading>Verwijzingen worden geladen…</Loading>}
          {list.state === 'error' && <ProblemAlert error={list.error} />}
          {list.state === 'ready' && list.data.length === 0 && (
            <Empty>Er zijn geen verwijzingen met deze status.</Empty>
          )}
          {list.state === 'ready' && list.data.length > 0 && (
            <Table className="gp-table" data-testid="incoming-referrals">
              <Table.Caption className="ams-visually-hidden">Inkomende verwijzingen</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Ontvangen</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Huishouden</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Van</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Reden</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Status of actie</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data.map((row) => {
                  const { referral, household } = row;
                  const where = household ? addressLine(household) : 'Huishouden';
                  return (
                    <Table.Row key={referral.id}>
                      <Table.Cell>{formatDate(referral.createdAt)}</Table.Cell>
                      <Table.Cell>
                        {household ? (
                          <Link href={`/huishoudens/${household.id}`} linkComponent={RouterLink}>
                            {where}
                          </Link>
                        ) : (
                          'Niet meer zichtbaar'
                        )}
                      </Table.Cell>
                      <Table.Cell>{reference.organisationName(referral.fromOrganisationId)}</Table.Cell>
                      <Table.Cell>
                        {referral.reason}
                        {referral.declineReason && (
                          <div className="gp-muted">Afgewezen: {referral.declineReason}</div>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {canAnswerReferral(referral, user) ? (
                          <ActionGroup>
                            <Button
                              onClick={() => setAnswering({ row, decision: 'accept' })}
                              aria-label={`Accepteren: ${where}`}
                            >
                              Accepteren
                            </Button>
                            <Button
                              variant="secondary"
                              onClick={() => setAnswering({ row, decision: 'decline' })}
                              aria-label={`Afwijzen: ${where}`}
                            >
                              Afwijzen
                            </Button>
                          </ActionGroup>
                        ) : (
                          <Badge
                            label={REFERRAL_STATUS_LABELS[referral.status]}
                            color={referral.status === 'accepted' ? 'lime' : 'red'}
                          />
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          )}
        </section>
        {answering && (
          <AnswerDialog
            row={answering.row}
            decision={answering.decision}
            onClose={() => setAnswering(null)}
            onDone={(message) => {
              setAnswering(null);
              announce(message);
              list.reload();
            }}
          />
        )}
      </Grid.Cell>
    </Grid>
  );
}

function AnswerDialog({
  row,
  decision,
  onClose,
  onDone,
}: {
  row: Row;
  decision: 'accept' | 'decline';
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const user = useUser();
  const [pillar, setPillar] = useState<string>(user.pillars[0] ?? '');
  const [reason, setReason, clearReason] = useDraft(`decline:${row.referral.id}`, '');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const where = row.household ? addressLine(row.household) : 'dit huishouden';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (decision === 'decline' && !reason.trim()) {
      setReasonError('Geef aan waarom u de verwijzing afwijst.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (decision === 'accept') {
        await api.post(`/referrals/${row.referral.id}/accept`, {
          userId: user.id,
          ...(pillar ? { pillar: pillar as Pillar } : {}),
        });
        onDone(`Verwijzing geaccepteerd. U zit nu in het casusteam van ${where}.`);
      } else {
        await api.post(`/referrals/${row.referral.id}/decline`, { reason: reason.trim() });
        clearReason();
        onDone(`Verwijzing voor ${where} afgewezen.`);
      }
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      heading={decision === 'accept' ? `Verwijzing accepteren: ${where}` : `Verwijzing afwijzen: ${where}`}
      onDismiss={onClose}
      testId="answer-dialog"
    >
      <form onSubmit={submit} noValidate className="gp-form">
        {problem && <ProblemAlert error={problem} headingLevel={3} />}
        {decision === 'accept' ? (
          <>
            <Paragraph>U komt zelf in het casusteam van dit huishouden en ziet daarna het dossier.</Paragraph>
            {user.pillars.length > 0 && (
              <SelectField
                id="accept-pillar"
                label="Uw pijler in deze casus"
                value={pillar}
                onChange={setPillar}
                placeholder="Geen pijler (betrokken professional)"
                options={user.pillars.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
              />
            )}
          </>
        ) : (
          <TextAreaField
            id="decline-reason"
            label="Reden van afwijzing"
            hint="De verwijzer ziet deze reden."
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={setReason}
            error={reasonError}
          />
        )}
        <ActionGroup>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig…' : decision === 'accept' ? 'Accepteren' : 'Afwijzen'}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            Annuleren
          </Button>
        </ActionGroup>
      </form>
    </Modal>
  );
}
