import { Badge, Grid, Heading, Link, Paragraph, StandaloneLink, Table } from '@amsterdam/design-system-react';
import type { ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import type { Household, Referral, SearchPage } from '../api/types';
import { useUser } from '../auth/session';
import { HouseholdTable } from '../components/households';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { addressLine, formatDate, plural } from '../lib/format';
import { labelOf, PILLAR_LABELS } from '../lib/labels';
import { canCreateHousehold, canSeeIncomingReferrals, isProfessional } from '../lib/permissions';
import { type Resource, useResource } from '../lib/use-resource';
import { BreakGlassNotices } from './BreakGlassNotices';

interface ProcedureItem {
  id: string;
  householdId: string;
  pillar?: string;
  product?: string;
  productCategory?: string;
  status?: string;
  deadline?: string | null;
  daysLeft?: number | null;
  overdue?: boolean;
}

interface PlanItem {
  kind: 'goal' | 'evaluation';
  householdId: string;
  goalId?: string;
  lifeDomainLabel?: string;
  description?: string;
  dueOn: string;
  daysOverdue: number;
}

interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * A worklist that is there only once its API exists (indications: issue 5, plan: issue 6). An absent
 * route (404) or a list the role may not read (403) hides the section instead of showing an error.
 */
async function optional<T>(path: string, signal: AbortSignal): Promise<Paged<T> | null> {
  try {
    return await api.get<Paged<T>>(path, { signal });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/** The start page: legal deadlines, overdue plan goals and evaluations, my households, incoming referrals. */
export function WorklistPage() {
  const user = useUser();
  const professional = isProfessional(user);
  const mine = useResource(
    (signal) =>
      professional
        ? api.post<SearchPage>(
            '/households/search',
            { mine: true, status: 'active', pageSize: 100, sort: 'address' },
            { signal },
          )
        : Promise.resolve(null),
    [professional],
  );
  const procedures = useResource(
    (signal) =>
      professional
        ? optional<ProcedureItem>('/worklists/procedures?scope=mine&due=all&pageSize=50', signal)
        : Promise.resolve(null),
    [professional],
  );
  const plans = useResource(
    (signal) =>
      professional ? optional<PlanItem>('/worklists/plans?pageSize=50', signal) : Promise.resolve(null),
    [professional],
  );
  const incoming = useResource(
    (signal) =>
      canSeeIncomingReferrals(user)
        ? api.get<Referral[]>('/referrals?direction=incoming&status=open', { signal })
        : Promise.resolve(null),
    [user.id],
  );
  const households = new Map((mine.data?.items ?? []).map((h) => [h.id, h]));

  if (!professional) {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Werkvoorraad</PageHeading>
          <Paragraph>
            Welkom, {user.displayName}. Uw rol geeft geen inzage in dossiers van huishoudens; Gezinsplan toont
            u daarom geen werkvoorraad.
          </Paragraph>
        </Grid.Cell>
      </Grid>
    );
  }

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading>Werkvoorraad</PageHeading>
        <Paragraph>Welkom, {user.displayName}.</Paragraph>
        {incoming.state === 'ready' && incoming.data && incoming.data.length > 0 && (
          <Paragraph>
            <StandaloneLink href="/verwijzingen" linkComponent={RouterLink}>
              {plural(incoming.data.length, 'open verwijzing', 'open verwijzingen')} voor uw organisatie
            </StandaloneLink>
          </Paragraph>
        )}
      </Grid.Cell>

      {user.roles.includes('teamleider') && <BreakGlassNotices />}

      <WorklistSection resource={procedures} id="procedures" heading="Wettelijke termijnen">
        {(page) => (
          <Table className="gp-table" data-testid="procedures-worklist">
            <Table.Caption className="ams-visually-hidden">
              Procedures met een termijn die bijna of al verlopen is
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Termijn</Table.HeaderCell>
                <Table.HeaderCell scope="col">Huishouden</Table.HeaderCell>
                <Table.HeaderCell scope="col">Pijler</Table.HeaderCell>
                <Table.HeaderCell scope="col">Voorziening</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {page.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>
                    {formatDate(item.deadline)}{' '}
                    {item.overdue ? (
                      <Badge label="Verlopen" color="red" />
                    ) : item.daysLeft !== null && item.daysLeft !== undefined ? (
                      <Badge label={`Nog ${item.daysLeft} dagen`} color="orange" />
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    <HouseholdLink id={item.householdId} households={households} />
                  </Table.Cell>
                  <Table.Cell>{labelOf(PILLAR_LABELS, item.pillar)}</Table.Cell>
                  <Table.Cell>{item.product ?? labelOf({}, item.productCategory)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </WorklistSection>

      <WorklistSection resource={plans} id="plans" heading="Verlopen doelen en evaluaties">
        {(page) => (
          <Table className="gp-table" data-testid="plans-worklist">
            <Table.Caption className="ams-visually-hidden">
              Doelen over de streefdatum en evaluaties die te laat zijn
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Streefdatum</Table.HeaderCell>
                <Table.HeaderCell scope="col">Huishouden</Table.HeaderCell>
                <Table.HeaderCell scope="col">Wat</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {page.items.map((item) => (
                <Table.Row key={`${item.kind}:${item.goalId ?? item.householdId}`}>
                  <Table.Cell>
                    {formatDate(item.dueOn)} <Badge label={`${item.daysOverdue} dagen te laat`} color="red" />
                  </Table.Cell>
                  <Table.Cell>
                    <HouseholdLink id={item.householdId} households={households} />
                  </Table.Cell>
                  <Table.Cell>
                    {item.kind === 'evaluation'
                      ? 'Evaluatie van het gezinsplan'
                      : `Doel (${item.lifeDomainLabel ?? ''}): ${item.description ?? ''}`}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </WorklistSection>

      <Grid.Cell span="all">
        <section aria-labelledby="mine-heading" className="gp-section">
          <Heading level={2} size="level-3" id="mine-heading">
            Mijn huishoudens{mine.state === 'ready' && mine.data ? ` (${mine.data.total})` : ''}
          </Heading>
          {mine.state === 'loading' && <Loading>Uw huishoudens worden geladen…</Loading>}
          {mine.state === 'error' && <ProblemAlert error={mine.error} />}
          {mine.state === 'ready' && mine.data && mine.data.total === 0 && (
            <Empty>
              U zit nog in geen enkel casusteam.{' '}
              {canCreateHousehold(user) && (
                <Link href="/huishoudens/nieuw" linkComponent={RouterLink}>
                  Registreer een huishouden
                </Link>
              )}
            </Empty>
          )}
          {mine.state === 'ready' && mine.data && mine.data.items.length > 0 && (
            <HouseholdTable households={mine.data.items} caption="Huishoudens waar u in het casusteam zit" />
          )}
        </section>
      </Grid.Cell>
    </Grid>
  );
}

function WorklistSection<T>({
  resource,
  id,
  heading,
  children,
}: {
  resource: Resource<Paged<T> | null>;
  id: string;
  heading: string;
  children: (page: Paged<T>) => ReactNode;
}) {
  if (resource.state === 'ready' && resource.data === null) return null;
  return (
    <Grid.Cell span="all">
      <section aria-labelledby={`${id}-heading`} className="gp-section">
        <Heading level={2} size="level-3" id={`${id}-heading`}>
          {heading}
          {resource.state === 'ready' && resource.data ? ` (${resource.data.total})` : ''}
        </Heading>
        {resource.state === 'loading' && <Loading />}
        {resource.state === 'error' && <ProblemAlert error={resource.error} />}
        {resource.state === 'ready' && resource.data && resource.data.items.length === 0 && (
          <Empty>Niets te doen: er is niets verlopen of bijna verlopen.</Empty>
        )}
        {resource.state === 'ready' &&
          resource.data &&
          resource.data.items.length > 0 &&
          children(resource.data)}
      </section>
    </Grid.Cell>
  );
}

function HouseholdLink({ id, households }: { id: string; households: Map<string, Household> }) {
  const household = households.get(id);
  return (
    <Link href={`/huishoudens/${id}`} linkComponent={RouterLink}>
      {household ? addressLine(household) : 'Huishouden openen'}
    </Link>
  );
}
