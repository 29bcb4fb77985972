import { Button, Heading, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import type { Dossier, Member } from '../../api/types';
import { useUser } from '../../auth/session';
import { Empty } from '../../components/status';
import { ageOn, formatDate, fullName } from '../../lib/format';
import { RELATION_LABELS } from '../../lib/labels';
import { canChangeActiveCase } from '../../lib/permissions';
import { AddMemberForm } from './AddMemberForm';
import { EndMembershipDialog } from './EndMembershipDialog';

/** The members, current first; the case team adds a member or records that one left (after confirming). */
export function MembersSection({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const user = useUser();
  const members = dossier.members ?? [];
  const mayChange = canChangeActiveCase(dossier, user);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Member | null>(null);
  const current = members.filter((m) => !m.leftOn);
  const former = members.filter((m) => m.leftOn);
  return (
    <section aria-labelledby="members-heading" className="gp-section" data-testid="members-section">
      <Heading level={2} size="level-3" id="members-heading">
        Gezinsleden ({current.length})
      </Heading>
      {members.length === 0 ? (
        <Empty>Er zijn geen gezinsleden geregistreerd.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Gezinsleden, huidige eerst</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Naam</Table.HeaderCell>
              <Table.HeaderCell scope="col">Relatie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Geboortedatum</Table.HeaderCell>
              <Table.HeaderCell scope="col">BSN</Table.HeaderCell>
              <Table.HeaderCell scope="col">Lid sinds</Table.HeaderCell>
              {mayChange && (
                <Table.HeaderCell scope="col">
                  <span className="ams-visually-hidden">Acties</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[...current, ...former].map((member) => (
              <Table.Row key={member.id}>
                <Table.Cell>
                  {member.person ? fullName(member.person) : 'Onbekend'}
                  {member.leftOn && (
                    <span className="gp-muted"> (vertrokken {formatDate(member.leftOn)})</span>
                  )}
                </Table.Cell>
                <Table.Cell>{RELATION_LABELS[member.relation] ?? member.relation}</Table.Cell>
                <Table.Cell>
                  {member.person && (
                    <>
                      {formatDate(member.person.birthDate)}{' '}
                      <span className="gp-muted">({ageOn(member.person.birthDate)} jaar)</span>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>{member.person?.bsn}</Table.Cell>
                <Table.Cell>{formatDate(member.joinedOn)}</Table.Cell>
                {mayChange && (
                  <Table.Cell>
                    {!member.leftOn && member.person && (
                      <Button
                        variant="tertiary"
                        aria-label={`Vertrokken… ${fullName(member.person)}`}
                        onClick={() => setEnding(member)}
                      >
                        Vertrokken…
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {mayChange &&
        (adding ? (
          <AddMemberForm
            householdId={dossier.household.id}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ) : (
          <Button variant="secondary" className="gp-section-action" onClick={() => setAdding(true)}>
            Gezinslid toevoegen
          </Button>
        ))}
      <EndMembershipDialog
        key={ending?.id ?? 'none'}
        householdId={dossier.household.id}
        member={ending}
        onClose={() => setEnding(null)}
        onEnded={() => {
          setEnding(null);
          onChanged();
        }}
      />
    </section>
  );
}
