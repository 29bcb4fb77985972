import { Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import type { Dossier } from '../../api/types';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { fullName, today } from '../../lib/format';
import { REPRESENTATIVE_LABELS } from '../../lib/labels';
import { useForm } from '../../lib/use-form';
import { FormActions } from '../../components/FormActions';

interface RepresentativeDraft {
  personId: string;
  kind: string;
  name: string;
  organisationName: string;
  contact: string;
  scope: string;
  startsOn: string;
  endsOn: string;
}

const LABELS: Record<keyof RepresentativeDraft, string> = {
  personId: 'Voor gezinslid',
  kind: 'Soort',
  name: 'Naam',
  organisationName: 'Kantoor of organisatie',
  contact: 'Telefoon of e-mail',
  scope: 'Reikwijdte',
  startsOn: 'Vanaf',
  endsOn: 'Tot en met',
};

/** A bewindvoerder, mentor, curator or gemachtigde of a member: letters go to them too. */
export function AddRepresentativeForm({
  dossier,
  onDone,
  onCancel,
}: {
  dossier: Dossier;
  onDone: () => void;
  onCancel: () => void;
}) {
  const announce = useAnnounce();
  const members = (dossier.members ?? []).filter((m) => !m.leftOn && m.person);
  const form = useForm<RepresentativeDraft>({
    draftKey: `representative:${dossier.household.id}`,
    idPrefix: 'representative',
    labels: LABELS,
    initial: {
      personId: members.length === 1 ? members[0].personId : '',
      kind: '',
      name: '',
      organisationName: '',
      contact: '',
      scope: '',
      startsOn: today(),
      endsOn: '',
    },
    validate: (d) => ({
      ...(d.personId ? {} : { personId: 'Kies het gezinslid.' }),
      ...(d.kind ? {} : { kind: 'Kies de soort vertegenwoordiger.' }),
      ...(d.name.trim() ? {} : { name: 'Vul de naam in.' }),
      ...(d.scope.trim() ? {} : { scope: 'Beschrijf waarvoor de vertegenwoordiging geldt.' }),
      ...(d.startsOn ? {} : { startsOn: 'Vul de begindatum in.' }),
      ...(d.endsOn && d.endsOn < d.startsOn ? { endsOn: 'De einddatum ligt vóór de begindatum.' } : {}),
    }),
    submit: async (d) => {
      const optional = (value: string) => (value.trim() ? value.trim() : undefined);
      await api.post(`/households/${dossier.household.id}/representatives`, {
        personId: d.personId,
        kind: d.kind,
        name: d.name.trim(),
        organisationName: optional(d.organisationName),
        contact: optional(d.contact),
        scope: d.scope.trim(),
        startsOn: d.startsOn,
        endsOn: d.endsOn || undefined,
      });
      announce(`${d.name.trim()} is vastgelegd als ${REPRESENTATIVE_LABELS[d.kind as never] ?? d.kind}.`);
      onDone();
    },
  });
  const { field } = form;
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="add-representative-heading"
    >
      <Heading level={3} size="level-4" id="add-representative-heading">
        Vertegenwoordiger toevoegen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <SelectField
        {...field('personId')}
        placeholder="Kies een gezinslid"
        options={members.map((m) => ({ value: m.personId, label: fullName(m.person!) }))}
      />
      <SelectField
        {...field('kind')}
        placeholder="Kies de soort"
        options={Object.entries(REPRESENTATIVE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextField {...field('name')} maxLength={200} />
      <TextField {...field('organisationName')} optional maxLength={200} />
      <TextField {...field('contact')} optional maxLength={200} />
      <TextField {...field('scope')} hint="Bijvoorbeeld: financiën en post" maxLength={500} />
      <DateField {...field('startsOn')} />
      <DateField {...field('endsOn')} optional min={form.draft.startsOn} />
      <FormActions
        form={form}
        label="Vertegenwoordiger opslaan"
        busyLabel="Bezig met opslaan…"
        onCancel={onCancel}
      />
    </form>
  );
}
