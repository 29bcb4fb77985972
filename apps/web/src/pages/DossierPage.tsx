import {
  Alert,
  Badge,
  DescriptionList,
  Grid,
  Heading,
  Paragraph,
  StandaloneLink,
} from '@amsterdam/design-system-react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import type { Dossier } from '../api/types';
import { useUser } from '../auth/session';
import { AccessBadge, Pillars, RegisseurContact } from '../components/households';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Loading } from '../components/status';
import { addressLine, formatDate, formatPostcode } from '../lib/format';
import { HOUSEHOLD_STATUS_LABELS } from '../lib/labels';
import { canBreakGlass, canRefer, canReviewHousehold } from '../lib/permissions';
import { useReference } from '../lib/reference';
import { useResource } from '../lib/use-resource';
import { BreakGlass } from './dossier/BreakGlass';
import { BudgetSection } from './dossier/BudgetSection';
import { CaseTeamSection } from './dossier/CaseTeamSection';
import { ConsentsSection } from './dossier/ConsentsSection';
import { ContactsSection } from './dossier/ContactsSection';
import { IndicationsSection } from './dossier/IndicationsSection';
import { MembersSection } from './dossier/MembersSection';
import { PlanSection } from './dossier/PlanSection';
import { ReferralsSection } from './dossier/ReferralsSection';
import { RepresentativesSection } from './dossier/RepresentativesSection';
import { ReviewsSection } from './dossier/ReviewsSection';

/**
 * One household. With `access: 'index'` only the verwijsindex (address, neighbourhood, pillars and the
 * regisseur to call); with `full` the case content. Each section is shown only when the API sends it, so
 * sections of other contexts (indications, plan) slot in as they become available.
 */
