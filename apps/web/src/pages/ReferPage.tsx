import { Grid, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { Dossier } from '../api/types';
import { useUser } from '../auth/session';
import { SelectField, TextAreaField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { FormErrors, ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { addressLine, fullName } from '../lib/format';
import { canRefer } from '../lib/permissions';
import { useReference } from '../lib/reference';
import { useForm } from '../lib/use-form';
import { useResource } from '../lib/use-resource';
import { FormActions } from '../components/FormActions';

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
  const form = useForm<ReferralDraft>({
    draftKey: `referral:${id}`,
    idPrefix: 'referral',
    labels: LABELS,
    initial: { toOrganisationId: '', personId: '', reason: '' },
    validate: (d) => ({
      ...(d.toOrganisationId ? {} : { toOrganisationId: 'Kies de organisatie waarnaar u verwijst.' }),
      ...(d.reason.trim() ? {} : { reason: 'Beschrijf waarom u verwijst.' }),
    }),
    submit: async (d) => {
      await api.post(`/households/${id}/referrals`, {
        toOrganisationId: d.toOrganisationId,
        reason: d.reason.trim(),
        ...(d.personId ? { personId: d.personId } : {}),
      });
      announce(`Verwijzing naar ${reference.organisationName(d.toOrganisationId)} verstuurd.`);
      navigate(`/huishoudens/${id}`);
    },
  });

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
        <form onSubmit={(e) => void form.onSubmit(e)} noValidate className="gp-form" aria-label="Verwijzing">
          <FormErrors summary={form.summary} problem={form.problem} />
          <SelectField
            {...form.field('toOrganisationId')}
            placeholder="Kies een organisatie"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SelectField
            {...form.field('personId')}
            placeholder="Het hele huishouden"
            options={members.map((m) => ({ value: m.personId, label: fullName(m.person!) }))}
          />
          <TextAreaField
            {...form.field('reason')}
            hint="Wat is er aan de hand en wat vraagt u van de organisatie? Noem alleen wat nodig is."
            rows={6}
            maxLength={2000}
          />
          <FormActions
            form={form}
            label="Verwijzing versturen"
            busyLabel="Bezig met versturen…"
            onCancel={() => navigate(`/huishoudens/${id}`)}
          />
        </form>
      </Grid.Cell>
    </Grid>
  );
}
