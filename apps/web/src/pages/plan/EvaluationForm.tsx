import { Button, FieldSet, Heading } from '@amsterdam/design-system-react';
import { DateField, SelectField, TextAreaField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { today } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { conflictError, type PlanWrite } from './people';

export const GOAL_STATUS: Record<string, string> = {
  open: 'Open',
  bezig: 'Bezig',
  behaald: 'Behaald',
  gestopt: 'Gestopt',
};

interface EvaluationDraft {
  evaluatedOn: string;
  nextEvaluationOn: string;
  outcomes: { goalId: string; status: string; outcome: string }[];
}

const LABELS: Record<keyof EvaluationDraft, string> = {
  evaluatedOn: 'Geëvalueerd op',
  nextEvaluationOn: 'Volgende evaluatie',
  outcomes: 'Uitkomsten per doel',
};

function monthsLater(date: string, months: number) {
  const d = new Date(`${date}T12:00:00`);
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The evaluation of the agreed plan with the family: per goal where it stands, and the next date. */
export function EvaluationForm({
  householdId,
  goals,
  write,
}: {
  householdId: string;
  goals: { id: string; description: string; status: string }[];
  write: PlanWrite;
}) {
  const announce = useAnnounce();
  const form = useForm<EvaluationDraft>({
    draftKey: `plan-evaluation:${householdId}`,
    idPrefix: 'evaluation',
    labels: LABELS,
    initial: {
      evaluatedOn: today(),
      nextEvaluationOn: monthsLater(today(), 3),
      outcomes: goals.map((g) => ({ goalId: g.id, status: g.status, outcome: '' })),
    },
    fieldOf: (f) => (f.startsWith('outcomes') ? 'outcomes' : undefined),
    validate: (d) => ({
      ...(d.evaluatedOn ? {} : { evaluatedOn: 'Vul de datum van de evaluatie in.' }),
      ...(d.nextEvaluationOn > d.evaluatedOn
        ? {}
        : { nextEvaluationOn: 'De volgende evaluatie ligt na deze evaluatie.' }),
      ...(d.outcomes.some((o) => o.outcome.trim())
        ? {}
        : { outcomes: 'Beschrijf bij minstens één doel hoe het ervoor staat.' }),
    }),
    submit: async (d) => {
      const saved = await write('POST', '/evaluations', {
        evaluatedOn: d.evaluatedOn,
        nextEvaluationOn: d.nextEvaluationOn,
        outcomes: d.outcomes
          .filter((o) => o.outcome.trim())
          .map((o) => ({ goalId: o.goalId, status: o.status, outcome: o.outcome.trim() })),
      });
      if (!saved) throw conflictError();
      announce('Evaluatie vastgelegd.');
    },
  });
  const setOutcome = (index: number, key: 'status' | 'outcome') => (value: string) =>
    form.setDraft((d) => ({
      ...d,
      outcomes: d.outcomes.map((o, i) => (i === index ? { ...o, [key]: value } : o)),
    }));
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="evaluation-heading"
      data-testid="plan-evaluation"
    >
      <Heading level={2} size="level-3" id="evaluation-heading">
        Evaluatie vastleggen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={3} />
      <DateField {...form.field('evaluatedOn')} max={today()} />
      <div id="evaluation-outcomes" tabIndex={-1} className="gp-form">
        {form.errors.outcomes && <p className="ams-error-message">{form.errors.outcomes}</p>}
        {form.draft.outcomes.map((o, i) => (
          <FieldSet key={o.goalId} legend={`Doel: ${goals[i]?.description ?? ''}`}>
            <SelectField
              id={`evaluation-status-${i}`}
              label="Stand van zaken"
              value={o.status}
              onChange={setOutcome(i, 'status')}
              options={Object.entries(GOAL_STATUS).map(([value, label]) => ({ value, label }))}
            />
            <TextAreaField
              id={`evaluation-outcome-${i}`}
              label="Uitkomst"
              optional
              rows={2}
              maxLength={2000}
              value={o.outcome}
              onChange={setOutcome(i, 'outcome')}
            />
          </FieldSet>
        ))}
      </div>
      <DateField {...form.field('nextEvaluationOn')} min={today()} />
      <Button type="submit" disabled={form.busy}>
        {form.busy ? 'Bezig met opslaan…' : 'Evaluatie opslaan'}
      </Button>
    </form>
  );
}
