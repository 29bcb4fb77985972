import { DescriptionList, Heading, Table } from '@amsterdam/design-system-react';
import { Empty } from '../../components/status';
import { formatDate } from '../../lib/format';
import { labelOf } from '../../lib/labels';

/** The maatwerkbudget of the household as libs/budgets puts it in the dossier (read-only here). */
interface BudgetContent {
  totals?: { requestedCents: number; committedCents: number; paidCents: number };
  requests?: {
    id: string;
    amount: string;
    justification: string;
    status: string;
    requestedBy?: { name: string };
    requestedOn?: string;
    decidedBy?: { name: string } | null;
    paid?: string;
  }[];
}

const STATUS: Record<string, string> = {
  aangevraagd: 'Aangevraagd',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
  betaald: 'Betaald',
};

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export function BudgetSection({ budget }: { budget: unknown }) {
  const content = (budget && typeof budget === 'object' ? budget : {}) as BudgetContent;
  const requests = Array.isArray(content.requests) ? content.requests : [];
  return (
    <section aria-labelledby="budget-heading" className="gp-section" data-testid="budget-section">
      <Heading level={2} size="level-3" id="budget-heading">
        Maatwerkbudget
      </Heading>
      {content.totals && (
        <DescriptionList termsWidth="medium" className="gp-dl">
          <DescriptionList.Term>Aangevraagd</DescriptionList.Term>
          <DescriptionList.Description>{euro(content.totals.requestedCents)}</DescriptionList.Description>
          <DescriptionList.Term>Toegekend, nog te betalen</DescriptionList.Term>
          <DescriptionList.Description>{euro(content.totals.committedCents)}</DescriptionList.Description>
          <DescriptionList.Term>Betaald</DescriptionList.Term>
          <DescriptionList.Description>{euro(content.totals.paidCents)}</DescriptionList.Description>
        </DescriptionList>
      )}
      {requests.length === 0 ? (
        <Empty>Er zijn geen aanvragen voor maatwerkbudget.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">
            Aanvragen maatwerkbudget, nieuwste eerst
          </Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Aangevraagd</Table.HeaderCell>
              <Table.HeaderCell scope="col">Bedrag</Table.HeaderCell>
              <Table.HeaderCell scope="col">Onderbouwing</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {requests.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>
                  {formatDate(r.requestedOn)}
                  {r.requestedBy && <div className="gp-muted">{r.requestedBy.name}</div>}
                </Table.Cell>
                <Table.Cell>€ {r.amount}</Table.Cell>
                <Table.Cell>{r.justification}</Table.Cell>
                <Table.Cell>
                  {labelOf(STATUS, r.status)}
                  {r.decidedBy && <div className="gp-muted">door {r.decidedBy.name}</div>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
