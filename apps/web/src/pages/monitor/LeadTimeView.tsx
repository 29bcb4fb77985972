import { Heading, Table } from '@amsterdam/design-system-react';
import { BarChart } from './BarChart';
import { Figure } from './figures';
import type { LeadTimeTable } from './types';

/** Lead times per month: number, average days and how many took longer than the legal term. */
export function LeadTimeView({ id, title, table }: { id: string; title: string; table: LeadTimeTable }) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="gp-section" data-testid={`monitor-${id}`}>
      <Heading level={2} size="level-3" id={headingId}>
        {title}
      </Heading>
      {table.rows.length > 0 && (
        <BarChart
          title={`${title}: gemiddeld aantal dagen per maand`}
          bars={table.rows.map((r) => ({ label: r.month, value: r.averageDays }))}
        />
      )}
      <div className="gp-table-scroll">
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">{title}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">maand</Table.HeaderCell>
              <Table.HeaderCell scope="col">aantal</Table.HeaderCell>
              <Table.HeaderCell scope="col">gemiddeld aantal dagen</Table.HeaderCell>
              <Table.HeaderCell scope="col">meer dan {table.limitDays} dagen</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[...table.rows, table.total].map((r) => (
              <Table.Row key={r.month}>
                <Table.HeaderCell scope="row">{r.month}</Table.HeaderCell>
                <Table.Cell>
                  <Figure value={r.procedures} />
                </Table.Cell>
                <Table.Cell>
                  <Figure value={r.averageDays} />
                </Table.Cell>
                <Table.Cell>
                  <Figure value={r.overLimit} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
