import { ActionGroup, Button, FieldSet, Grid, Paragraph } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Dossier, Pillar } from '../api/types';
import { useUser } from '../auth/session';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import {
  MEMBER_LABELS,
  type MemberDraft,
  MemberFields,
  memberErrors,
  newMember,
  personBody,
} from '../components/MemberFields';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../components/problems';
import { useAnnounce } from '../lib/announcer';
import { useDraft } from '../lib/drafts';
import { normalisePostcode } from '../lib/format';
import { PILLAR_LABELS } from '../lib/labels';
import { useReference } from '../lib/reference';
import { toApiError } from '../lib/use-resource';

interface HouseholdDraft {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  municipalityId: string;
  neighbourhoodId: string;
  cohort50: boolean;
  regisseurPillar: string;
  members: MemberDraft[];
}

const LABELS: Record<string, string> = {
  street: 'Straat',
  houseNumber: 'Huisnummer',
  postcode: 'Postcode',
  city: 'Plaats',
  municipalityId: 'Gemeente',
  neighbourhoodId: 'Wijk',
  regisseurPillar: 'Uw pijler als regisseur',
  ...MEMBER_LABELS,
};

/** The API's field path (`members.0.bsn`) as the id of the input on this page. */
const inputId = (field: string) => `household-${field.replace(/\./g, '-')}`;
const labelOfField = (field: string) => {
  const parts = field.split('.');
  const label = LABELS[parts[parts.length - 1]] ?? field;
  return parts[0] === 'members' && parts.length === 3
    ? `Gezinslid ${Number(parts[1]) + 1}, ${label === label.toUpperCase() ? label : label.toLowerCase()}`
    : label;
};

function validate(draft: HouseholdDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = (field: string, value: string, message: string) => {
    if (!value.trim()) errors[field] = message;
  };
  required('street', draft.street, 'Vul de straat in.');
  required('houseNumber', draft.houseNumber, 'Vul het huisnummer in.');
  if (!/^\d{4}\s?[A-Za-z]{2}$/.test(draft.postcode.trim()))
    errors.postcode = 'Vul een postcode in als 1234 AB.';
  required('city', draft.city, 'Vul de plaats in.');
  required('municipalityId', draft.municipalityId, 'Kies de gemeente.');
  draft.members.forEach((member, i) => {
    for (const [field, message] of Object.entries(memberErrors(member)))
      errors[`members.${i}.${field}`] = message;
  });
  return errors;
}

