import { Alert, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import { PILLARS } from '../../api/types';
import { CheckboxGroupField, SelectField, TextField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/problems';
import { PILLAR_LABELS, ROLE_LABELS } from '../../lib/labels';
import { useReference } from '../../lib/reference';
import { useForm } from '../../lib/use-form';
import { useResource } from '../../lib/use-resource';
import type { Team } from './types';
import {
  needsSecondBeheerder,
  ROLES,
  USER_LABELS,
  type UserDraft,
  userFieldOf,
  validateUser,
} from './user-draft';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const PILLAR_OPTIONS = PILLARS.map((pillar) => ({ value: pillar, label: PILLAR_LABELS[pillar] }));

/**
 * The fields of an account, for a new user and for a change. The API's problem details land next to
 * their field; the roles hint says beforehand when a second functioneel beheerder must approve.
 */
export function UserForm({
  draftKey,
  initial,
  currentRoles = [],
  ariaLabel,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  draftKey: string;
  initial: UserDraft;
  /** The roles the account has now (none for a new account): only newly granted ones need approval. */
  currentRoles?: readonly string[];
  ariaLabel: string;
  submitLabel: string;
  onSubmit: (draft: UserDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const reference = useReference();
  const form = useForm<UserDraft>({
    draftKey,
    idPrefix: 'user',
    labels: USER_LABELS,
    initial,
    validate: validateUser,
    submit: onSubmit,
    fieldOf: userFieldOf,
  });
  const { draft } = form;
  const teams = useResource(
    (signal) =>
      draft.organisationId
        ? api.get<Team[]>(`/reference/teams?organisationId=${draft.organisationId}`, { signal })
        : Promise.resolve([]),
    [draft.organisationId],
  );
  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  const fourEyes = needsSecondBeheerder(draft.roles, currentRoles);

  return (
    <form onSubmit={(e) => void form.onSubmit(e)} noValidate className="gp-form" aria-label={ariaLabel}>
      <FormErrors summary={form.summary} problem={form.problem} />
      <TextField {...form.field('displayName')} autoComplete="off" maxLength={120} />
      <TextField
        {...form.field('email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        hint="Het werkadres; hiermee logt de gebruiker in."
      />
      <SelectField
        {...form.field('organisationId')}
        placeholder="Kies de organisatie"
        options={reference.organisations.map((o) => ({ value: o.id, label: o.name }))}
        onChange={(organisationId) =>
          form.setDraft((d) => ({ ...d, organisationId, teams: [], leadTeams: [] }))
        }
      />
      <CheckboxGroupField
        id="user-roles"
        legend={USER_LABELS.roles}
        hint="Een beheer-, privacy- of beleidsrol gaat niet samen met een rol in het casuswerk."
        error={form.errors.roles}
        options={ROLE_OPTIONS}
        value={draft.roles}
        onChange={form.set('roles')}
      />
      {fourEyes && (
        <Alert severity="warning" heading="Goedkeuring door een tweede beheerder" headingLevel={2}>
          <Paragraph>
            Deze rol geeft toegang tot casussen of beheerrechten. De aanvraag wacht op goedkeuring door een
            andere functioneel beheerder (vier ogen); pas dan krijgt de gebruiker een eenmalig wachtwoord.
          </Paragraph>
        </Alert>
      )}
      <CheckboxGroupField
        id="user-pillars"
        legend={USER_LABELS.pillars}
        hint="De pijlers waarin de gebruiker werkt (voor het casuswerk)."
        error={form.errors.pillars}
        options={PILLAR_OPTIONS}
        value={draft.pillars}
        onChange={form.set('pillars')}
      />
      <CheckboxGroupField
        id="user-municipalityIds"
        legend={USER_LABELS.municipalityIds}
        hint="De gemeenten waarvoor de gebruiker werkt."
        error={form.errors.municipalityIds}
        options={reference.municipalities.map((m) => ({ value: m.id, label: m.name }))}
        value={draft.municipalityIds}
        onChange={form.set('municipalityIds')}
      />
      {teamOptions.length > 0 && (
        <CheckboxGroupField
          id="user-teams"
          legend={USER_LABELS.teams}
          error={form.errors.teams}
          options={teamOptions}
          value={draft.teams}
          onChange={(teamIds) =>
            form.setDraft((d) => ({
              ...d,
              teams: teamIds,
              leadTeams: d.leadTeams.filter((t) => teamIds.includes(t)),
            }))
          }
        />
      )}
      {draft.roles.includes('teamleider') && draft.teams.length > 0 && (
        <CheckboxGroupField
          id="user-leadTeams"
          legend={USER_LABELS.leadTeams}
          hint="De teams waarvan deze teamleider de caseload ziet."
          options={teamOptions.filter((t) => draft.teams.includes(t.value))}
          value={draft.leadTeams}
          onChange={form.set('leadTeams')}
        />
      )}
      <TextField
        {...form.field('mandateCents')}
        optional
        inputMode="numeric"
        hint="Tot welk bedrag deze gebruiker over maatwerkbudget mag besluiten; leeg of 0 is geen mandaat."
      />
      <FormActions form={form} label={submitLabel} busyLabel="Bezig met opslaan…" onCancel={onCancel} />
    </form>
  );
}
