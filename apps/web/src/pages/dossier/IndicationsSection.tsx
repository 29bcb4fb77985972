import { Badge, Heading, Table } from '@amsterdam/design-system-react';
import type { Dossier } from '../../api/types';
import { Empty } from '../../components/status';
import { formatDate, fullName } from '../../lib/format';
import { labelOf, PILLAR_LABELS } from '../../lib/labels';

/** An indication as the dossier shows it: the summary always, details only where the API sends them. */
interface IndicationRow {
  id: string;
  personId?: string;
  pillar: string;
  productCategory?: string;
  product?: string;
  provider?: string | null;
  form?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  status?: string;
  deadline?: string | null;
  daysLeft?: number | null;
  overdue?: boolean;
}

const STATUS_LABELS: Record<string, string> = {
  melding: 'Melding',
  aangevraagd: 'Aangevraagd',
  in_behandeling: 'In behandeling',
  opgeschort: 'Opgeschort',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
  buiten_behandeling: 'Buiten behandeling',
  ingetrokken: 'Ingetrokken',
  beeindigd: 'Beëindigd',
};

export function rowsOf(content: unknown): IndicationRow[] {
  const list = Array.isArray(content)
    ? content
    : content && typeof content === 'object' && Array.isArray((content as { items?: unknown }).items)
      ? (content as { items: unknown[] }).items
      : [];
  return list.filter((x): x is IndicationRow => !!x && typeof x === 'object' && 'id' in x && 'pillar' in x);
}

/** The indications section of the dossier (issue 5); shown only when the API includes it. */
export function IndicationsSection({ indications, dossier }: { indications: unknown; dossier: Dossier }) {
  const rows = rowsOf(indications);
  const personName = (personId?: string) => {
    const person = dossier.members?.find((m) => m.personId === personId)?.person;
    return person ? fullName(person) : '—';
  };
  return (
    <section aria-labelledby="indications-heading" className="gp-section" data-testid="indications-section">
      <Heading level={2} size="level-3" id="indications-heading">
        Indicaties en voorzieningen
      </Heading>
      {rows.length === 0 ? (
        <Empty>Er zijn geen indicaties die u mag zien.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Indicaties per gezinslid</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Pijler</Table.HeaderCell>
              <Table.HeaderCell scope="col">Voorziening</Table.HeaderCell>
              <Table.HeaderCell scope="col">Voor</Table.HeaderCell>
              <Table.HeaderCell scope="col">Periode</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">Termijn</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>{labelOf(PILLAR_LABELS, row.pillar)}</Table.Cell>
                <Table.Cell>
                  {row.product ?? labelOf({}, row.productCategory)}
                  {row.provider && <div className="gp-muted">{row.provider}</div>}
                  {!row.product && <div className="gp-muted">Alleen de samenvatting</div>}
                </Table.Cell>
                <Table.Cell>{personName(row.personId)}</Table.Cell>
                <Table.Cell>
                  {row.startDate
                    ? `${formatDate(row.startDate)} – ${row.endDate ? formatDate(row.endDate) : 'heden'}`
                    : '—'}
                </Table.Cell>
                <Table.Cell>{labelOf(STATUS_LABELS, row.status)}</Table.Cell>
                <Table.Cell>
                  {row.deadline ? (
                    <>
                      {formatDate(row.deadline)}{' '}
                      {row.overdue ? (
                        <Badge label="Verlopen" color="red" />
                      ) : row.daysLeft !== null && row.daysLeft !== undefined && row.daysLeft <= 10 ? (
                        <Badge label={`Nog ${row.daysLeft} dagen`} color="orange" />
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
