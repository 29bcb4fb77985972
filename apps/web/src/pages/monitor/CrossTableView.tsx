import { Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { type Bar, BarChart } from './BarChart';
import { Figure } from './figures';
import type { CrossTable, Published } from './types';

/** What the chart of a table shows: its row totals, else its only column, else nothing. */
function chartBars(table: CrossTable): { title: string; bars: Bar[] } | null {
  if (table.rows.length === 0 || table.rows.length > 60) return null;
  if (table.rowTotals)
    return {
      title: `${table.title}: totaal per ${table.rowHeader}`,
      bars: table.rows.map((r, i) => ({ label: r.label, value: table.rowTotals![i] })),
    };
  if (table.columns.length >= 1)
    return {
      title: `${table.title}: ${table.columns[0].label} per ${table.rowHeader}`,
      bars: table.rows.map((r, i) => ({ label: r.label, value: table.cells[i][0] as Published | null })),
    };
  return null;
}

/** One monitor table: heading, chart and the data table with every published figure. */
export function CrossTableView({ id, table }: { id: string; table: CrossTable }) {
  const chart = chartBars(table);
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="gp-section" data-testid={`monitor-${id}`}>
      <Heading level={2} size="level-3" id={headingId}>
        {table.title}
      </Heading>
      {table.note && <Paragraph className="gp-muted">{table.note}</Paragraph>}
      {chart && <BarChart title={chart.title} bars={chart.bars} />}
      <div className="gp-table-scroll">
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">{table.title}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{table.rowHeader}</Table.HeaderCell>
              {table.columns.map((c) => (
                <Table.HeaderCell key={c.key} scope="col">
                  {c.label}
                </Table.HeaderCell>
              ))}
              {table.rowTotals && <Table.HeaderCell scope="col">totaal</Table.HeaderCell>}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {table.rows.map((r, i) => (
              <Table.Row key={r.key}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                {table.cells[i].map((v, c) => (
                  <Table.Cell key={table.columns[c].key}>
                    <Figure value={v} />
                  </Table.Cell>
                ))}
                {table.rowTotals && (
                  <Table.Cell>
                    <Figure value={table.rowTotals[i]} />
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
            {table.columnTotals && (
              <Table.Row>
                <Table.HeaderCell scope="row">totaal</Table.HeaderCell>
                {table.columnTotals.map((v, c) => (
                  <Table.Cell key={table.columns[c].key}>
                    <Figure value={v} />
                  </Table.Cell>
                ))}
                {table.rowTotals && (
                  <Table.Cell>
                    <Figure value={table.grandTotal} />
                  </Table.Cell>
                )}
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
