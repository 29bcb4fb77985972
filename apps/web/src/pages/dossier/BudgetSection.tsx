import { Button, DescriptionList, Heading, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import type { Dossier } from '../../api/types';
import { useUser } from '../../auth/session';
import { Empty } from '../../components/status';
import { formatDate, formatEuro } from '../../lib/format';
import { labelOf } from '../../lib/labels';
import { canRequestBudget } from '../../lib/permissions';
import { BudgetRequestForm } from './BudgetRequestForm';

/** The maatwerkbudget of the household as libs/budgets puts it in the dossier, and a new request. */
interface BudgetContent {
  totals?: { requestedCents: number; committedCents: number; paidCents: number };
  requests?: {
    id: string;
    amountCents: number;
    justification: string;
    status: string;
    motivation?: string | null;
    requestedBy?: { name: string };
    requestedOn?: string;
    decidedBy?: { name: string } | null;
    paid?: string;
  }[];
}

export const BUDGET_STATUS: Record<string, string> = {
  ingediend: 'Ingediend, wacht op besluit',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
  betaald: 'Betaald',
};

const euro = formatEuro;

export function BudgetSection({
  budget,
  dossier,
  onChanged,
}: {
  budget: unknown;
  dossier: Dossier;
  onChanged: () => void;
}) {
  const user = useUser();
  const [requesting, setRequesting] = useState(false);
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
                <Table.Cell>{euro(r.amountCents)}</Table.Cell>
                <Table.Cell>{r.justification}</Table.Cell>
                <Table.Cell>
                  {labelOf(BUDGET_STATUS, r.status)}
                  {r.decidedBy && <div className="gp-muted">door {r.decidedBy.name}</div>}
                  {r.motivation && <div className="gp-muted">{r.motivation}</div>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canRequestBudget(dossier, user) &&
        (requesting ? (
          <BudgetRequestForm
            dossier={dossier}
            onCancel={() => setRequesting(false)}
            onDone={() => {
              setRequesting(false);
              onChanged();
            }}
          />
        ) : (
          <Button variant="secondary" className="gp-section-action" onClick={() => setRequesting(true)}>
            Maatwerkbudget aanvragen
          </Button>
        ))}
    </section>
  );
}
