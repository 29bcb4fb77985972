import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Dossier } from '../../api/types';
import { useUser } from '../../auth/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/fields';
import { ProblemAlert } from '../../components/problems';
import { Empty } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { formatDate } from '../../lib/format';
import { CASE_ROLE_LABELS, PILLAR_LABELS } from '../../lib/labels';
import { canChangeActiveCase, canHandOverRegie } from '../../lib/permissions';
import { toApiError } from '../../lib/use-resource';
import { AddCaseTeamMemberForm } from './AddCaseTeamMemberForm';

/** Who works on the household, and the hand-over of the regie to another case-team member. */
export function CaseTeamSection({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const user = useUser();
  const announce = useAnnounce();
  const active = (dossier.caseTeam ?? []).filter((m) => !m.leftAt);
  const former = (dossier.caseTeam ?? []).filter((m) => m.leftAt);
  const regisseur = active.find((m) => m.caseRole === 'regisseur');
  const candidates = active.filter((m) => m.caseRole !== 'regisseur');
  const mayHandOver = canHandOverRegie(dossier, user) && candidates.length > 0;
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = candidates.find((c) => c.userId === choice);

  const handOver = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/households/${dossier.household.id}/regisseur`, {
        userId: chosen.userId,
        ...(chosen.pillar ? { pillar: chosen.pillar } : {}),
      });
      setConfirming(false);
      setChoice('');
      announce(`De regie is overgedragen aan ${chosen.name}.`);
      onChanged();
    } catch (e) {
      setConfirming(false);
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="caseteam-heading" className="gp-section" data-testid="caseteam-section">
      <Heading level={2} size="level-3" id="caseteam-heading">
        Casusteam
      </Heading>
      {active.length === 0 ? (
        <Empty>Er zit niemand in het casusteam.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Betrokken professionals</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Naam</Table.HeaderCell>
              <Table.HeaderCell scope="col">Organisatie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Rol in de casus</Table.HeaderCell>
              <Table.HeaderCell scope="col">Pijler</Table.HeaderCell>
              <Table.HeaderCell scope="col">Grondslag</Table.HeaderCell>
              <Table.HeaderCell scope="col">Sinds</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {[...active, ...former].map((member) => (
              <Table.Row key={member.id}>
                <Table.Cell>
                  {member.name}
                  {member.userId === user.id && <span className="gp-muted"> (u)</span>}
                  {member.leftAt && (
                    <span className="gp-muted"> (vertrokken {formatDate(member.leftAt)})</span>
                  )}
                </Table.Cell>
                <Table.Cell>{member.organisation}</Table.Cell>
                <Table.Cell>{CASE_ROLE_LABELS[member.caseRole] ?? member.caseRole}</Table.Cell>
                <Table.Cell>{member.pillar ? PILLAR_LABELS[member.pillar] : '—'}</Table.Cell>
                <Table.Cell>{member.legalBasis}</Table.Cell>
                <Table.Cell>{formatDate(member.joinedAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {canChangeActiveCase(dossier, user) &&
        (adding ? (
          <AddCaseTeamMemberForm
            dossier={dossier}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ) : (
          <Button variant="secondary" className="gp-section-action" onClick={() => setAdding(true)}>
            Collega toevoegen
          </Button>
        ))}
      {mayHandOver && (
        <form
          className="gp-form gp-inline-form"
          aria-labelledby="handover-heading"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) {
              setChoiceError('Kies aan wie u de regie overdraagt.');
              return;
            }
            setChoiceError(undefined);
            setConfirming(true);
          }}
        >
          <Heading level={3} size="level-4" id="handover-heading">
            Regie overdragen
          </Heading>
          <Paragraph size="small">
            {regisseur ? `${regisseur.name} is nu de regisseur` : 'Er is nu geen regisseur'}; de huidige
            regisseur blijft als betrokken professional in het casusteam.
          </Paragraph>
          <SelectField
            id="handover-user"
            label="Nieuwe regisseur"
            placeholder="Kies een lid van het casusteam"
            value={choice}
            onChange={setChoice}
            error={choiceError}
            options={candidates.map((c) => ({
              value: c.userId,
              label: `${c.name} (${c.organisation}${c.pillar ? `, ${PILLAR_LABELS[c.pillar]}` : ''})`,
            }))}
          />
          <Button type="submit" variant="secondary">
            Regie overdragen…
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        heading="Regie overdragen?"
        confirmLabel="Ja, draag de regie over"
        busy={busy}
        onConfirm={() => void handOver()}
        onCancel={() => setConfirming(false)}
      >
        {`${chosen?.name ?? ''} wordt de regisseur van dit huishouden. Wilt u de regie overdragen?`}
      </ConfirmDialog>
    </section>
  );
}
