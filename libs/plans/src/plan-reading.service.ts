import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/core';
import { PlanChange, PlanVersion } from './entities';
import { Versioned } from './etag';
import { PlanAccess, PlanScope } from './plan-access';
import { compareVersions } from './plan-comparison';
import { PlanViews, Shown } from './plan-views';

/** Reads of the plan; each one transaction, logged as one read, answered with the plan's ETag. */
@Injectable()
export class PlanReadingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planAccess: PlanAccess,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
  ) {}

  /** The plan as it stands (newest version), with its versions and evaluations. */
  current(user: AuthenticatedUser, householdId: string) {
    return this.read(user, householdId, 'Plan', (m, scope) => this.views.plan(m, scope));
  }

  versions(user: AuthenticatedUser, householdId: string) {
    return this.read(user, householdId, 'PlanVersion', (m, scope) => this.views.versionList(m, scope));
  }

  version(user: AuthenticatedUser, householdId: string, number: number) {
    return this.read(user, householdId, 'PlanVersion', async (m, scope) =>
      this.views.version(m, scope, await this.findVersion(m, scope, number)),
    );
  }

  /** Added, changed and removed goals and actions between any two versions, as far as the caller may see. */
  compare(user: AuthenticatedUser, householdId: string, from: number, to: number) {
    return this.read(user, householdId, 'PlanVersion', async (m, scope) => {
      const [a, b] = [await this.findVersion(m, scope, from), await this.findVersion(m, scope, to)];
      const content = async (v: PlanVersion) => ({
        ...(await this.views.visibleContent(m, scope.visibility, v.id)),
        ...(scope.visibility.wholePlan ? { ownWords: v.ownWords } : {}),
      });
      const people = await this.views.people(m, householdId);
      const body = compareVersions({ from, to }, await content(a), await content(b), people);
      return { body, dataSubjects: [{ type: 'household' as const, id: householdId }] };
    });
  }

  /** Who changed what and when, newest first; a change to a goal shows only to those who may see that goal. */
  changes(user: AuthenticatedUser, householdId: string, page = 1, pageSize = 50) {
    return this.read(user, householdId, 'PlanChange', async (m, scope) => {
      const subjects = [{ type: 'household' as const, id: householdId }];
      if (!scope.plan) return { body: { items: [], page, pageSize }, dataSubjects: subjects };
      const rows = await m.find(PlanChange, {
        where: { planId: scope.plan.id },
        order: { id: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      const people = await this.views.people(m, householdId);
      const items = rows
        .filter((c) =>
          c.lifeDomain ? scope.visibility.canSeeDomain(c.lifeDomain) : wholePlanChange(c, scope),
        )
        .map((c) => ({
          revision: c.revision,
          versionNumber: c.versionNumber,
          kind: c.kind,
          targetId: c.targetId,
          lifeDomain: c.lifeDomain,
          fields: c.fields,
          changedBy: people.ref('professional', c.changedBy),
          changedAt: c.changedAt,
        }));
      return { body: { items, page, pageSize }, dataSubjects: subjects };
    });
  }

  async findVersion(m: EntityManager, scope: PlanScope, number: number) {
    const version = scope.plan && (await m.findOneBy(PlanVersion, { planId: scope.plan.id, number }));
    if (!version) throw DomainError.notFound('Deze versie van het gezinsplan');
    return version;
  }

  private read<T>(
    user: AuthenticatedUser,
    householdId: string,
    resourceType: string,
    show: (m: EntityManager, scope: PlanScope) => Promise<Shown<T>>,
  ): Promise<Versioned<T>> {
    return this.dataSource.transaction(async (m) => {
      const scope = await this.planAccess.open(m, user, householdId);
      const shown = await show(m, scope);
      await this.audit.record(m, {
        action: 'read',
        resourceType,
        resourceId: scope.plan?.id,
        householdId,
        dataSubjects: shown.dataSubjects,
      });
      return new Versioned(scope.plan?.revision ?? 0, shown.body);
    });
  }
}

/** Changes without a life domain: the own words need the whole plan, the rest (versions, evaluations) the plan. */
function wholePlanChange(change: PlanChange, scope: PlanScope) {
  return change.kind !== 'own-words.update' || scope.visibility.wholePlan;
}
