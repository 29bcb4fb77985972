import {
  Alert,
  Badge,
  Button,
  Grid,
  Heading,
  Paragraph,
  StandaloneLink,
  Table,
} from '@amsterdam/design-system-react';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Dossier } from '../api/types';
import { useUser } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { ProblemAlert } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { addressLine, formatDate } from '../lib/format';
import { canAddPlanGoal, canEditPlan, planGoalDomains } from '../lib/permissions';
import { useResource } from '../lib/use-resource';
import { AddAction } from './plan/AddAction';
import { AgreedEvaluation } from './plan/AgreedEvaluation';
import { EvaluationForm, GOAL_STATUS } from './plan/EvaluationForm';
import { AddGoal } from './plan/AddGoal';
import { Agree } from './plan/Agree';
import { OwnWords } from './plan/OwnWords';
import { Versions } from './plan/Versions';
import { PlanGoal, PlanView, LIFE_DOMAINS, VERSION_STATUS } from './plan/types';

interface Loaded {
  dossier: Dossier;
  plan: PlanView;
  etag: string;
}

/**
 * The household plan: the family's own words, goals and actions per life domain, agreeing a version and
 * the family's PDF. Every write carries the ETag it was based on (If-Match); when a colleague changed the
 * plan in between, the API answers 412 and the page shows both texts without throwing away what was typed.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  const resource = useResource(
    async (signal): Promise<Loaded> => {
      const [dossier, plan] = await Promise.all([
        api.get<Dossier>(`/households/${id}`, { signal }),
        api.request<PlanView>('GET', `/households/${id}/plan`, { signal }),
      ]);
      return { dossier, plan: plan.data, etag: plan.headers.get('ETag') ?? `"${plan.data.revision}"` };
    },
    [id],
  );
  const back = (
    <StandaloneLink href={`/huishoudens/${id}`} linkComponent={RouterLink}>
      Terug naar het dossier
    </StandaloneLink>
  );
  if (resource.state !== 'ready') {
    return (
      <Grid paddingVertical="large">
        <Grid.Cell span="all">
          <PageHeading>Gezinsplan</PageHeading>
          {resource.state === 'loading' ? (
            <Loading>Het gezinsplan wordt geladen…</Loading>
          ) : (
            <ProblemAlert error={resource.error} />
          )}
          {back}
        </Grid.Cell>
      </Grid>
    );
  }
  return <PlanWorkspace key={resource.data.etag} initial={resource.data} back={back} />;
}

function PlanWorkspace({ initial, back }: { initial: Loaded; back: ReactNode }) {
  const user = useUser();
  const announce = useAnnounce();
  const { dossier } = initial;
  const householdId = dossier.household.id;
  const [plan, setPlan] = useState(initial.plan);
  const [etag, setEtag] = useState(initial.etag);
  const [conflict, setConflict] = useState<string | null>(null);
  const editable = canEditPlan(dossier, user);
  const mayAddGoal = canAddPlanGoal(dossier, user);

  /** A plan write with If-Match; on 412 the newest plan is loaded and the conflict shown. */
  const write = async (method: string, path: string, body: unknown): Promise<boolean> => {
    try {
      const response = await api.request<PlanView>(method, `/households/${householdId}/plan${path}`, {
        body,
        headers: { 'If-Match': etag },
      });
      setPlan(response.data);
      setEtag(response.headers.get('ETag') ?? `"${response.data.revision}"`);
      setConflict(null);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const latest = await api.request<PlanView>('GET', `/households/${householdId}/plan`);
        setPlan(latest.data);
        setEtag(latest.headers.get('ETag') ?? `"${latest.data.revision}"`);
        setConflict(
          'Een collega heeft het gezinsplan gewijzigd terwijl u bezig was. Hieronder staat nu hun versie; uw invoer is bewaard. Bekijk de verschillen en sla daarna opnieuw op.',
        );
        announce('Het gezinsplan is intussen door een collega gewijzigd. Uw invoer is bewaard.');
        return false;
      }
      throw error;
    }
  };

  const version = plan.version;
  const goals = version?.goals ?? [];
  const mayEditGoal = (goal: PlanGoal) => mayAddGoal && planGoalDomains(user).includes(goal.lifeDomain);
  const domains = [...new Set(goals.map((g) => g.lifeDomain))];
  const agreedNumber = plan.versions
    .filter((v) => v.status === 'vastgesteld')
    .reduce<number | undefined>((newest, v) => Math.max(newest ?? 0, v.number), undefined);

  return (
    <Grid paddingVertical="large" gapVertical="large">
      <Grid.Cell span="all">
        <PageHeading title={`Gezinsplan ${addressLine(dossier.household)}`}>
          Gezinsplan {addressLine(dossier.household)}
        </PageHeading>
        {back}
        {version && (
          <div className="gp-heading-badges">
            <Badge
              label={`Versie ${version.number}: ${VERSION_STATUS[version.status]}`}
              color={version.status === 'vastgesteld' ? 'lime' : 'yellow'}
              className="gp-badge"
            />
            {plan.scope !== 'whole' && (
              <Badge
                label={`Alleen ${LIFE_DOMAINS[plan.scope] ?? plan.scope}`}
                color="orange"
                className="gp-badge"
              />
            )}
            {plan.evaluationOverdue && <Badge label="Evaluatie te laat" color="red" className="gp-badge" />}
          </div>
        )}
        {editable && version?.status === 'vastgesteld' && (
          <Paragraph>
            Deze versie is vastgesteld. Wat u nu wijzigt, komt in een nieuwe conceptversie.
          </Paragraph>
        )}
        {conflict && (
          <div role="alert" className="gp-problem" data-testid="plan-conflict">
            <Alert severity="warning" heading="Het plan is intussen gewijzigd" headingLevel={2}>
              <Paragraph>{conflict}</Paragraph>
            </Alert>
          </div>
        )}
      </Grid.Cell>

      <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
        <OwnWords
          householdId={householdId}
          saved={version?.ownWords}
          hidden={version !== null && version.ownWords === undefined}
          editable={editable}
          conflict={conflict !== null}
          onSave={(ownWords) => write('PATCH', '', { ownWords })}
        />
      </Grid.Cell>

      <Grid.Cell span="all">
        <section aria-labelledby="goals-heading" className="gp-section" data-testid="plan-goals">
          <Heading level={2} size="level-3" id="goals-heading">
            Doelen ({goals.length})
          </Heading>
          {goals.length === 0 && <Empty>Er zijn nog geen doelen.</Empty>}
          {domains.map((domain) => (
            <div key={domain} className="gp-section">
              <Heading level={3} size="level-4">
                {LIFE_DOMAINS[domain] ?? domain}
              </Heading>
              <Table className="gp-table">
                <Table.Caption className="ams-visually-hidden">
                  Doelen voor {LIFE_DOMAINS[domain] ?? domain}
                </Table.Caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Doel</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Eigenaar</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Streefdatum</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {goals
                    .filter((g) => g.lifeDomain === domain)
                    .map((goal) => (
                      <Table.Row key={goal.id}>
                        <Table.Cell>
                          {goal.description}
                          {goal.actions.length > 0 && (
                            <ul className="gp-actions-list">
                              {goal.actions.map((a) => (
                                <li key={a.id}>
                                  {a.done ? '✓ ' : ''}
                                  {a.actor.name}: {a.description} (uiterlijk {formatDate(a.dueOn)})
                                  {mayEditGoal(goal) && !a.done && (
                                    <Button
                                      variant="tertiary"
                                      aria-label={`Gedaan: ${a.description}`}
                                      onClick={() => void write('PATCH', `/actions/${a.id}`, { done: true })}
                                    >
                                      Gedaan
                                    </Button>
                                  )}
                                </li>
                              ))}
                            </ul>
                          )}
                          {mayEditGoal(goal) && <AddAction dossier={dossier} goal={goal} write={write} />}
                        </Table.Cell>
                        <Table.Cell>{goal.owner.name}</Table.Cell>
                        <Table.Cell>
                          {formatDate(goal.targetDate)}{' '}
                          {goal.overdue && <Badge label="Over de streefdatum" color="red" />}
                        </Table.Cell>
                        <Table.Cell>{GOAL_STATUS[goal.status] ?? goal.status}</Table.Cell>
                      </Table.Row>
                    ))}
                </Table.Body>
              </Table>
            </div>
          ))}
          {mayAddGoal && (
            <AddGoal
              dossier={dossier}
              domains={planGoalDomains(user)}
              onAdd={(goal) => write('POST', '/goals', goal)}
            />
          )}
        </section>
      </Grid.Cell>

      {editable && version?.status === 'concept' && goals.length > 0 && (
        <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
          <Agree
            dossier={dossier}
            versionNumber={version.number}
            onAgree={(body) => write('POST', '/vaststellen', body)}
          />
        </Grid.Cell>
      )}

      {editable && version?.status === 'vastgesteld' && goals.length > 0 && (
        <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
          <EvaluationForm householdId={householdId} goals={goals} write={write} />
        </Grid.Cell>
      )}

      {editable && version?.status === 'concept' && agreedNumber !== undefined && (
        <Grid.Cell span={{ narrow: 4, medium: 8, wide: 8 }}>
          <AgreedEvaluation
            householdId={householdId}
            agreedNumber={agreedNumber}
            conceptNumber={version.number}
            write={write}
          />
        </Grid.Cell>
      )}

      <Grid.Cell span="all">
        <Versions
          householdId={householdId}
          versions={plan.versions}
          nextEvaluationOn={plan.nextEvaluationOn}
        />
      </Grid.Cell>
    </Grid>
  );
}