export function DossierPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const reference = useReference();
  const dossier = useResource((signal) => api.get<Dossier>(`/households/${id}`, { signal }), [id]);

  if (dossier.state === 'loading' && !dossier.data) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading title="Dossier">Dossier</PageHeading>
          <Loading>Het dossier wordt geladen…</Loading>
        </Grid.Cell>
      </Grid>
    );
  }
  if (dossier.state === 'error') {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading title="Dossier">Dossier</PageHeading>
          <ProblemAlert error={dossier.error} />
          <StandaloneLink href="/zoeken" linkComponent={RouterLink}>
            Terug naar zoeken
          </StandaloneLink>
        </Grid.Cell>
      </Grid>
    );
  }
  const data = dossier.data!;
  const { household } = data;
  const full = data.access === 'full';
  const title = addressLine(household);

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading title={`Dossier ${title}`}>
          {title}
          <span className="ams-visually-hidden"> — dossier</span>
        </PageHeading>
        <div className="gp-heading-badges">
          <AccessBadge full={full} />
          {household.status === 'closed' && <Badge label={HOUSEHOLD_STATUS_LABELS.closed} color="purple" />}
          {household.cohort50 && <Badge label="50-gezinnenaanpak" color="lime" />}
          {data.breakGlass && <Badge label="Noodtoegang" color="red" />}
        </div>
      </Grid.Cell>

      {!full && (
        <Grid.Cell span="all">
          <div data-testid="index-notice">
            <Alert heading="U ziet alleen de verwijsindex" headingLevel={2}>
              <Paragraph>
                U zit niet in het casusteam van dit huishouden. U ziet daarom alleen het adres, de wijk, de
                betrokken pijlers en wie de regisseur is.
              </Paragraph>
              {household.regisseur ? (
                <Paragraph>
                  <strong>Bel de regisseur</strong>: {household.regisseur.name} (
                  {household.regisseur.organisation}).
                </Paragraph>
              ) : (
                <Paragraph>Dit huishouden heeft nog geen regisseur.</Paragraph>
              )}
              {canBreakGlass(data, user) && (
                <BreakGlass householdId={household.id} onOpened={dossier.reload} />
              )}
            </Alert>
          </div>
        </Grid.Cell>
      )}

      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <section aria-labelledby="household-heading" className="gp-section">
          <Heading level={2} size="level-3" id="household-heading">
            Huishouden
          </Heading>
          <DescriptionList termsWidth="medium" className="gp-dl">
            <DescriptionList.Term>Adres</DescriptionList.Term>
            <DescriptionList.Description>
              {addressLine(household)}, {formatPostcode(household.postcode)} {household.city}
            </DescriptionList.Description>
            <DescriptionList.Term>Wijk</DescriptionList.Term>
            <DescriptionList.Description>
              {reference.neighbourhoodName(household.neighbourhoodId) || 'Onbekend'}
            </DescriptionList.Description>
            <DescriptionList.Term>Gemeente</DescriptionList.Term>
            <DescriptionList.Description>
              {reference.municipalityName(household.municipalityId)}
            </DescriptionList.Description>
            <DescriptionList.Term>Betrokken pijlers</DescriptionList.Term>
            <DescriptionList.Description>
              <Pillars pillars={household.pillars} />
            </DescriptionList.Description>
            <DescriptionList.Term>Regisseur</DescriptionList.Term>
            <DescriptionList.Description>
              <RegisseurContact household={household} />
            </DescriptionList.Description>
            <DescriptionList.Term>Status</DescriptionList.Term>
            <DescriptionList.Description>
              {HOUSEHOLD_STATUS_LABELS[household.status]}
              {household.closedOn && ` sinds ${formatDate(household.closedOn)}`}
              {household.closeReason && ` (${household.closeReason})`}
            </DescriptionList.Description>
          </DescriptionList>
        </section>
      </Grid.Cell>

      {full && (
        <Grid.Cell span={{ narrow: 4, medium: 8, wide: 4 }}>
          <aside aria-labelledby="actions-heading" className="gp-section gp-actions">
            <Heading level={2} size="level-4" id="actions-heading">
              Acties
            </Heading>
            {canRefer(data, user) ? (
              <StandaloneLink href={`/huishoudens/${household.id}/verwijzen`} linkComponent={RouterLink}>
                Verwijzen naar een andere organisatie
              </StandaloneLink>
            ) : (
              <Paragraph size="small">
                U zit niet in het casusteam van dit huishouden of het is afgesloten; u kunt het dossier inzien
                maar niet wijzigen.
              </Paragraph>
            )}
          </aside>
        </Grid.Cell>
      )}

      {full && (
        <>
          {data.members && (
            <Grid.Cell span="all">
              <MembersSection dossier={data} onChanged={dossier.reload} />
            </Grid.Cell>
          )}
          {data.caseTeam && (
            <Grid.Cell span="all">
              <CaseTeamSection dossier={data} onChanged={dossier.reload} />
            </Grid.Cell>
          )}
          {data.indications !== undefined && (
            <Grid.Cell span="all">
              <IndicationsSection indications={data.indications} dossier={data} />
            </Grid.Cell>
          )}
          {data.plan !== undefined && (
            <Grid.Cell span="all">
              <PlanSection plan={data.plan} dossier={data} />
            </Grid.Cell>
          )}
          {data.budget !== undefined && (
            <Grid.Cell span="all">
              <BudgetSection budget={data.budget} dossier={data} onChanged={dossier.reload} />
            </Grid.Cell>
          )}
          {data.contacts !== undefined && (
            <Grid.Cell span="all">
              <ContactsSection contacts={data.contacts} />
            </Grid.Cell>
          )}
          {data.representatives && (
            <Grid.Cell span="all">
              <RepresentativesSection dossier={data} onChanged={dossier.reload} />
            </Grid.Cell>
          )}
          {data.consents && (
            <Grid.Cell span="all">
              <ConsentsSection dossier={data} onChanged={dossier.reload} />
            </Grid.Cell>
          )}
          {data.referrals && (
            <Grid.Cell span="all">
              <ReferralsSection dossier={data} />
            </Grid.Cell>
          )}
          {canReviewHousehold(data, user) && (
            <Grid.Cell span="all">
              <ReviewsSection householdId={household.id} />
            </Grid.Cell>
          )}
        </>
      )}
    </Grid>
  );
}
