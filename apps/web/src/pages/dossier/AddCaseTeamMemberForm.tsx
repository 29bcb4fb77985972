import { Button, Heading, Paragraph } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { CaseTeamCandidate, Dossier, Pillar } from '../../api/types';
import { SelectField, TextField } from '../../components/fields';
import { FormErrors, ProblemAlert } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { CASE_ROLE_LABELS, PILLAR_LABELS } from '../../lib/labels';
import { useForm } from '../../lib/use-form';
import { toApiError } from '../../lib/use-resource';
import type { ApiError } from '../../api/client';
import { FormActions } from '../../components/FormActions';

interface CaseTeamDraft {
  q: string;
  userId: string;
  caseRole: string;
  pillar: string;
}

const LABELS: Record<keyof CaseTeamDraft, string> = {
  q: 'Zoek een collega op naam',
  userId: 'Collega',
  caseRole: 'Rol in de casus',
  pillar: 'Pijler',
};

const ROLES = (['pillar_contact', 'contributor'] as const).map((value) => ({
  value,
  label: CASE_ROLE_LABELS[value],
}));

/** A colleague of one pillar joins for that pillar unless the user picks another. */
const pillarOf = (c?: CaseTeamCandidate) => (c?.pillars.length === 1 ? c.pillars[0] : undefined);

const describe = (c: CaseTeamCandidate) =>
  `${c.displayName} (${[c.organisation, ...c.pillars.map((p) => PILLAR_LABELS[p])].join(', ')})`;

/** Adds a colleague to the case team: find them by name (the API offers only who may join), then a role. */
export function AddCaseTeamMemberForm({
  dossier,
  onDone,
  onCancel,
}: {
  dossier: Dossier;
  onDone: () => void;
  onCancel: () => void;
}) {
  const announce = useAnnounce();
  const householdId = dossier.household.id;
  const [found, setFound] = useState<CaseTeamCandidate[] | null>(null);
  const [searchError, setSearchError] = useState<string>();
  const [searchProblem, setSearchProblem] = useState<ApiError | null>(null);
  const [searching, setSearching] = useState(false);
  const form = useForm<CaseTeamDraft>({
    draftKey: `case-team:${householdId}`,
    idPrefix: 'caseteam',
    labels: LABELS,
    initial: { q: '', userId: '', caseRole: 'contributor', pillar: '' },
    validate: (d) => ({
      // A choice kept in the draft counts only among the colleagues found in this search.
      ...(found?.some((c) => c.userId === d.userId)
        ? {}
        : { userId: 'Zoek en kies de collega die u toevoegt.' }),
      ...(d.caseRole ? {} : { caseRole: 'Kies de rol in de casus.' }),
      ...(d.caseRole === 'pillar_contact' && !d.pillar
        ? { pillar: 'Kies de pijler waarvoor deze collega contactpersoon is.' }
        : {}),
    }),
    submit: async (d) => {
      await api.post(`/households/${householdId}/case-team`, {
        userId: d.userId,
        caseRole: d.caseRole,
        ...(d.pillar ? { pillar: d.pillar } : {}),
      });
      const name = found?.find((c) => c.userId === d.userId)?.displayName ?? 'De collega';
      announce(`${name} is toegevoegd aan het casusteam.`);
      onDone();
    },
  });
  const { field, draft, setDraft } = form;

  const search = async () => {
    const q = draft.q.trim();
    if (q.length < 2) {
      setSearchError('Vul minstens 2 letters van de naam in.');
      return;
    }
    setSearchError(undefined);
    setSearchProblem(null);
    setSearching(true);
    try {
      const result = await api.get<CaseTeamCandidate[]>(
        `/households/${householdId}/case-team/candidates?q=${encodeURIComponent(q)}`,
      );
      setFound(result);
      const only = result.length === 1 ? result[0] : undefined;
      setDraft((d) => ({ ...d, userId: only?.userId ?? '', pillar: pillarOf(only) ?? d.pillar }));
      announce(result.length === 0 ? 'Geen collega gevonden.' : `${result.length} collega's gevonden.`);
    } catch (e) {
      setSearchProblem(toApiError(e));
    } finally {
      setSearching(false);
    }
  };

  const choose = (userId: string) => {
    const pillar = pillarOf(found?.find((c) => c.userId === userId));
    setDraft((d) => ({ ...d, userId, pillar: pillar ?? d.pillar }));
  };

  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="add-caseteam-heading"
      data-testid="add-caseteam-form"
    >
      <Heading level={3} size="level-4" id="add-caseteam-heading">
        Collega toevoegen aan het casusteam
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <TextField
        {...field('q')}
        error={searchError}
        hint="U ziet alleen actieve professionals die voor de gemeente van dit huishouden werken."
        maxLength={100}
        optional
      />
      <Button type="button" variant="secondary" disabled={searching} onClick={() => void search()}>
        {searching ? 'Bezig met zoeken…' : 'Zoeken'}
      </Button>
      {searchProblem && <ProblemAlert error={searchProblem} headingLevel={4} />}
      {found && found.length === 0 && (
        <Paragraph size="small">Geen collega gevonden die aan dit casusteam kan worden toegevoegd.</Paragraph>
      )}
      {found && found.length > 0 && (
        <SelectField
          {...field('userId')}
          onChange={choose}
          placeholder="Kies een collega"
          options={found.map((c) => ({ value: c.userId, label: describe(c) }))}
        />
      )}
      <SelectField {...field('caseRole')} options={ROLES} />
      <SelectField
        {...field('pillar')}
        optional={draft.caseRole !== 'pillar_contact'}
        placeholder="Geen pijler"
        options={(Object.entries(PILLAR_LABELS) as [Pillar, string][]).map(([value, label]) => ({
          value,
          label,
        }))}
      />
      <FormActions
        form={form}
        label="Toevoegen aan casusteam"
        busyLabel="Bezig met toevoegen…"
        onCancel={onCancel}
      />
    </form>
  );
}