/** Register a household with its members; the creator becomes the regisseur. */
export function CreateHouseholdPage() {
  const user = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const municipalities = reference.municipalities.filter((m) => user.municipalityIds.includes(m.id));
  const [draft, setDraft, clearDraft] = useDraft<HouseholdDraft>('household:new', {
    street: '',
    houseNumber: '',
    postcode: '',
    city: '',
    municipalityId: user.municipalityIds.length === 1 ? user.municipalityIds[0] : '',
    neighbourhoodId: '',
    cohort50: false,
    regisseurPillar: user.pillars[0] ?? '',
    members: [newMember('parent')],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof HouseholdDraft>(key: K) =>
    (value: HouseholdDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setMember = (index: number, key: keyof MemberDraft) => (value: string) =>
    setDraft((d) => ({ ...d, members: d.members.map((m, i) => (i === index ? { ...m, [key]: value } : m)) }));
  const neighbourhoods = reference.neighbourhoods.filter((n) => n.municipalityId === draft.municipalityId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const dossier = await api.post<Dossier>('/households', {
        street: draft.street.trim(),
        houseNumber: draft.houseNumber.trim(),
        postcode: normalisePostcode(draft.postcode),
        city: draft.city.trim(),
        municipalityId: draft.municipalityId,
        ...(draft.neighbourhoodId ? { neighbourhoodId: draft.neighbourhoodId } : {}),
        cohort50: draft.cohort50,
        ...(draft.regisseurPillar ? { regisseurPillar: draft.regisseurPillar as Pillar } : {}),
        members: draft.members.map((m) => ({ ...personBody(m), relation: m.relation, joinedOn: m.joinedOn })),
      });
      clearDraft();
      announce('Het huishouden is aangemaakt. U bent de regisseur.');
      navigate(`/huishoudens/${dossier.household.id}`);
    } catch (e) {
      const error = toApiError(e);
      const { fields } = splitFieldErrors(
        error,
        (field) => field in LABELS || /^members\.\d+\.\w+$/.test(field),
      );
      setErrors(fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const summary = Object.entries(errors).map(([field, message]) => ({
    id: `#${inputId(field)}`,
    label: `${labelOfField(field)}: ${message}`,
  }));

  return (
    <Grid paddingVertical="large">
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <PageHeading>Nieuw huishouden</PageHeading>
        <Paragraph>
          Registreer een huishouden en de gezinsleden. U wordt de regisseur. Wat u invult wordt in dit tabblad
          bewaard tot u het opslaat, ook als uw sessie verloopt.
        </Paragraph>
        <form onSubmit={submit} noValidate className="gp-form" aria-label="Nieuw huishouden">
          <ErrorSummary errors={summary} />
          {problem && summary.length === 0 && <ProblemAlert error={problem} />}
          <FieldSet legend="Adres">
            <TextField
              id={inputId('street')}
              label="Straat"
              autoComplete="off"
              value={draft.street}
              onChange={set('street')}
              error={errors.street}
            />
            <TextField
              id={inputId('houseNumber')}
              label="Huisnummer"
              hint="Met toevoeging, bijvoorbeeld 12a"
              autoComplete="off"
              value={draft.houseNumber}
              onChange={set('houseNumber')}
              error={errors.houseNumber}
            />
            <TextField
              id={inputId('postcode')}
              label="Postcode"
              autoComplete="off"
              maxLength={7}
              value={draft.postcode}
              onChange={set('postcode')}
              error={errors.postcode}
            />
            <TextField
              id={inputId('city')}
              label="Plaats"
              autoComplete="off"
              value={draft.city}
              onChange={set('city')}
              error={errors.city}
            />
            <SelectField
              id={inputId('municipalityId')}
              label="Gemeente"
              placeholder="Kies een gemeente"
              value={draft.municipalityId}
              onChange={(value) => setDraft((d) => ({ ...d, municipalityId: value, neighbourhoodId: '' }))}
              error={errors.municipalityId}
              options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
            />
            {neighbourhoods.length > 0 && (
              <SelectField
                id={inputId('neighbourhoodId')}
                label="Wijk"
                optional
                placeholder="Onbekend"
                value={draft.neighbourhoodId}
                onChange={set('neighbourhoodId')}
                error={errors.neighbourhoodId}
                options={neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
              />
            )}
          </FieldSet>
          <FieldSet legend="Regie">
            {user.pillars.length > 0 && (
              <SelectField
                id={inputId('regisseurPillar')}
                label={LABELS.regisseurPillar}
                value={draft.regisseurPillar}
                onChange={set('regisseurPillar')}
                error={errors.regisseurPillar}
                options={user.pillars.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
              />
            )}
            <CheckboxField
              id={inputId('cohort50')}
              label="Hoort bij de 50-gezinnenaanpak"
              checked={draft.cohort50}
              onChange={set('cohort50')}
            />
          </FieldSet>
          {draft.members.map((member, index) => (
            <FieldSet key={index} legend={`Gezinslid ${index + 1}`} className="gp-member-fieldset">
              <MemberFields
                idOf={(field) => inputId(`members.${index}.${field}`)}
                member={member}
                onChange={(field, value) => setMember(index, field)(value)}
                errorOf={(field) => errors[`members.${index}.${field}`]}
              />
              {draft.members.length > 1 && (
                <Button
                  type="button"
                  variant="tertiary"
                  onClick={() =>
                    setDraft((d) => ({ ...d, members: d.members.filter((_, i) => i !== index) }))
                  }
                >
                  Gezinslid {index + 1} verwijderen
                </Button>
              )}
            </FieldSet>
          ))}
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setDraft((d) => ({ ...d, members: [...d.members, newMember('child')] }));
              announce(`Gezinslid ${draft.members.length + 1} toegevoegd.`);
            }}
          >
            Gezinslid toevoegen
          </Button>
          <ActionGroup>
            <Button type="submit" disabled={busy}>
              {busy ? 'Bezig met opslaan…' : 'Huishouden aanmaken'}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                clearDraft();
                setErrors({});
                setProblem(null);
                navigate('/');
              }}
            >
              Annuleren
            </Button>
          </ActionGroup>
        </form>
      </Grid.Cell>
    </Grid>
  );
}
