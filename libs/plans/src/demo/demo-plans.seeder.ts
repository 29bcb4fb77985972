import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, Clock } from '@app/core';
import { HouseholdParticipants, HouseholdsService } from '@app/households';
import {
  Plan,
  PlanAction,
  PlanChange,
  PlanEvaluation,
  PlanEvaluationOutcome,
  PlanGoal,
  PlanVersion,
} from '../entities';
import { GoalStatus, LIFE_DOMAIN_CODES, LifeDomain } from '../life-domains';
import { copyVersionContent } from '../plan-copy';
import { GOAL_TEMPLATES, INTERNAL_NOTES, OWN_WORDS } from './demo-plans.data';

type Random = ReturnType<typeof seededRandom>;

/**
 * Plans for most demo households: goals in several life domains with actions, some overdue, some
 * agreed versions, evaluations and a next version in concept. Dates follow the Clock. Deterministic
 * (a seeded generator over households in a stable order) and idempotent: nothing when plans exist.
 */
@Injectable()
export class DemoPlansSeeder {
  private readonly logger = new Logger(DemoPlansSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<{ plans: number }> {
    if ((await this.dataSource.getRepository(Plan).count()) > 0) return { plans: 0 };
    const random = seededRandom(6_2026);
    const today = this.clock.today();
    let plans = 0;
    await this.dataSource.transaction(async (m) => {
      const households = await this.households.activeHouseholdRefs(m);
      for (const [i, { id: householdId, municipalityId }] of households.entries()) {
        if (i % 6 === 5) continue; // most households, not all, have a plan
        const participants = await this.households.participants(householdId, m);
        const regisseur = participants.professionals.find((p) => p.active && p.caseRole === 'regisseur');
        const adults = participants.members.filter(
          (p) => p.current && addDays(p.birthDate, 18 * 366) <= today,
        );
        if (!regisseur || adults.length === 0) continue;
        await new DemoPlan(
          m,
          random,
          today,
          { householdId, municipalityId },
          participants,
          regisseur.userId,
        ).build(i);
        plans++;
      }
    });
    this.logger.log({ plans }, 'demo plans seeded');
    return { plans };
  }
}

/** One household's plan history, written straight to the plan's own tables. */
class DemoPlan {
  private plan: Plan;
  private revision = 0;

  constructor(
    private readonly m: EntityManager,
    private readonly random: Random,
    private readonly today: string,
    private readonly household: { householdId: string; municipalityId: string },
    private readonly participants: HouseholdParticipants,
    private readonly regisseurId: string,
  ) {}

  async build(index: number) {
    const createdOn = addDays(this.today, -this.random.int(60, 240));
    this.plan = await this.m.save(
      this.m.create(Plan, {
        ...this.household,
        revision: 1,
        latestVersion: 1,
        createdOn,
        createdBy: this.regisseurId,
        updatedBy: this.regisseurId,
      }),
    );
    const v1 = await this.version(1, this.random.pick(OWN_WORDS));
    await this.change('plan.create', 1);
    const domains = this.domains(index);
    const goals: PlanGoal[] = [];
    for (const [position, domain] of domains.entries()) {
      goals.push(await this.goal(v1, domain, position + 1, createdOn));
    }
    await this.change('goal.create', 1);
    const kind = index % 5; // 0, 1: concept only; 2, 3: agreed; 4: agreed, evaluated, next version
    if (kind < 2) return this.finish();
    const agreedOn = addDays(createdOn, this.random.int(7, 21));
    const nextEvaluationOn = addDays(agreedOn, this.random.pick([42, 56, 90]));
    await this.agree(v1, agreedOn);
    await this.m.update(Plan, { id: this.plan.id }, { nextEvaluationOn });
    if (kind < 4 || nextEvaluationOn >= this.today) return this.finish();
    await this.evaluate(goals, nextEvaluationOn);
    const v2 = await this.version(2, v1.ownWords);
    await copyVersionContent(this.m, v1.id, v2.id);
    await this.m.update(PlanGoal, { versionId: v2.id, id: goals[0].id }, { status: 'behaald' });
    await this.m.update(Plan, { id: this.plan.id }, { latestVersion: 2 });
    await this.change('version.open', 2);
    await this.change('goal.update', 2, ['status']);
    if (index % 2 === 0)
      await this.agree(
        v2,
        addDays(nextEvaluationOn, 1) <= this.today ? addDays(nextEvaluationOn, 1) : this.today,
      );
    return this.finish();
  }

  private domains(index: number): LifeDomain[] {
    const others = LIFE_DOMAIN_CODES.filter((d) => d !== 'financien');
    const picked = new Set<LifeDomain>(index % 3 === 2 ? [] : ['financien']);
    while (picked.size < this.random.int(2, 4)) picked.add(this.random.pick(others));
    return [...picked];
  }

