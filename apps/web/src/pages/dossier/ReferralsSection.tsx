import { Badge, Heading, Table } from '@amsterdam/design-system-react';
import type { Dossier } from '../../api/types';
import { Empty } from '../../components/status';
import { formatDate } from '../../lib/format';
import { REFERRAL_STATUS_LABELS } from '../../lib/labels';
import { useReference } from '../../lib/reference';

const STATUS_COLOURS = { open: 'yellow', accepted: 'lime', declined: 'red' } as const;

export function ReferralsSection({ dossier }: { dossier: Dossier }) {
  const reference = useReference();
  const referrals = [...(dossier.referrals ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="referrals-heading" className="gp-section" data-testid="referrals-section">
      <Heading level={2} size="level-3" id="referrals-heading">
        Verwijzingen
      </Heading>
      {referrals.length === 0 ? (
        <Empty>Er zijn geen verwijzingen.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Verwijzingen, nieuwste eerst</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
              <Table.HeaderCell scope="col">Van</Table.HeaderCell>
              <Table.HeaderCell scope="col">Naar</Table.HeaderCell>
              <Table.HeaderCell scope="col">Reden</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {referrals.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{formatDate(r.createdAt)}</Table.Cell>
                <Table.Cell>{reference.organisationName(r.fromOrganisationId)}</Table.Cell>
                <Table.Cell>{reference.organisationName(r.toOrganisationId)}</Table.Cell>
                <Table.Cell>
                  {r.reason}
                  {r.declineReason && <div className="gp-muted">Reden afwijzing: {r.declineReason}</div>}
                </Table.Cell>
                <Table.Cell>
                  <Badge label={REFERRAL_STATUS_LABELS[r.status]} color={STATUS_COLOURS[r.status]} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
