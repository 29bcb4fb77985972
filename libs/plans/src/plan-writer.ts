import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService, ProcessingAction } from '@app/audit';
import { DomainError, ErrorCode } from '@app/core';
import { Plan, PlanChange, PlanChangeKind, PlanVersion } from './entities';
import { stalePlan, Versioned } from './etag';
import { copyVersionContent } from './plan-copy';
import { PlanAccess, PlanScope } from './plan-access';
import { PlanPeople } from './plan-people';
import { PlanView, PlanViews, Subjects } from './plan-views';

/**
 * - content: goals, actions, own words of the concept; opens version N+1 when N is agreed.
 * - agree: needs an open concept.
 * - plan: plan-wide records (evaluations) that belong to no version.
 */
export type WriteTarget = 'content' | 'agree' | 'plan';

export interface WriteRequest {
  user: AuthenticatedUser;
  householdId: string;
  /** From If-Match: the revision the client last read (0: the household has no plan yet). */
  expectedRevision: number;
  target: WriteTarget;
  /** Plan-wide content (the household's own words): needs the right to update the plan itself. */
  planWide?: boolean;
  /** A write addressed to one version (`.../plan/versions/:n/...`): only the open concept accepts it. */
  versionNumber?: number;
}

export interface WriteOutcome {
  action: Extract<ProcessingAction, 'create' | 'update' | 'delete'>;
  resourceType: string;
  resourceId?: string;
}

/** Everything a write step may use and must report, inside the write's transaction. */
export class PlanWriteContext {
  readonly subjects: Subjects;
  private readonly changes: Partial<PlanChange>[] = [];

  constructor(
    readonly m: EntityManager,
    readonly scope: PlanScope,
    readonly plan: Plan,
    readonly version: PlanVersion | null,
    readonly people: PlanPeople,
    readonly user: AuthenticatedUser,
  ) {
    this.subjects = new Subjects(scope.householdId);
  }

  /** The concept being edited (content and agree writes always have one). */
  get concept(): PlanVersion {
    if (!this.version) throw new Error('this plan write has no working version');
    return this.version;
  }

  change(
    kind: PlanChangeKind,
    details: {
      targetId?: string;
      lifeDomain?: string | null;
      fields?: string[];
      versionNumber?: number;
    } = {},
  ) {
    this.changes.push({
      planId: this.plan.id,
      householdId: this.plan.householdId,
      municipalityId: this.plan.municipalityId,
      revision: this.plan.revision,
      versionNumber: details.versionNumber ?? this.version?.number ?? null,
      kind,
      targetId: details.targetId ?? null,
      lifeDomain: details.lifeDomain ?? null,
      fields: details.fields ?? [],
      changedBy: this.user.id,
    });
  }

  recorded(): Partial<PlanChange>[] {
    return this.changes;
  }
}

/**
 * The one way the plan changes. In one transaction: the caller's rights, then the guarded
 * `UPDATE plan SET revision = revision + 1 WHERE id = $1 AND revision = $2` whose affected-row count
 * decides (412 when another write came first; the row lock then serialises concurrent writers), the
 * working version, the change itself, the change log, and the processing log as the last step.
 */
