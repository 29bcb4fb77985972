import { Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import type { Dossier } from '../../api/types';
import {
  CheckboxGroupField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { Empty, Loading } from '../../components/status';
import { useAnnounce } from '../../lib/announcer';
import { fullName, today } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useResource } from '../../lib/use-resource';
import { FormActions } from '../../components/FormActions';

/** The schemes a maatwerkbudget may replace (libs/budgets replaced-schemes.ts). */
export const REPLACED_SCHEMES: Record<string, string> = {
  'bijzondere-bijstand': 'Bijzondere bijstand',
  'individuele-inkomenstoeslag': 'Individuele inkomenstoeslag',
  declaratieregeling: 'Declaratieregeling (meedoen)',
  'wmo-voorziening': 'Wmo-maatwerkvoorziening',
  jeugdhulp: 'Jeugdhulp',
  schuldhulpverlening: 'Schuldhulpverlening',
  leerlingenvervoer: 'Leerlingenvervoer',
};

interface BudgetDraft {
  amount: string;
  goalIds: string[];
  justification: string;
  replacedSchemes: string[];
  payeeName: string;
  payeeIban: string;
  wantedOn: string;
  personId: string;
}

const LABELS: Record<keyof BudgetDraft, string> = {
  amount: 'Bedrag in euro',
  goalIds: 'Doelen uit het gezinsplan',
  justification: 'Onderbouwing',
  replacedSchemes: 'Vervangt de regeling(en)',
  payeeName: 'Betalen aan',
  payeeIban: 'IBAN van de ontvanger',
  wantedOn: 'Nodig op',
  personId: 'Voor gezinslid',
};

const API_FIELDS: Record<string, keyof BudgetDraft> = {
  amountCents: 'amount',
  'payee.name': 'payeeName',
  'payee.iban': 'payeeIban',
};

/** "450", "450,5" or "1.250,00" as the API's "450.00"; null when it is no amount. */
export function euroAmount(input: string): string | null {
  const text = input.replace(/[€\s]/g, '').replace(/\.(?=\d{3}(\D|$))/g, '');
  const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return `${Number(match[1])}.${(match[2] ?? '').padEnd(2, '0')}`;
}

interface PlanGoals {
  version: { goals: { id: string; description: string; lifeDomainLabel: string }[] } | null;
}

/** A maatwerkbudget request, tied to goals of the household plan (libs/budgets). */
export function BudgetRequestForm({
  dossier,
  onDone,
  onCancel,
}: {
  dossier: Dossier;
  onDone: () => void;
  onCancel: () => void;
}) {
  const householdId = dossier.household.id;
  const announce = useAnnounce();
  const plan = useResource(
    (signal) => api.get<PlanGoals>(`/households/${householdId}/plan`, { signal }),
    [householdId],
  );
  const form = useForm<BudgetDraft>({
    draftKey: `budget-request:${householdId}`,
    idPrefix: 'budget',
    labels: LABELS,
    initial: {
      amount: '',
      goalIds: [],
      justification: '',
      replacedSchemes: [],
      payeeName: '',
      payeeIban: '',
      wantedOn: today(),
      personId: '',
    },
    fieldOf: (f) => API_FIELDS[f],
    validate: (d) => ({
      ...(euroAmount(d.amount) && euroAmount(d.amount) !== '0.00'
        ? {}
        : { amount: 'Vul een bedrag in, bijvoorbeeld 450,00.' }),
      ...(d.goalIds.length ? {} : { goalIds: 'Kies minstens één doel uit het gezinsplan.' }),
      ...(d.justification.trim() ? {} : { justification: 'Leg uit waarom dit nodig is.' }),
      ...(d.replacedSchemes.length ? {} : { replacedSchemes: 'Kies minstens één regeling.' }),
      ...(d.payeeName.trim() ? {} : { payeeName: 'Vul in aan wie wordt betaald.' }),
      ...(d.wantedOn ? {} : { wantedOn: 'Vul in wanneer het geld nodig is.' }),
    }),
    submit: async (d) => {
      await api.post(`/households/${householdId}/budget-requests`, {
        amount: euroAmount(d.amount),
        goalIds: d.goalIds,
        justification: d.justification.trim(),
        replacedSchemes: d.replacedSchemes,
        payee: { name: d.payeeName.trim(), ...(d.payeeIban.trim() ? { iban: d.payeeIban.trim() } : {}) },
        wantedOn: d.wantedOn,
        ...(d.personId ? { personId: d.personId } : {}),
      });
      announce('Aanvraag maatwerkbudget ingediend.');
      onDone();
    },
  });
  const { field, draft, set } = form;
  const goals = plan.data?.version?.goals ?? [];
  const members = (dossier.members ?? []).filter((m) => !m.leftOn && m.person);

  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="budget-form-heading"
    >
      <Heading level={3} size="level-4" id="budget-form-heading">
        Maatwerkbudget aanvragen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <TextField {...field('amount')} inputMode="numeric" size={10} hint="Bijvoorbeeld 450,00" />
      {plan.state === 'loading' && <Loading>De doelen van het gezinsplan worden geladen…</Loading>}
      {plan.state === 'ready' && goals.length === 0 && (
        <Empty>Het gezinsplan heeft nog geen doelen. Voeg eerst een doel toe in het gezinsplan.</Empty>
      )}
      {goals.length > 0 && (
        <CheckboxGroupField
          id="budget-goalIds"
          legend={LABELS.goalIds}
          options={goals.map((g) => ({ value: g.id, label: `${g.lifeDomainLabel}: ${g.description}` }))}
          value={draft.goalIds}
          onChange={set('goalIds')}
          error={form.errors.goalIds}
        />
      )}
      <TextAreaField {...field('justification')} rows={4} maxLength={4000} />
      <CheckboxGroupField
        id="budget-replacedSchemes"
        legend={LABELS.replacedSchemes}
        options={Object.entries(REPLACED_SCHEMES).map(([value, label]) => ({ value, label }))}
        value={draft.replacedSchemes}
        onChange={set('replacedSchemes')}
        error={form.errors.replacedSchemes}
      />
      <TextField {...field('payeeName')} maxLength={200} />
      <TextField {...field('payeeIban')} optional maxLength={40} />
      <DateField {...field('wantedOn')} min={today()} />
      <SelectField
        {...field('personId')}
        optional
        placeholder="Het huishouden"
        options={members.map((m) => ({ value: m.personId, label: fullName(m.person!) }))}
      />
      <FormActions
        form={form}
        label="Aanvraag indienen"
        busyLabel="Bezig met indienen…"
        onCancel={onCancel}
      />
    </form>
  );
}
