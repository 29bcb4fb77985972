import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataSubject } from '@app/audit';
import { HouseholdsService } from '@app/households';
import { GoalStatus, lifeDomainLabel, OPEN_GOAL_STATUSES, VersionStatus } from './life-domains';
import { PersonRef, PlanPeople } from './plan-people';
import { PlanVisibility } from './plan-visibility';
import { Plan, PlanAction, PlanEvaluation, PlanEvaluationOutcome, PlanGoal, PlanVersion } from './entities';

export interface ActionView {
  id: string;
  goalId: string;
  actor: PersonRef;
  description: string;
  dueOn: string;
  done: boolean;
  overdue: boolean;
}

export interface GoalView {
  id: string;
  lifeDomain: string;
  lifeDomainLabel: string;
  description: string;
  owner: PersonRef;
  targetDate: string;
  status: GoalStatus;
  overdue: boolean;
  indicationIds: string[];
  internalNote: string | null;
  actions: ActionView[];
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  agreedOn: string | null;
  agreedBy: PersonRef[];
  createdAt: Date;
}

export interface VersionView extends VersionSummary {
  /** Left out when the caller may see only part of the plan. */
  ownWords?: string;
  goals: GoalView[];
}

export interface EvaluationView {
  id: string;
  versionNumber: number;
  evaluatedOn: string;
  nextEvaluationOn: string;
  outcomes: { goalId: string; lifeDomain: string; status: GoalStatus; outcome: string }[];
}

export interface PlanView {
  householdId: string;
  exists: boolean;
  revision: number;
  /** 'whole', or the one life domain the caller may see. */
  scope: string;
  createdOn: string | null;
  nextEvaluationOn: string | null;
  evaluationOverdue: boolean;
  version: VersionView | null;
  versions: VersionSummary[];
  evaluations: EvaluationView[];
}

/** What a read shows and whom it concerns (for the processing log). */
export interface Shown<T> {
  body: T;
  dataSubjects: DataSubject[];
}

export interface ViewScope {
  householdId: string;
  plan: Plan | null;
  visibility: PlanVisibility;
  today: string;
}

/** Builds the plan as one caller may see it: every goal, action and outcome checked per record. */
@Injectable()
export class PlanViews {
  constructor(private readonly households: HouseholdsService) {}

  people(m: EntityManager, householdId: string) {
    return this.households.participants(householdId, m).then((p) => new PlanPeople(p));
  }

  async plan(m: EntityManager, scope: ViewScope): Promise<Shown<PlanView>> {
    const { plan, visibility } = scope;
    const subjects = new Subjects(scope.householdId);
    const base: PlanView = {
      householdId: scope.householdId,
      exists: plan !== null,
      revision: plan?.revision ?? 0,
      scope: visibility.scope,
      createdOn: plan?.createdOn ?? null,
      nextEvaluationOn: plan?.nextEvaluationOn ?? null,
      evaluationOverdue: !!plan?.nextEvaluationOn && plan.nextEvaluationOn < scope.today,
      version: null,
      versions: [],
      evaluations: [],
    };
    if (!plan) return { body: base, dataSubjects: subjects.all() };
    const people = await this.people(m, scope.householdId);
    const versions = await m.find(PlanVersion, { where: { planId: plan.id }, order: { number: 'ASC' } });
    const latest = versions.find((v) => v.number === plan.latestVersion)!;
    base.versions = versions.map((v) => this.summary(v, people, subjects));
    base.version = await this.versionContent(m, scope, latest, people, subjects);
    base.evaluations = await this.evaluations(m, plan, visibility);
    return { body: base, dataSubjects: subjects.all() };
  }

  async version(m: EntityManager, scope: ViewScope, version: PlanVersion): Promise<Shown<VersionView>> {
    const subjects = new Subjects(scope.householdId);
    const people = await this.people(m, scope.householdId);
    const body = await this.versionContent(m, scope, version, people, subjects);
    return { body, dataSubjects: subjects.all() };
  }

  async versionList(m: EntityManager, scope: ViewScope): Promise<Shown<VersionSummary[]>> {
    const subjects = new Subjects(scope.householdId);
    if (!scope.plan) return { body: [], dataSubjects: subjects.all() };
    const people = await this.people(m, scope.householdId);
    const versions = await m.find(PlanVersion, {
      where: { planId: scope.plan.id },
      order: { number: 'ASC' },
    });
    return { body: versions.map((v) => this.summary(v, people, subjects)), dataSubjects: subjects.all() };
  }