@Injectable()
export class PlanWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planAccess: PlanAccess,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
  ) {}

  write(
    request: WriteRequest,
    work: (ctx: PlanWriteContext) => Promise<WriteOutcome>,
  ): Promise<Versioned<PlanView>> {
    return this.dataSource.transaction(async (m) => {
      const scope = await this.planAccess.open(m, request.user, request.householdId);
      if (request.target !== 'content' || request.planWide) this.planAccess.ensurePlanWrite(scope);
      else scope.visibility.ensureSomeGoalWrite();
      this.planAccess.ensureActive(scope);
      const created = scope.plan === null;
      const plan = await this.bumpRevision(m, scope, request);
      const opened: PlanChangeKind[] = created ? ['plan.create'] : [];
      const version = await this.workingVersion(m, plan, request, opened);
      const people = await this.views.people(m, scope.householdId);
      const ctx = new PlanWriteContext(m, scope, plan, version, people, request.user);
      for (const kind of opened) ctx.change(kind);
      const outcome = await work(ctx);
      await m.insert(PlanChange, ctx.recorded());

      const after = await m.findOneByOrFail(Plan, { id: plan.id });
      const view = await this.views.plan(m, { ...scope, plan: after });
      await this.audit.record(m, {
        ...outcome,
        householdId: scope.householdId,
        dataSubjects: [...view.dataSubjects, ...ctx.subjects.all()],
      });
      return new Versioned(after.revision, view.body);
    });
  }

  private async bumpRevision(m: EntityManager, scope: PlanScope, request: WriteRequest): Promise<Plan> {
    const expected = request.expectedRevision;
    if (!scope.plan) {
      if (expected !== 0) throw stalePlan();
      if (request.versionNumber !== undefined) throw DomainError.notFound('Deze versie van het gezinsplan');
      if (request.target !== 'content') {
        throw DomainError.conflict('Dit huishouden heeft nog geen gezinsplan; leg eerst doelen vast.');
      }
      return this.createPlan(m, scope, request.user);
    }
    const result = await m
      .createQueryBuilder()
      .update(Plan)
      .set({ revision: () => 'revision + 1', updatedBy: request.user.id, updatedAt: () => 'now()' })
      .where('id = :id AND revision = :expected', { id: scope.plan.id, expected })
      .execute();
    if (result.affected !== 1) throw stalePlan();
    return m.findOneByOrFail(Plan, { id: scope.plan.id });
  }

  /** The first write creates the plan (If-Match "0"); of two concurrent creators the second gets 412. */
  private async createPlan(m: EntityManager, scope: PlanScope, user: AuthenticatedUser): Promise<Plan> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO plan (household_id, municipality_id, revision, latest_version, created_on, created_by, updated_by)
       VALUES ($1, $2, 1, 1, $3, $4, $4)
       ON CONFLICT (household_id) DO NOTHING RETURNING id`,
      [scope.household.id, scope.household.municipalityId, scope.today, user.id],
    );
    if (rows.length === 0) throw stalePlan();
    await m.insert(PlanVersion, {
      planId: rows[0].id,
      householdId: scope.household.id,
      municipalityId: scope.household.municipalityId,
      number: 1,
      status: 'concept',
      ownWords: '',
      agreedByPersonIds: [],
      createdBy: user.id,
    });
    return m.findOneByOrFail(Plan, { id: rows[0].id });
  }

  private async workingVersion(
    m: EntityManager,
    plan: Plan,
    request: WriteRequest,
    opened: PlanChangeKind[],
  ): Promise<PlanVersion | null> {
    if (request.target === 'plan') return null;
    const latest = await m.findOneByOrFail(PlanVersion, { planId: plan.id, number: plan.latestVersion });
    const addressed = request.versionNumber;
    if (addressed !== undefined && addressed > latest.number) {
      throw DomainError.notFound('Deze versie van het gezinsplan');
    }
    // Only the newest version can be a concept: every earlier one is agreed, hence frozen.
    if (addressed !== undefined && (addressed < latest.number || latest.status === 'vastgesteld')) {
      throw frozenVersion(addressed);
    }
    if (latest.status === 'concept') return latest;
    if (request.target === 'agree') {
      throw DomainError.conflict(
        `Versie ${latest.number} is al vastgesteld; er is geen concept om vast te stellen.`,
      );
    }
    opened.push('version.open');
    return this.openConcept(m, plan, latest, request.user);
  }

  /** Version N+1 as a concept with a copy of N's content (same goal and action ids). */
  private async openConcept(m: EntityManager, plan: Plan, agreed: PlanVersion, user: AuthenticatedUser) {
    const concept = await m.save(
      m.create(PlanVersion, {
        planId: plan.id,
        householdId: plan.householdId,
        municipalityId: plan.municipalityId,
        number: agreed.number + 1,
        status: 'concept',
        ownWords: agreed.ownWords,
        agreedByPersonIds: [],
        createdBy: user.id,
      }),
    );
    await copyVersionContent(m, agreed.id, concept.id);
    await m.update(Plan, { id: plan.id }, { latestVersion: concept.number });
    plan.latestVersion = concept.number;
    return concept;
  }
}

export function frozenVersion(number: number) {
  const message = `Versie ${number} van het gezinsplan is vastgesteld en kan niet meer worden gewijzigd; wijzigingen komen in een nieuwe conceptversie.`;
  return new DomainError(ErrorCode.Conflict, message, {
    errors: [{ field: 'version', message: `versie ${number} is vastgesteld` }],
  });
}
