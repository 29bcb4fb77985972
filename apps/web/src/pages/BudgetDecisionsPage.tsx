import { Button, Grid, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../api/client';
import { useUser } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { formatDate, formatEuro } from '../lib/format';
import { canDecideBudgets } from '../lib/permissions';
import { useResource } from '../lib/use-resource';
import { DecisionDialog } from './budgets/DecisionDialog';

export interface PendingRequest {
  id: string;
  householdId: string;
  amountCents: number;
  justification: string;
  replacedSchemes: { code: string; label: string }[];
  payee: { name: string };
  wantedOn: string;
  requestedBy: { name: string };
  requestedOn: string;
}

/**
 * Maatwerkbudget requests waiting for a decision this user may take: within their mandate, on cases
 * they may see, never their own (rule 5; the API's worklist filters exactly that).
 */
export function BudgetDecisionsPage() {
  const user = useUser();
  if (!canDecideBudgets(user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Besluiten maatwerkbudget</PageHeading>
          <Paragraph>U heeft geen mandaat om over maatwerkbudget te besluiten.</Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }
  return <BudgetDecisionsPageContent />;
}

/** Loads only for a user who may see it: no request that would end in a 403. */
function BudgetDecisionsPageContent() {
  const user = useUser();
  const [decided, setDecided] = useState(0);
  const [deciding, setDeciding] = useState<PendingRequest | null>(null);
  const list = useResource(
    (signal) => api.get<{ items: PendingRequest[]; total: number }>('/budget-requests/worklist', { signal }),
    [decided],
  );
  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Besluiten maatwerkbudget</PageHeading>
        <Paragraph>
          Aanvragen binnen uw mandaat van {formatEuro(user.mandateCents)}, oudste eerst. Uw eigen aanvragen
          staan hier niet: die besluit een collega.
        </Paragraph>
      </Grid.Cell>
      <Grid.Cell span="all">
        <section aria-labelledby="pending-heading" className="gp-section" data-testid="budget-worklist">
          <Heading level={2} size="level-3" id="pending-heading">
            Wachten op uw besluit{list.data ? ` (${list.data.total})` : ''}
          </Heading>
          {list.state === 'loading' && !list.data && <Loading>De aanvragen worden geladen…</Loading>}
          {list.state === 'error' && <ProblemAlert error={list.error} />}
          {list.data && list.data.items.length === 0 && (
            <Empty>Er wachten geen aanvragen op uw besluit.</Empty>
          )}
          {list.data && list.data.items.length > 0 && (
            <Table className="gp-table">
              <Table.Caption className="ams-visually-hidden">
                Aanvragen maatwerkbudget, oudste eerst
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Aanvraag</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Bedrag</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Onderbouwing</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Besluit</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data.items.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>
                      {formatDate(r.requestedOn)} door {r.requestedBy.name}
                      <div>
                        <Link href={`/huishoudens/${r.householdId}`} linkComponent={RouterLink}>
                          Dossier van deze aanvraag
                        </Link>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      {formatEuro(r.amountCents)}
                      <div className="gp-muted">nodig op {formatDate(r.wantedOn)}</div>
                    </Table.Cell>
                    <Table.Cell>
                      {r.justification}
                      <div className="gp-muted">
                        Vervangt: {r.replacedSchemes.map((s) => s.label).join(', ')}. Betalen aan{' '}
                        {r.payee.name}.
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <Button
                        variant="secondary"
                        aria-label={`Besluiten over ${formatEuro(r.amountCents)}…`}
                        onClick={() => setDeciding(r)}
                      >
                        Besluiten…
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      </Grid.Cell>
      <DecisionDialog
        key={deciding?.id ?? 'none'}
        request={deciding}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDeciding(null);
          setDecided((n) => n + 1);
        }}
      />
    </Grid>
  );
}
