import { ActionGroup, Button, Grid, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Dossier } from '../api/types';
import { useUser } from '../auth/session';
import { SelectField, TextAreaField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { useDraft } from '../lib/drafts';
import { addressLine, fullName } from '../lib/format';
import { canRefer } from '../lib/permissions';
import { useReference } from '../lib/reference';
import { toApiError, useResource } from '../lib/use-resource';

interface ReferralDraft {
  toOrganisationId: string;
  personId: string;
  reason: string;
}

const LABELS: Record<keyof ReferralDraft, string> = {
  toOrganisationId: 'Naar organisatie',
  personId: 'Betreft',
  reason: 'Reden van de verwijzing',
};

/** Refer the household (or one member) to another organisation; it accepts or declines. */
export function ReferPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const reference = useReference();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const dossier = useResource((signal) => api.get<Dossier>(`/households/${id}`, { signal }), [id]);
  const [draft, setDraft, clearDraft] = useDraft<ReferralDraft>(`referral:${id}`, {
    toOrganisationId: '',
    personId: '',
    reason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof ReferralDraft, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ReferralDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const back = (
    <StandaloneLink href={`/huishoudens/${id}`} linkComponent={RouterLink}>
      Terug naar het dossier
    </StandaloneLink>
  );
  if (dossier.state !== 'ready') {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Verwijzen</PageHeading>
          {dossier.state === 'loading' ? <Loading /> : <ProblemAlert error={dossier.error} />}
          {back}
        </Grid.Cell>
      </Grid>
    );
  }
  const data = dossier.data;
  if (!canRefer(data, user)) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Verwijzen</PageHeading>
          <Paragraph>Alleen het casusteam van een actief huishouden kan verwijzen.</Paragraph>
          {back}
        </Grid.Cell>
      </Grid>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<keyof ReferralDraft, string>> = {};
    if (!draft.toOrganisationId) missing.toOrganisationId = 'Kies de organisatie waarnaar u verwijst.';
    if (!draft.reason.trim()) missing.reason = 'Beschrijf waarom u verwijst.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await api.post(`/households/${id}/referrals`, {
        toOrganisationId: draft.toOrganisationId,
        reason: draft.reason.trim(),
        ...(draft.personId ? { personId: draft.personId } : {}),
      });
      clearDraft();
      announce(`Verwijzing naar ${reference.organisationName(draft.toOrganisationId)} verstuurd.`);
      navigate(`/huishoudens/${id}`);
    } catch (e) {
      const error = toApiError(e);
      setErrors(splitFieldErrors(error, (f) => f in LABELS).fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const summary = (Object.keys(errors) as (keyof ReferralDraft)[]).map((key) => ({
    id: `#referral-${key}`,
    label: `${LABELS[key]}: ${errors[key]}`,
  }));
  const organisations = reference.organisations.filter(
    (o) => o.id !== user.organisationId && o.kind !== 'municipality',
  );
  const members = (data.members ?? []).filter((m) => !m.leftOn && m.person);

  return (
    <Grid paddingVertical="large">
      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <PageHeading title={`Verwijzen: ${addressLine(data.household)}`}>
          Verwijzen naar een andere organisatie
        </PageHeading>
        <Paragraph>
          Huishouden {addressLine(data.household)}. De ontvangende organisatie ziet uw verwijzing en
          accepteert of wijst af; bij acceptatie komt een medewerker in het casusteam.
        </Paragraph>
        <form onSubmit={submit} noValidate className="gp-form" aria-label="Verwijzing">
          <ErrorSummary errors={summary} />
          {problem && summary.length === 0 && <ProblemAlert error={problem} />}
          <SelectField
            id="referral-toOrganisationId"
            label={LABELS.toOrganisationId}
            placeholder="Kies een organisatie"
            value={draft.toOrganisationId}
            onChange={set('toOrganisationId')}
            error={errors.toOrganisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SelectField
            id="referral-personId"
            label={LABELS.personId}
            value={draft.personId}
            onChange={set('personId')}
            error={errors.personId}
            placeholder="Het hele huishouden"
            options={members.map((m) => ({ value: m.personId, label: fullName(m.person!) }))}
          />
          <TextAreaField
            id="referral-reason"
            label={LABELS.reason}
            hint="Wat is er aan de hand en wat vraagt u van de organisatie? Noem alleen wat nodig is."
            rows={6}
            maxLength={2000}
            value={draft.reason}
            onChange={set('reason')}
            error={errors.reason}
          />
          <ActionGroup>
            <Button type="submit" disabled={busy}>
              {busy ? 'Bezig met versturen…' : 'Verwijzing versturen'}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                clearDraft();
                navigate(`/huishoudens/${id}`);
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
