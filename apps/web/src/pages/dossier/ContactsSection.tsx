import { Heading, Table } from '@amsterdam/design-system-react';
import { Empty } from '../../components/status';
import { formatDate } from '../../lib/format';

/** Spreekuur contacts linked to the household, as libs/outreach puts them in the dossier (read-only). */
interface ContactRow {
  id: string;
  wijkservicepunt?: { name: string };
  contactAt: string;
  topics?: string[];
  note?: string | null;
  followUpOn?: string | null;
  followUpDoneOn?: string | null;
}

export function ContactsSection({ contacts }: { contacts: unknown }) {
  const rows = (Array.isArray(contacts) ? contacts : []).filter(
    (c): c is ContactRow => !!c && typeof c === 'object' && 'id' in c && 'contactAt' in c,
  );
  return (
    <section aria-labelledby="contacts-heading" className="gp-section" data-testid="contacts-section">
      <Heading level={2} size="level-3" id="contacts-heading">
        Contacten op het spreekuur
      </Heading>
      {rows.length === 0 ? (
        <Empty>Er zijn geen spreekuurcontacten met dit huishouden.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Spreekuurcontacten, nieuwste eerst</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
              <Table.HeaderCell scope="col">Wijkservicepunt</Table.HeaderCell>
              <Table.HeaderCell scope="col">Onderwerpen</Table.HeaderCell>
              <Table.HeaderCell scope="col">Opvolging</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{formatDate(c.contactAt)}</Table.Cell>
                <Table.Cell>{c.wijkservicepunt?.name ?? '—'}</Table.Cell>
                <Table.Cell>
                  {(c.topics ?? []).join(', ')}
                  {c.note && <div className="gp-muted">{c.note}</div>}
                </Table.Cell>
                <Table.Cell>
                  {c.followUpOn
                    ? `${formatDate(c.followUpOn)}${c.followUpDoneOn ? ` (gedaan ${formatDate(c.followUpDoneOn)})` : ''}`
                    : '—'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
