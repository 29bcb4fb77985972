import { lifeDomainLabel } from './life-domains';
import { PersonRef, PlanPeople } from './plan-people';
import { PlanAction, PlanGoal } from './entities';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Difference<T> {
  added: T[];
  removed: T[];
  changed: { id: string; description: string; changes: FieldChange[] }[];
}

export interface GoalSnapshot {
  id: string;
  lifeDomain: string;
  lifeDomainLabel: string;
  description: string;
  owner: PersonRef;
  targetDate: string;
  status: string;
  indicationIds: string[];
  internalNote: string | null;
}

export interface ActionSnapshot {
  id: string;
  goalId: string;
  actor: PersonRef;
  description: string;
  dueOn: string;
  done: boolean;
}

export interface VersionContent {
  ownWords?: string;
  goals: PlanGoal[];
  actions: PlanAction[];
}

export interface Comparison {
  from: number;
  to: number;
  ownWords: FieldChange | null;
  goals: Difference<GoalSnapshot>;
  actions: Difference<ActionSnapshot>;
}

const GOAL_FIELDS = [
  'lifeDomain',
  'description',
  'owner',
  'targetDate',
  'status',
  'indicationIds',
  'internalNote',
];
const ACTION_FIELDS = ['goalId', 'actor', 'description', 'dueOn', 'done'];

/** What changed from one version to another: goals and actions matched by their stable ids, field by field. */
export function compareVersions(
  numbers: { from: number; to: number },
  from: VersionContent,
  to: VersionContent,
  people: PlanPeople,
): Comparison {
  const goal = (g: PlanGoal): GoalSnapshot => ({
    id: g.id,
    lifeDomain: g.lifeDomain,
    lifeDomainLabel: lifeDomainLabel(g.lifeDomain),
    description: g.description,
    owner: people.owner(g),
    targetDate: g.targetDate,
    status: g.status,
    indicationIds: [...g.indicationIds].sort(),
    internalNote: g.internalNote,
  });
  const action = (a: PlanAction): ActionSnapshot => ({
    id: a.id,
    goalId: a.goalId,
    actor: people.actor(a),
    description: a.description,
    dueOn: a.dueOn,
    done: a.done,
  });
  const ownWordsChanged =
    from.ownWords !== undefined && to.ownWords !== undefined && from.ownWords !== to.ownWords;
  return {
    ...numbers,
    ownWords: ownWordsChanged ? { field: 'ownWords', from: from.ownWords, to: to.ownWords } : null,
    goals: difference(from.goals.map(goal), to.goals.map(goal), GOAL_FIELDS),
    actions: difference(from.actions.map(action), to.actions.map(action), ACTION_FIELDS),
  };
}

function difference<T extends { id: string; description: string }>(
  before: T[],
  after: T[],
  fields: string[],
): Difference<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changed: Difference<T>['changed'] = [];
  for (const item of after) {
    const earlier = old.get(item.id);
    if (!earlier) continue;
    const changes = fields
      .map((field) => ({
        field,
        from: comparable(earlier, field),
        to: comparable(item, field),
      }))
      .filter((c) => JSON.stringify(c.from) !== JSON.stringify(c.to));
    if (changes.length > 0) changed.push({ id: item.id, description: item.description, changes });
  }
  return {
    added: after.filter((item) => !old.has(item.id)),
    removed: before.filter((item) => !now.has(item.id)),
    changed,
  };
}

/** People compare by who they are, not by how their name is shown. */
function comparable(item: object, field: string): unknown {
  const value = (item as Record<string, unknown>)[field];
  if (field === 'owner' || field === 'actor') {
    const ref = value as PersonRef;
    return ref.type === 'organisation'
      ? { type: ref.type, name: ref.name }
      : { type: ref.type, id: ref.id, name: ref.name };
  }
  return value;
}
