import { Button } from '@amsterdam/design-system-react';
import { useState } from 'react';
import type { Dossier } from '../../api/types';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { today } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { conflictError, planPeople, type PlanWrite } from './people';
import { FormActions } from '../../components/FormActions';

interface ActionDraft {
  actor: string;
  organisation: string;
  description: string;
  dueOn: string;
}

const LABELS: Record<keyof ActionDraft, string> = {
  actor: 'Wie doet het',
  organisation: 'Naam van de organisatie',
  description: 'Wat',
  dueOn: 'Uiterlijk op',
};

const API_FIELDS: Record<string, keyof ActionDraft> = {
  'actor.type': 'actor',
  'actor.id': 'actor',
  'actor.name': 'organisation',
};

/** Who does what by when, under one goal of the plan. */
export function AddAction({
  dossier,
  goal,
  write,
}: {
  dossier: Dossier;
  goal: { id: string; description: string };
  write: PlanWrite;
}) {
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const idPrefix = `action-${goal.id}`;
  const form = useForm<ActionDraft>({
    draftKey: `plan-action:${goal.id}`,
    idPrefix,
    labels: LABELS,
    initial: { actor: '', organisation: '', description: '', dueOn: '' },
    fieldOf: (f) => API_FIELDS[f],
    validate: (d) => ({
      ...(d.actor ? {} : { actor: 'Kies wie de actie uitvoert.' }),
      ...(d.actor === 'organisation' && !d.organisation.trim()
        ? { organisation: 'Vul de naam van de organisatie in.' }
        : {}),
      ...(d.description.trim() ? {} : { description: 'Beschrijf de actie.' }),
      ...(d.dueOn ? {} : { dueOn: 'Vul in wanneer het klaar moet zijn.' }),
    }),
    submit: async (d) => {
      const [type, id] = d.actor.split(':');
      const actor = type === 'organisation' ? { type, name: d.organisation.trim() } : { type, id };
      const saved = await write('POST', `/goals/${goal.id}/actions`, {
        actor,
        description: d.description.trim(),
        dueOn: d.dueOn,
      });
      if (!saved) throw conflictError();
      announce('Actie toegevoegd.');
      setOpen(false);
    },
  });
  if (!open && !form.problem) {
    return (
      <Button
        variant="tertiary"
        aria-label={`Actie toevoegen bij doel: ${goal.description}`}
        onClick={() => setOpen(true)}
      >
        Actie toevoegen
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-label={`Actie toevoegen bij doel: ${goal.description}`}
    >
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <SelectField
        {...form.field('actor')}
        placeholder="Kies wie"
        options={[...planPeople(dossier), { value: 'organisation', label: 'Een organisatie…' }]}
      />
      {form.draft.actor === 'organisation' && <TextField {...form.field('organisation')} maxLength={200} />}
      <TextAreaField {...form.field('description')} rows={2} maxLength={1000} />
      <DateField {...form.field('dueOn')} min={today()} />
      <FormActions
        form={form}
        label="Actie opslaan"
        busyLabel="Bezig met opslaan…"
        onCancel={() => setOpen(false)}
      />
    </form>
  );
}
