import {
  ActionGroup,
  Alert,
  Badge,
  Button,
  Checkbox,
  ErrorMessage,
  FieldSet,
  Grid,
  Heading,
  Paragraph,
  StandaloneLink,
  Table,
} from '@amsterdam/design-system-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import type { Dossier } from '../api/types';
import { useUser } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DateField, SelectField, TextAreaField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, ProblemAlert, splitFieldErrors } from '../components/problems';
import { RouterLink } from '../components/RouterLink';
import { Empty, Loading } from '../components/status';
import { useAnnounce } from '../lib/announcer';
import { useDraft } from '../lib/drafts';
import { addressLine, formatDate, fullName, today } from '../lib/format';
import { canAddPlanGoal, canEditPlan, planGoalDomains } from '../lib/permissions';
import { toApiError, useResource } from '../lib/use-resource';

/** The plan as GET /households/:id/plan answers it (libs/plans plan-views.ts). */
interface PersonRef {
  type: string;
  id: string | null;
  name: string;
}
interface PlanGoal {
  id: string;
  lifeDomain: string;
  lifeDomainLabel: string;
  description: string;
  owner: PersonRef;
  targetDate: string;
  status: string;
  overdue: boolean;
  actions: {
    id: string;
    actor: PersonRef;
    description: string;
    dueOn: string;
    done: boolean;
    overdue: boolean;
  }[];
}
interface VersionSummary {
  number: number;
  status: 'concept' | 'vastgesteld';
  agreedOn: string | null;
  agreedBy: PersonRef[];
}
export interface PlanView {
  householdId: string;
  exists: boolean;
  revision: number;
  scope: string;
  nextEvaluationOn: string | null;
  evaluationOverdue: boolean;
  version: (VersionSummary & { ownWords?: string; goals: PlanGoal[] }) | null;
  versions: VersionSummary[];
}

export const LIFE_DOMAINS: Record<string, string> = {
  financien: 'Financiën',
  wonen: 'Wonen',
  werk: 'Werk en dagbesteding',
  opvoeden: 'Opvoeden en opgroeien',
  gezondheid: 'Gezondheid',
  'sociaal-netwerk': 'Sociaal netwerk',
  veiligheid: 'Veiligheid',
  onderwijs: 'Onderwijs',
};
const GOAL_STATUS: Record<string, string> = {
  open: 'Open',
  bezig: 'Bezig',
  behaald: 'Behaald',
  gestopt: 'Gestopt',
};
const VERSION_STATUS = { concept: 'Concept', vastgesteld: 'Vastgesteld' } as const;

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
  const domains = [...new Set(goals.map((g) => g.lifeDomain))];

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
                                </li>
                              ))}
                            </ul>
                          )}
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

