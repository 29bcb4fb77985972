import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, Pillar } from '@app/access';
import { AuditService, ProcessingEntry } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { HouseholdPrivacyService, RetentionCandidate } from '@app/households';
import { RetentionRegistry } from '../registry/retention.registry';
import { RetentionConfig, retentionConfig } from './retention.config';
import {
  latestPossiblyDueClosedOn,
  RetentionPolicy,
  retentionDueOn,
  retentionYears,
} from './retention-policy';
import { RetentionRun, RetentionRunHousehold, RetentionRunSweep } from './retention-run.entity';

/** pg_advisory_xact_lock key: one retention run at a time across all API instances. */
export const RETENTION_LOCK = 1763800900;
export const RETENTION_ACTIVITY = 'privacy.retention';

export interface RetentionRunRequest {
  dryRun: boolean;
  trigger: 'schedule' | 'manual';
  /** The privacy officer who started a manual run. */
  user?: AuthenticatedUser;
}

/**
 * Anonymises closed households past their retention period (per pillar, longest applies), together with
 * every registered context's records of them, and lets each registered sweep expire its own records
 * (outreach signals and spreekuur contacts). One run at a time (advisory lock); a dry run does the same
 * work inside a savepoint and rolls it back, so it lists exactly what the real run would change. Every
 * run is kept in retention_run and in the processing log.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    private readonly households: HouseholdPrivacyService,
    private readonly registry: RetentionRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get policy(): RetentionPolicy {
    return { yearsByPillar: this.config.yearsByPillar, yearsWithoutPillar: this.config.yearsWithoutPillar };
  }

  /** The periods of records with a retention of their own (outreach signals, spreekuur contacts). */
  get sweepPolicies() {
    return this.registry.sweeps().map((s) => ({ name: s.name, ...s.policy() }));
  }

  /** Throws a 409 conflict when another run holds the lock. */
  run(request: RetentionRunRequest): Promise<RetentionRun> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK]);
      if (!locked) throw DomainError.conflict('Er loopt al een bewaartermijnrun; probeer het later opnieuw.');
      const startedAt = this.clock.now();
      const today = this.clock.today();
      const policy = this.policy;
      const due = (await this.dueHouseholds(m, policy, today)).slice(0, this.config.batchSize);

      if (request.dryRun) await m.query(`SAVEPOINT retention_dry_run`);
      const results: RetentionRunHousehold[] = [];
      const entries: ProcessingEntry[] = [];
      for (const household of due) {
        const recordsChanged: Record<string, number> = {};
        for (const participant of this.registry.all()) {
          recordsChanged[participant.name] = await participant.anonymise(household.householdId, m);
        }
        const result = await this.households.anonymiseClosedHousehold(household.householdId, m);
        results.push({
          householdId: household.householdId,
          municipalityId: household.municipalityId,
          closedOn: household.closedOn,
          pillars: household.pillars,
          retentionYears: household.years,
          dueOn: household.dueOn,
          personsAnonymised: result.anonymisedPersonIds.length,
          personsKept: result.keptPersonIds.length,
          recordsChanged,
        });
        entries.push({
          activityId: RETENTION_ACTIVITY,
          action: 'update',
          resourceType: 'Household',
          resourceId: household.householdId,
          householdId: household.householdId,
          dataSubjects: [
            { type: 'household', id: household.householdId },
            ...household.personIds.map((id) => ({ type: 'person' as const, id })),
          ],
        });
      }
      const sweeps: RetentionRunSweep[] = [];
      for (const sweep of this.registry.sweeps()) {
        const { rule, periodDays } = sweep.policy();
        const result = await sweep.expire(today, m);
        sweeps.push({
          name: sweep.name,
          rule,
          periodDays,
          deleted: result.deleted,
          anonymised: result.anonymised,
        });
        if (result.dataSubjects.length === 0) continue;
        entries.push({
          activityId: RETENTION_ACTIVITY,
          action: result.deleted.length ? 'delete' : 'update',
          resourceType: 'RetentionSweep',
          resourceId: sweep.name,
          dataSubjects: result.dataSubjects,
          reason: `${sweep.name}: ${result.deleted.length} verwijderd, ${result.anonymised.length} geanonimiseerd`,
        });
      }
      if (request.dryRun) {
        await m.query(`ROLLBACK TO SAVEPOINT retention_dry_run`);
        entries.length = 0;
      }

      const run = await m.save(
        m.create(RetentionRun, {
          startedAt,
          finishedAt: this.clock.now(),
          referenceDate: today,
          dryRun: request.dryRun,
          triggeredBy: request.trigger,
          userId: request.user?.id ?? null,
          householdsDue: due.length,
          householdsAnonymised: request.dryRun ? 0 : results.length,
          personsAnonymised: request.dryRun ? 0 : results.reduce((n, r) => n + r.personsAnonymised, 0),
          policy,
          households: results,
          sweeps,
        }),
      );
      entries.push({
        activityId: RETENTION_ACTIVITY,
        action: request.dryRun ? 'read' : 'update',
        resourceType: 'RetentionRun',
        resourceId: run.id,
        dataSubjects: due.map((h) => ({ type: 'household' as const, id: h.householdId })),
        reason: `${request.dryRun ? 'proefrun' : 'run'} (${request.trigger}): ${due.length} huishoudens, ${sweeps.reduce((n, s) => n + s.deleted.length + s.anonymised.length, 0)} andere gegevens`,
      });
      // Logged last: the log's chain lock is then held only for the rest of this transaction.
      for (const entry of entries) await this.audit.record(m, entry);
      return run;
    });
  }

  list(page: number, pageSize: number) {
    return this.dataSource.getRepository(RetentionRun).findAndCount({
      select: {
        id: true,
        startedAt: true,
        finishedAt: true,
        referenceDate: true,
        dryRun: true,
        triggeredBy: true,
        userId: true,
        householdsDue: true,
        householdsAnonymised: true,
        personsAnonymised: true,
      },
      order: { startedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  get(id: string): Promise<RetentionRun> {
    return this.dataSource.transaction(async (m) => {
      const run = await m.findOneBy(RetentionRun, { id });
      if (!run) throw DomainError.notFound('Deze run');
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'RetentionRun',
        resourceId: id,
        dataSubjects: run.households.map((h) => ({ type: 'household' as const, id: h.householdId })),
      });
      return run;
    });
  }

  private async dueHouseholds(m: EntityManager, policy: RetentionPolicy, today: string) {
    const candidates = await this.households.retentionCandidates(latestPossiblyDueClosedOn(policy, today), m);
    const pillars = await this.pillarsOf(candidates, m);
    return candidates
      .map((c) => {
        const all = pillars.get(c.householdId) ?? c.pillars;
        const years = retentionYears(policy, all);
        return { ...c, pillars: all, years, dueOn: retentionDueOn(c.closedOn, years) };
      })
      .filter((c) => c.dueOn <= today);
  }

  /** The pillars on the case team, plus those other contexts know of (e.g. indications). */
  private async pillarsOf(
    candidates: RetentionCandidate[],
    m: EntityManager,
  ): Promise<Map<string, Pillar[]>> {
    const result = new Map(candidates.map((c) => [c.householdId, [...c.pillars]]));
    const ids = candidates.map((c) => c.householdId);
    if (ids.length === 0) return result;
    for (const participant of this.registry.all()) {
      if (!participant.pillarsOf) continue;
      for (const [householdId, pillars] of await participant.pillarsOf(ids, m)) {
        const known = result.get(householdId);
        if (!known) continue;
        for (const pillar of pillars) if (!known.includes(pillar)) known.push(pillar);
      }
    }
    for (const list of result.values()) list.sort();
    return result;
  }
}
