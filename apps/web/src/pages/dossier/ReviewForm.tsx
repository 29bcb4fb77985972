import { FieldSet, Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { today } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { FormActions } from '../../components/FormActions';

/** The themes of leerpunten (libs/reviews case-review-leerpunt.entity.ts). */
export const LEERPUNT_THEMES: Record<string, string> = {
  ontschotting: 'Ontschotting',
  financien: 'Financiën',
  regie: 'Regie',
  samenwerking: 'Samenwerking',
  privacy: 'Privacy',
  'wet-en-regelgeving': 'Wet- en regelgeving',
  overig: 'Overig',
};

interface ReviewDraft {
  reviewedOn: string;
  participants: string;
  findings: string;
  actionDescription: string;
  actionOwner: string;
  actionDueOn: string;
  leerpuntTheme: string;
  leerpuntText: string;
  nextReviewOn: string;
}

const LABELS: Record<keyof ReviewDraft, string> = {
  reviewedOn: 'Besproken op',
  participants: 'Deelnemers',
  findings: 'Bevindingen',
  actionDescription: 'Afspraak',
  actionOwner: 'Wie',
  actionDueOn: 'Uiterlijk op',
  leerpuntTheme: 'Thema',
  leerpuntText: 'Leerpunt',
  nextReviewOn: 'Volgende bespreking',
};

const API_FIELDS: Record<string, keyof ReviewDraft> = {
  'actions.0.description': 'actionDescription',
  'actions.0.owner': 'actionOwner',
  'actions.0.dueOn': 'actionDueOn',
  'leerpunten.0.theme': 'leerpuntTheme',
  'leerpunten.0.text': 'leerpuntText',
};

/** A case review by the teamleider: findings, one agreed action and one leerpunt for the casusboek. */
export function ReviewForm({
  householdId,
  onDone,
  onCancel,
}: {
  householdId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const announce = useAnnounce();
  const form = useForm<ReviewDraft>({
    draftKey: `case-review:${householdId}`,
    idPrefix: 'review',
    labels: LABELS,
    initial: {
      reviewedOn: today(),
      participants: '',
      findings: '',
      actionDescription: '',
      actionOwner: '',
      actionDueOn: '',
      leerpuntTheme: '',
      leerpuntText: '',
      nextReviewOn: '',
    },
    fieldOf: (f) => API_FIELDS[f],
    validate: (d) => {
      const action = d.actionDescription.trim() || d.actionOwner.trim() || d.actionDueOn;
      return {
        ...(d.participants.trim() ? {} : { participants: 'Noem wie er bij waren.' }),
        ...(d.findings.trim() ? {} : { findings: 'Beschrijf de bevindingen.' }),
        ...(action && !d.actionDescription.trim() ? { actionDescription: 'Beschrijf de afspraak.' } : {}),
        ...(action && !d.actionOwner.trim() ? { actionOwner: 'Vul in wie de afspraak uitvoert.' } : {}),
        ...(action && !d.actionDueOn ? { actionDueOn: 'Vul de datum in.' } : {}),
        ...(d.leerpuntText.trim() && !d.leerpuntTheme ? { leerpuntTheme: 'Kies het thema.' } : {}),
        ...(d.leerpuntTheme && !d.leerpuntText.trim() ? { leerpuntText: 'Beschrijf het leerpunt.' } : {}),
      };
    },
    submit: async (d) => {
      await api.post(`/households/${householdId}/case-reviews`, {
        reviewedOn: d.reviewedOn,
        participants: d.participants
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
        findings: d.findings.trim(),
        actions: d.actionDescription.trim()
          ? [{ description: d.actionDescription.trim(), owner: d.actionOwner.trim(), dueOn: d.actionDueOn }]
          : [],
        leerpunten: d.leerpuntText.trim() ? [{ theme: d.leerpuntTheme, text: d.leerpuntText.trim() }] : [],
        nextReviewOn: d.nextReviewOn || null,
      });
      announce('Casusbespreking vastgelegd.');
      onDone();
    },
  });
  const { field } = form;
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="review-form-heading"
    >
      <Heading level={3} size="level-4" id="review-form-heading">
        Casusbespreking vastleggen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <DateField {...field('reviewedOn')} max={today()} />
      <TextAreaField {...field('participants')} hint="Eén per regel, met rol of organisatie." rows={3} />
      <TextAreaField {...field('findings')} rows={4} maxLength={8000} />
      <FieldSet legend="Afspraak (niet verplicht)">
        <TextField {...field('actionDescription')} optional maxLength={1000} />
        <TextField {...field('actionOwner')} optional maxLength={200} />
        <DateField {...field('actionDueOn')} optional min={today()} />
      </FieldSet>
      <FieldSet legend="Leerpunt voor het casusboek (niet verplicht)">
        <SelectField
          {...field('leerpuntTheme')}
          optional
          placeholder="Kies een thema"
          options={Object.entries(LEERPUNT_THEMES).map(([value, label]) => ({ value, label }))}
        />
        <TextAreaField
          {...field('leerpuntText')}
          optional
          hint="Zonder namen of herleidbare details: het komt geanonimiseerd in het casusboek."
          rows={3}
          maxLength={2000}
        />
      </FieldSet>
      <DateField {...field('nextReviewOn')} optional min={today()} />
      <FormActions
        form={form}
        label="Bespreking opslaan"
        busyLabel="Bezig met opslaan…"
        onCancel={onCancel}
      />
    </form>
  );
}