function OwnWords({
  householdId,
  saved,
  hidden,
  editable,
  conflict,
  onSave,
}: {
  householdId: string;
  saved: string | undefined;
  hidden: boolean;
  editable: boolean;
  conflict: boolean;
  onSave: (ownWords: string) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const [text, setText, clearText] = useDraft(`plan-words:${householdId}`, saved ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = text !== (saved ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (await onSave(text)) {
        clearText(text);
        announce('De woorden van het gezin zijn opgeslagen.');
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (hidden) {
    return (
      <section aria-labelledby="words-heading" className="gp-section">
        <Heading level={2} size="level-3" id="words-heading">
          Wat wil het gezin bereiken
        </Heading>
        <Paragraph>U ziet alleen het deel van het plan dat voor uw organisatie gedeeld is.</Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="words-heading" className="gp-section" data-testid="plan-words">
      <Heading level={2} size="level-3" id="words-heading">
        Wat wil het gezin bereiken
      </Heading>
      {!editable ? (
        <Paragraph>{saved || 'Nog niet ingevuld.'}</Paragraph>
      ) : (
        <form onSubmit={save} noValidate className="gp-form" aria-labelledby="words-heading">
          {error && <ProblemAlert error={error} headingLevel={3} />}
          {conflict && changed && (
            <div className="gp-inline-form" data-testid="plan-words-theirs">
              <Heading level={3} size="level-4">
                De tekst zoals uw collega die opsloeg
              </Heading>
              <Paragraph>{saved || '(leeg)'}</Paragraph>
              <Button type="button" variant="secondary" onClick={() => setText(saved ?? '')}>
                Tekst van uw collega overnemen
              </Button>
            </div>
          )}
          <TextAreaField
            id="plan-ownWords"
            label={conflict && changed ? 'Uw tekst' : 'In de woorden van het gezin'}
            hint="Wat wil het gezin bereiken? Schrijf het op zoals het gezin het zegt."
            optional
            rows={5}
            maxLength={5000}
            value={text}
            onChange={setText}
          />
          <ActionGroup>
            <Button type="submit" disabled={busy || !changed}>
              {busy ? 'Bezig met opslaan…' : conflict && changed ? 'Mijn tekst opslaan' : 'Opslaan'}
            </Button>
          </ActionGroup>
        </form>
      )}
    </section>
  );
}

interface GoalDraft {
  lifeDomain: string;
  description: string;
  owner: string;
  targetDate: string;
}

const GOAL_LABELS: Record<string, string> = {
  lifeDomain: 'Leefgebied',
  description: 'Doel',
  owner: 'Eigenaar',
  targetDate: 'Streefdatum',
};

function AddGoal({
  dossier,
  domains,
  onAdd,
}: {
  dossier: Dossier;
  domains: string[];
  onAdd: (goal: unknown) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const empty: GoalDraft = {
    lifeDomain: domains.length === 1 ? domains[0] : '',
    description: '',
    owner: '',
    targetDate: '',
  };
  const [draft, setDraft, clearDraft] = useDraft<GoalDraft>(`plan-goal:${dossier.household.id}`, empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof GoalDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const owners = [
    ...(dossier.members ?? [])
      .filter((m) => !m.leftOn && m.person)
      .map((m) => ({ value: `member:${m.personId}`, label: `${fullName(m.person!)} (gezinslid)` })),
    ...(dossier.caseTeam ?? [])
      .filter((c) => !c.leftAt)
      .map((c) => ({ value: `professional:${c.userId}`, label: `${c.name} (${c.organisation})` })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!draft.lifeDomain) missing.lifeDomain = 'Kies het leefgebied.';
    if (!draft.description.trim()) missing.description = 'Beschrijf het doel.';
    if (!draft.owner) missing.owner = 'Kies wie eigenaar is van het doel.';
    if (!draft.targetDate) missing.targetDate = 'Vul de streefdatum in.';
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length) return;
    const [type, id] = draft.owner.split(':');
    setBusy(true);
    try {
      const added = await onAdd({
        lifeDomain: draft.lifeDomain,
        description: draft.description.trim(),
        owner: { type, id },
        targetDate: draft.targetDate,
      });
      if (added) {
        clearDraft();
        announce('Doel toegevoegd aan het gezinsplan.');
      }
    } catch (e) {
      const error = toApiError(e);
      const fields = splitFieldErrors(error, (f) => f in GOAL_LABELS || f.startsWith('owner')).fields;
      if (fields['owner.id'] || fields['owner.type'])
        fields.owner = fields['owner.id'] ?? fields['owner.type'];
      setErrors(fields);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const summary = Object.entries(errors)
    .filter(([field]) => field in GOAL_LABELS)
    .map(([field, message]) => ({ id: `#goal-${field}`, label: `${GOAL_LABELS[field]}: ${message}` }));
  return (
    <form onSubmit={submit} noValidate className="gp-form gp-inline-form" aria-labelledby="add-goal-heading">
      <Heading level={3} size="level-4" id="add-goal-heading">
        Doel toevoegen
      </Heading>
      <ErrorSummary errors={summary} />
      {problem && summary.length === 0 && <ProblemAlert error={problem} headingLevel={4} />}
      <SelectField
        id="goal-lifeDomain"
        label={GOAL_LABELS.lifeDomain}
        placeholder="Kies een leefgebied"
        value={draft.lifeDomain}
        onChange={set('lifeDomain')}
        error={errors.lifeDomain}
        options={domains.map((d) => ({ value: d, label: LIFE_DOMAINS[d] ?? d }))}
      />
      <TextAreaField
        id="goal-description"
        label={GOAL_LABELS.description}
        rows={3}
        maxLength={1000}
        value={draft.description}
        onChange={set('description')}
        error={errors.description}
      />
      <SelectField
        id="goal-owner"
        label={GOAL_LABELS.owner}
        placeholder="Kies de eigenaar"
        value={draft.owner}
        onChange={set('owner')}
        error={errors.owner}
        options={owners}
      />
      <DateField
        id="goal-targetDate"
        label={GOAL_LABELS.targetDate}
        min={today()}
        value={draft.targetDate}
        onChange={set('targetDate')}
        error={errors.targetDate}
      />
      <Button type="submit" disabled={busy}>
        {busy ? 'Bezig met opslaan…' : 'Doel toevoegen'}
      </Button>
    </form>
  );
}

function Agree({
  dossier,
  versionNumber,
  onAgree,
}: {
  dossier: Dossier;
  versionNumber: number;
  onAgree: (body: unknown) => Promise<boolean>;
}) {
  const announce = useAnnounce();
  const members = (dossier.members ?? []).filter((m) => !m.leftOn && m.person);
  const [agreedOn, setAgreedOn] = useState(today());
  const [nextEvaluationOn, setNextEvaluationOn] = useState('');
  const [agreedBy, setAgreedBy] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const agree = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const done = await onAgree({
        agreedOn,
        agreedByPersonIds: agreedBy,
        ...(nextEvaluationOn ? { nextEvaluationOn } : {}),
      });
      setConfirming(false);
      if (done) announce(`Versie ${versionNumber} van het gezinsplan is vastgesteld.`);
    } catch (e) {
      setConfirming(false);
      setProblem(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="agree-heading" className="gp-section gp-inline-form" data-testid="plan-agree">
      <Heading level={2} size="level-3" id="agree-heading">
        Versie {versionNumber} vaststellen met het gezin
      </Heading>
      {problem && <ProblemAlert error={problem} headingLevel={3} />}
      <form
        noValidate
        className="gp-form"
        aria-labelledby="agree-heading"
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!agreedOn) missing.agreedOn = 'Vul de datum in.';
          if (agreedBy.length === 0) missing.agreedBy = 'Kies wie van het gezin instemde.';
          setErrors(missing);
          if (!Object.keys(missing).length) setConfirming(true);
        }}
      >
        <DateField
          id="agree-agreedOn"
          label="Ingestemd op"
          max={today()}
          value={agreedOn}
          onChange={setAgreedOn}
          error={errors.agreedOn}
        />
        <FieldSet
          legend="Wie van het gezin stemde in"
          invalid={Boolean(errors.agreedBy)}
          aria-describedby={errors.agreedBy ? 'agree-agreedBy-error' : undefined}
        >
          {errors.agreedBy && <ErrorMessage id="agree-agreedBy-error">{errors.agreedBy}</ErrorMessage>}
          {members.map((m) => (
            <Checkbox
              key={m.personId}
              checked={agreedBy.includes(m.personId)}
              onChange={(event) =>
                setAgreedBy((ids) =>
                  event.target.checked ? [...ids, m.personId] : ids.filter((x) => x !== m.personId),
                )
              }
            >
              {fullName(m.person!)}
            </Checkbox>
          ))}
        </FieldSet>
        <DateField
          id="agree-nextEvaluationOn"
          label="Volgende evaluatie"
          optional
          min={agreedOn}
          value={nextEvaluationOn}
          onChange={setNextEvaluationOn}
        />
        <Button type="submit" variant="secondary">
          Vaststellen…
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        heading={`Versie ${versionNumber} vaststellen?`}
        confirmLabel="Ja, stel het plan vast"
        busy={busy}
        onConfirm={() => void agree()}
        onCancel={() => setConfirming(false)}
      >
        Na het vaststellen kan deze versie niet meer worden gewijzigd; latere wijzigingen komen in een nieuwe
        conceptversie. De vastgestelde versie is als PDF voor het gezin te downloaden.
      </ConfirmDialog>
    </section>
  );
}

function Versions({
  householdId,
  versions,
  nextEvaluationOn,
}: {
  householdId: string;
  versions: VersionSummary[];
  nextEvaluationOn: string | null;
}) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const download = async (number: number) => {
    setBusy(number);
    setError(null);
    announce(`De PDF van versie ${number} wordt gemaakt…`);
    try {
      const { data } = await api.request<Blob>(
        'GET',
        `/households/${householdId}/plan/versions/${number}/pdf`,
        { as: 'blob' },
      );
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `gezinsplan-versie-${number}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`De PDF van versie ${number} is gedownload.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="versions-heading" className="gp-section" data-testid="plan-versions">
      <Heading level={2} size="level-3" id="versions-heading">
        Versies
      </Heading>
      {nextEvaluationOn && <Paragraph>Volgende evaluatie: {formatDate(nextEvaluationOn)}.</Paragraph>}
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {versions.length === 0 ? (
        <Empty>Er is nog geen versie.</Empty>
      ) : (
        <Table className="gp-table">
          <Table.Caption className="ams-visually-hidden">Versies van het gezinsplan</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Versie</Table.HeaderCell>
              <Table.HeaderCell scope="col">Status</Table.HeaderCell>
              <Table.HeaderCell scope="col">Ingestemd door</Table.HeaderCell>
              <Table.HeaderCell scope="col">PDF voor het gezin</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {versions.map((v) => (
              <Table.Row key={v.number}>
                <Table.Cell>{v.number}</Table.Cell>
                <Table.Cell>
                  {VERSION_STATUS[v.status]}
                  {v.agreedOn && ` op ${formatDate(v.agreedOn)}`}
                </Table.Cell>
                <Table.Cell>{v.agreedBy.map((p) => p.name).join(', ') || '—'}</Table.Cell>
                <Table.Cell>
                  {v.status === 'vastgesteld' ? (
                    <Button
                      variant="secondary"
                      disabled={busy !== null}
                      onClick={() => void download(v.number)}
                    >
                      {busy === v.number ? 'PDF wordt gemaakt…' : `PDF van versie ${v.number}`}
                    </Button>
                  ) : (
                    <span className="gp-muted">Eerst vaststellen</span>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
