import { Button, Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import { CheckboxField, DateField, SelectField, TextAreaField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { today } from '../../lib/format';
import { ATTEMPT_KIND_LABELS, OUTCOME_LABELS, options } from '../../lib/outreach-labels';
import { useForm } from '../../lib/use-form';

/** "Geen contact" may be recorded only after this many attempts (libs/outreach MIN_ATTEMPTS_FOR_NO_CONTACT). */
const MIN_ATTEMPTS_FOR_NO_CONTACT = 2;

interface AttemptDraft {
  kind: string;
  attemptedOn: string;
  reached: boolean;
  note: string;
}

const ATTEMPT_LABELS: Record<keyof AttemptDraft, string> = {
  kind: 'Hoe',
  attemptedOn: 'Datum',
  reached: 'Inwoner bereikt',
  note: 'Notitie',
};

/** Records an outreach attempt (letter, phone, home visit): one tap for the kind, today filled in. */
export function AttemptForm({
  signalId,
  receivedOn,
  onSaved,
}: {
  signalId: string;
  receivedOn: string;
  onSaved: () => void;
}) {
  const announce = useAnnounce();
  const form = useForm<AttemptDraft>({
    draftKey: `signal-attempt:${signalId}`,
    idPrefix: 'attempt',
    labels: ATTEMPT_LABELS,
    initial: { kind: '', attemptedOn: today(), reached: false, note: '' },
    validate: (d) => ({
      ...(d.kind ? {} : { kind: 'Kies hoe u contact zocht.' }),
      ...(d.attemptedOn ? {} : { attemptedOn: 'Vul de datum in.' }),
    }),
    submit: async (d) => {
      await api.post(`/outreach/signals/${signalId}/attempts`, {
        kind: d.kind,
        attemptedOn: d.attemptedOn,
        reached: d.reached,
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
      });
      announce('Contactpoging vastgelegd.');
      onSaved();
    },
  });
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="attempt-heading"
    >
      <Heading level={3} size="level-4" id="attempt-heading">
        Contactpoging vastleggen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <SelectField {...form.field('kind')} placeholder="Kies" options={options(ATTEMPT_KIND_LABELS)} />
      <DateField {...form.field('attemptedOn')} min={receivedOn} max={today()} />
      <CheckboxField
        id="attempt-reached"
        label={ATTEMPT_LABELS.reached}
        checked={form.draft.reached}
        onChange={form.set('reached')}
      />
      <TextAreaField {...form.field('note')} optional rows={2} maxLength={500} />
      <Button type="submit" disabled={form.busy}>
        {form.busy ? 'Bezig met opslaan…' : 'Poging vastleggen'}
      </Button>
    </form>
  );
}

interface OutcomeDraft {
  outcome: string;
  helpRequestedOn: string;
  firstConversationOn: string;
}

const OUTCOME_FORM_LABELS: Record<keyof OutcomeDraft, string> = {
  outcome: 'Uitkomst',
  helpRequestedOn: 'Hulpvraag gesteld op',
  firstConversationOn: 'Eerste gesprek op',
};

/** The outcome of the follow-up; "geen contact" is offered only after enough attempts (the API's rule). */
export function OutcomeForm({
  signalId,
  attempts,
  current,
  onSaved,
}: {
  signalId: string;
  attempts: number;
  current: string | null;
  onSaved: () => void;
}) {
  const announce = useAnnounce();
  const form = useForm<OutcomeDraft>({
    draftKey: `signal-outcome:${signalId}`,
    idPrefix: 'outcome',
    labels: OUTCOME_FORM_LABELS,
    initial: { outcome: current ?? '', helpRequestedOn: '', firstConversationOn: '' },
    validate: (d) => ({
      ...(d.outcome ? {} : { outcome: 'Kies de uitkomst.' }),
      ...(d.outcome === 'eerste_gesprek_gepland' && !d.firstConversationOn
        ? { firstConversationOn: 'Vul de datum van het eerste gesprek in.' }
        : {}),
    }),
    submit: async (d) => {
      await api.patch(`/outreach/signals/${signalId}`, {
        outcome: d.outcome,
        ...(d.helpRequestedOn ? { helpRequestedOn: d.helpRequestedOn } : {}),
        ...(d.firstConversationOn ? { firstConversationOn: d.firstConversationOn } : {}),
      });
      announce(`Uitkomst vastgelegd: ${OUTCOME_LABELS[d.outcome]}.`);
      onSaved();
    },
  });
  const choices = options(OUTCOME_LABELS).filter(
    (o) => o.value !== 'geen_contact' || attempts >= MIN_ATTEMPTS_FOR_NO_CONTACT,
  );
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="outcome-heading"
    >
      <Heading level={2} size="level-3" id="outcome-heading">
        Uitkomst vastleggen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={3} />
      <SelectField
        {...form.field('outcome')}
        placeholder="Kies de uitkomst"
        hint={
          attempts < MIN_ATTEMPTS_FOR_NO_CONTACT
            ? `"Geen contact" kan na ${MIN_ATTEMPTS_FOR_NO_CONTACT} vastgelegde pogingen.`
            : undefined
        }
        options={choices}
      />
      <DateField
        {...form.field('helpRequestedOn')}
        optional
        max={today()}
        hint="Vraagt de inwoner om hulp? Dan begint de Wgs-termijn voor het eerste gesprek."
      />
      <DateField {...form.field('firstConversationOn')} optional />
      <Button type="submit" disabled={form.busy}>
        {form.busy ? 'Bezig met opslaan…' : 'Uitkomst opslaan'}
      </Button>
    </form>
  );
}
