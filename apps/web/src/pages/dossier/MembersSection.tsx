import { Heading, Table } from '@amsterdam/design-system-react';
import type { Member } from '../../api/types';
import { Empty } from '../../components/status';
import { ageOn, formatDate, fullName } from '../../lib/format';
import { RELATION_LABELS } from '../../lib/labels';

export function MembersSection({ members }: { members: Member[] }) {
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
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
