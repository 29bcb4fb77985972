import { Button, Heading } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import type { Dossier } from '../../api/types';
import { DateField, SelectField, TextAreaField } from '../../components/fields';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { useDraft } from '../../lib/drafts';
import { today } from '../../lib/format';
import { toApiError } from '../../lib/use-resource';
import { planPeople } from './people';
import { LIFE_DOMAINS } from './types';

interface GoalDraft {
  lifeDomain: string;
  description: string;
  owner: string;
  targetDate: string;
}

const GOAL_LABELS: Record<string, string> = {
  lifeDomain: 'Leefgebied',
  description: 'Doel',
  owner: 'Eigenaar',
  targetDate: 'Streefdatum',
};

export function AddGoal({
  dossier,
  domains,
  onAdd,
}: {
  dossier: Dossier;
  domains: string[];
  onAdd: (goal: unknown) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const empty: GoalDraft = {
    lifeDomain: domains.length === 1 ? domains[0] : '',
    description: '',
    owner: '',
    targetDate: '',
  };
  const [draft, setDraft, clearDraft] = useDraft<GoalDraft>(`plan-goal:${dossier.household.id}`, empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof GoalDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const owners = planPeople(dossier);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!draft.lifeDomain) missing.lifeDomain = 'Kies het leefgebied.';
    if (!draft.description.trim()) missing.description = 'Beschrijf het doel.';
    if (!draft.owner) missing.owner = 'Kies wie eigenaar is van het doel.';
    if (!draft.targetDate) missing.targetDate = 'Vul de streefdatum in.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    const [type, id] = draft.owner.split(':');
    setBusy(true);
    try {
      const added = await onAdd({
        lifeDomain: draft.lifeDomain,
        description: draft.description.trim(),
        owner: { type, id },
        targetDate: draft.targetDate,
      });
      if (added) {
        clearDraft();
        announce('Doel toegevoegd aan het gezinsplan.');
      }
    } catch (e) {
      const error = toApiError(e);
      const fields = splitFieldErrors(error, (f) => f in GOAL_LABELS || f.startsWith('owner')).fields;
      if (fields['owner.id'] || fields['owner.type'])
        fields.owner = fields['owner.id'] ?? fields['owner.type'];
      setErrors(fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const summary = Object.entries(errors)
    .filter(([field]) => field in GOAL_LABELS)
    .map(([field, message]) => ({ id: `#goal-${field}`, label: `${GOAL_LABELS[field]}: ${message}` }));
  return (
    <form onSubmit={submit} noValidate className="gp-form gp-inline-form" aria-labelledby="add-goal-heading">
      <Heading level={3} size="level-4" id="add-goal-heading">
        Doel toevoegen
      </Heading>
      <ErrorSummary errors={summary} />
      {problem && summary.length === 0 && <ProblemAlert error={problem} headingLevel={4} />}
      <SelectField
        id="goal-lifeDomain"
        label={GOAL_LABELS.lifeDomain}
        placeholder="Kies een leefgebied"
        value={draft.lifeDomain}
        onChange={set('lifeDomain')}
        error={errors.lifeDomain}
        options={domains.map((d) => ({ value: d, label: LIFE_DOMAINS[d] ?? d }))}
      />
      <TextAreaField
        id="goal-description"
        label={GOAL_LABELS.description}
        rows={3}
        maxLength={1000}
        value={draft.description}
        onChange={set('description')}
        error={errors.description}
      />
      <SelectField
        id="goal-owner"
        label={GOAL_LABELS.owner}
        placeholder="Kies de eigenaar"
        value={draft.owner}
        onChange={set('owner')}
        error={errors.owner}
        options={owners}
      />
      <DateField
        id="goal-targetDate"
        label={GOAL_LABELS.targetDate}
        min={today()}
        value={draft.targetDate}
        onChange={set('targetDate')}
        error={errors.targetDate}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Bezig met opslaan…' : 'Doel toevoegen'}
      </Button>
    </form>
  );
}