  /** The goals (with their actions) of one version that the caller may see, in plan order. */
  async visibleContent(m: EntityManager, visibility: PlanVisibility, versionId: string) {
    const goals = (await m.find(PlanGoal, { where: { versionId }, order: { position: 'ASC' } }))
      .map((goal) => visibility.goal(goal))
      .filter((goal): goal is PlanGoal => goal !== null);
    const visible = new Map(goals.map((g) => [g.id, g]));
    const actions = (await m.find(PlanAction, { where: { versionId }, order: { position: 'ASC' } })).filter(
      (action) => visible.has(action.goalId),
    );
    return { goals, actions };
  }

  private async versionContent(
    m: EntityManager,
    scope: ViewScope,
    version: PlanVersion,
    people: PlanPeople,
    subjects: Subjects,
  ): Promise<VersionView> {
    const { goals, actions } = await this.visibleContent(m, scope.visibility, version.id);
    const view: VersionView = {
      ...this.summary(version, people, subjects),
      ...(scope.visibility.wholePlan ? { ownWords: version.ownWords } : {}),
      goals: goals.map((goal) => {
        subjects.member(goal.ownerType === 'member' ? goal.ownerPersonId : null);
        return {
          id: goal.id,
          lifeDomain: goal.lifeDomain,
          lifeDomainLabel: lifeDomainLabel(goal.lifeDomain),
          description: goal.description,
          owner: people.owner(goal),
          targetDate: goal.targetDate,
          status: goal.status,
          overdue: OPEN_GOAL_STATUSES.includes(goal.status) && goal.targetDate < scope.today,
          indicationIds: goal.indicationIds,
          internalNote: goal.internalNote,
          actions: actions
            .filter((a) => a.goalId === goal.id)
            .map((a) => {
              subjects.member(a.actorType === 'member' ? a.actorPersonId : null);
              return {
                id: a.id,
                goalId: a.goalId,
                actor: people.actor(a),
                description: a.description,
                dueOn: a.dueOn,
                done: a.done,
                overdue: !a.done && a.dueOn < scope.today,
              };
            }),
        };
      }),
    };
    return view;
  }

  private summary(version: PlanVersion, people: PlanPeople, subjects: Subjects): VersionSummary {
    version.agreedByPersonIds.forEach((id) => subjects.member(id));
    return {
      number: version.number,
      status: version.status,
      agreedOn: version.agreedOn,
      agreedBy: people.memberNames(version.agreedByPersonIds),
      createdAt: version.createdAt,
    };
  }

  private async evaluations(
    m: EntityManager,
    plan: Plan,
    visibility: PlanVisibility,
  ): Promise<EvaluationView[]> {
    const evaluations = await m.find(PlanEvaluation, {
      where: { planId: plan.id },
      order: { evaluatedOn: 'DESC', recordedAt: 'DESC' },
    });
    if (evaluations.length === 0) return [];
    const outcomes = await m
      .getRepository(PlanEvaluationOutcome)
      .createQueryBuilder('o')
      .where('o.evaluation_id IN (:...ids)', { ids: evaluations.map((e) => e.id) })
      .getMany();
    return evaluations.map((e) => ({
      id: e.id,
      versionNumber: e.versionNumber,
      evaluatedOn: e.evaluatedOn,
      nextEvaluationOn: e.nextEvaluationOn,
      outcomes: outcomes
        .filter((o) => o.evaluationId === e.id)
        .map((o) => visibility.goal(o))
        .filter((o): o is PlanEvaluationOutcome => o !== null)
        .map((o) => ({ goalId: o.goalId, lifeDomain: o.lifeDomain, status: o.status, outcome: o.outcome })),
    }));
  }
}

/** The data subjects a read showed: the household and every member named in what was shown. */
export class Subjects {
  private readonly persons = new Set<string>();

  constructor(private readonly householdId: string) {}

  member(personId: string | null) {
    if (personId) this.persons.add(personId);
  }

  all(): DataSubject[] {
    return [
      { type: 'household', id: this.householdId },
      ...[...this.persons].map((id) => ({ type: 'person' as const, id })),
    ];
  }
}