  private async goal(version: PlanVersion, domain: LifeDomain, position: number, createdOn: string) {
    const template = this.random.pick(GOAL_TEMPLATES[domain]);
    const targetDate = addDays(createdOn, this.random.int(30, 330));
    const status: GoalStatus =
      targetDate < this.today
        ? this.random.pick(['behaald', 'bezig', 'open'] as const)
        : this.random.pick(['open', 'bezig'] as const);
    const owner = this.someone(this.random.chance(0.6) ? 'member' : 'professional');
    const goal = this.m.create(PlanGoal, {
      versionId: version.id,
      id: randomUUID(),
      planId: this.plan.id,
      householdId: this.household.householdId,
      municipalityId: this.plan.municipalityId,
      lifeDomain: domain,
      description: template.goal,
      ownerType: owner.type === 'member' ? 'member' : 'professional',
      ownerPersonId: owner.type === 'member' ? owner.id : null,
      ownerUserId: owner.type === 'professional' ? owner.id : null,
      targetDate,
      status,
      indicationIds: [],
      internalNote: this.random.chance(0.3) ? this.random.pick(INTERNAL_NOTES) : null,
      position,
    });
    await this.m.insert(PlanGoal, goal);
    for (const [i, action] of template.actions.entries()) {
      const actor = action.by === 'organisation' ? null : this.someone(action.by);
      const dueOn = addDays(createdOn, this.random.int(14, 120));
      await this.m.insert(PlanAction, {
        versionId: version.id,
        id: randomUUID(),
        goalId: goal.id,
        planId: this.plan.id,
        householdId: this.household.householdId,
        municipalityId: this.plan.municipalityId,
        actorType: action.by,
        actorPersonId: actor?.type === 'member' ? actor.id : null,
        actorUserId: actor?.type === 'professional' ? actor.id : null,
        actorOrganisation: action.org ?? null,
        description: action.what,
        dueOn,
        done: dueOn < this.today && this.random.chance(0.7),
        position: i + 1,
      });
    }
    return goal;
  }

  private someone(type: 'member' | 'professional'): { type: 'member' | 'professional'; id: string } {
    if (type === 'member') {
      const adults = this.participants.members.filter((p) => p.current && p.relation !== 'child');
      return { type, id: this.random.pick(adults.length ? adults : this.participants.members).personId };
    }
    const team = this.participants.professionals.filter((p) => p.active);
    return { type, id: this.random.pick(team).userId };
  }

  private version(number: number, ownWords: string) {
    return this.m.save(
      this.m.create(PlanVersion, {
        planId: this.plan.id,
        householdId: this.household.householdId,
        municipalityId: this.plan.municipalityId,
        number,
        status: 'concept',
        ownWords,
        agreedByPersonIds: [],
        createdBy: this.regisseurId,
      }),
    );
  }

  private async agree(version: PlanVersion, agreedOn: string) {
    const adults = this.participants.members.filter((p) => p.current && p.relation !== 'child');
    await this.m.update(
      PlanVersion,
      { id: version.id },
      {
        status: 'vastgesteld',
        agreedOn,
        agreedByPersonIds: (adults.length ? adults : this.participants.members.slice(0, 1)).map(
          (p) => p.personId,
        ),
        agreedRecordedBy: this.regisseurId,
      },
    );
    await this.change('version.agree', version.number, ['agreedOn', 'agreedBy']);
  }

  private async evaluate(goals: PlanGoal[], evaluatedOn: string) {
    const evaluation = await this.m.save(
      this.m.create(PlanEvaluation, {
        planId: this.plan.id,
        householdId: this.household.householdId,
        municipalityId: this.plan.municipalityId,
        versionNumber: 1,
        evaluatedOn,
        nextEvaluationOn: addDays(evaluatedOn, 90),
        recordedBy: this.regisseurId,
      }),
    );
    await this.m.insert(
      PlanEvaluationOutcome,
      goals.map((g, i) =>
        this.m.create(PlanEvaluationOutcome, {
          evaluationId: evaluation.id,
          goalId: g.id,
          householdId: this.household.householdId,
          municipalityId: this.plan.municipalityId,
          lifeDomain: g.lifeDomain,
          status: i === 0 ? ('behaald' as const) : g.status,
          outcome: i === 0 ? 'Gelukt, afgesproken met het gezin.' : 'Loopt nog; we houden de afspraken aan.',
        }),
      ),
    );
    await this.m.update(Plan, { id: this.plan.id }, { nextEvaluationOn: addDays(evaluatedOn, 90) });
    await this.change('evaluation.create', 1);
  }

  private async change(kind: PlanChange['kind'], versionNumber: number, fields: string[] = []) {
    this.revision++;
    await this.m.insert(PlanChange, {
      planId: this.plan.id,
      householdId: this.household.householdId,
      municipalityId: this.plan.municipalityId,
      revision: this.revision,
      versionNumber,
      kind,
      fields,
      changedBy: this.regisseurId,
    });
  }

  private finish() {
    return this.m.update(Plan, { id: this.plan.id }, { revision: this.revision });
  }
}

/** A small deterministic PRNG (mulberry32), so the demo plans are the same on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
