import { Button, Heading, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import type { Dossier } from '../../api/types';
import { useUser } from '../../auth/session';
import { Empty } from '../../components/status';
import { formatDate, fullName } from '../../lib/format';
import { REPRESENTATIVE_LABELS } from '../../lib/labels';
import { canEditCase } from '../../lib/permissions';
import { AddRepresentativeForm } from './AddRepresentativeForm';

export function RepresentativesSection({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const user = useUser();
  const [adding, setAdding] = useState(false);
  const representatives = dossier.representatives ?? [];
  const personName = (personId: string) => {
    const person = dossier.members?.find((m) => m.personId === personId)?.person;
    return person ? fullName(person) : 'Onbekend';
  };
  return (
    <section
      aria-labelledby="representatives-heading"
      className="gp-section"
      data-testid="representatives-section"
    >
      <Heading level={2} size="level-3" id="representatives-heading">
        Vertegenwoordigers
      </Heading>
      {representatives.length === 0 ? (
        <Empty>Geen bewindvoerder, mentor, curator of gemachtigde geregistreerd.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Vertegenwoordigers van gezinsleden</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Voor</Table.HeaderCell>
              <Table.HeaderCell scope="col">Soort</Table.HeaderCell>
              <Table.HeaderCell scope="col">Naam en contact</Table.HeaderCell>
              <Table.HeaderCell scope="col">Reikwijdte</Table.HeaderCell>
              <Table.HeaderCell scope="col">Periode</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {representatives.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{personName(r.personId)}</Table.Cell>
                <Table.Cell>{REPRESENTATIVE_LABELS[r.kind] ?? r.kind}</Table.Cell>
                <Table.Cell>
                  {r.name}
                  {r.organisationName && `, ${r.organisationName}`}
                  {r.contact && <span className="gp-muted"> · {r.contact}</span>}
                </Table.Cell>
                <Table.Cell>{r.scope}</Table.Cell>
                <Table.Cell>
                  {formatDate(r.startsOn)} – {r.endsOn ? formatDate(r.endsOn) : 'heden'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canEditCase(dossier, user) &&
        (dossier.members ?? []).some((m) => !m.leftOn) &&
        (adding ? (
          <AddRepresentativeForm
            dossier={dossier}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ) : (
          <Button variant="secondary" className="gp-section-action" onClick={() => setAdding(true)}>
            Vertegenwoordiger toevoegen
          </Button>
        ))}
    </section>
  );
}
