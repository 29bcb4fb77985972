import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { ArrearsSignal, RetentionTrigger, SignalRetentionRun } from '../entities';
import { outreachConfig, OutreachConfig } from '../outreach.config';
import { ANSWERED_OUTCOMES } from '../outreach.vocabulary';
import { regroupAddresses } from './signal-grouping';
import { signalSubject } from './signal-import.service';
import { addDays } from './wgs-clock';

/** Held for the transaction of a run: two instances never delete at the same time. */
export const SIGNAL_RETENTION_LOCK = 1763800802;
const ACTIVITY = 'privacy.retention';

export interface RetentionCandidateView {
  id: string;
  reference: string;
  municipalityId: string;
  creditorType: string;
  creditor: string;
  receivedOn: string;
  outcome: string | null;
}

export type RetentionResult =
  | {
      status: 'done';
      runId: string;
      dryRun: boolean;
      receivedBefore: string;
      retentionDays: number;
      signals: number;
    }
  | { status: 'skipped'; reason: string };

/**
 * Unanswered vroegsignalering signals are deleted once the retention period has passed: signals
 * without a request for help and without an outcome after which help follows. Every run, dry or
 * real, is logged (arrears_signal_retention_run and the processing log).
 */
@Injectable()
export class SignalRetentionService {
  private readonly logger = new Logger(SignalRetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(outreachConfig.KEY) private readonly config: OutreachConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** What a run would delete now, for the municipalities of the caller. Lists no personal data. */
  async dryRun(user: AuthenticatedUser) {
    const scope = await this.scope(user);
    return this.dataSource.transaction(async (m) => {
      const receivedBefore = this.receivedBefore();
      const candidates = await this.candidates(m, receivedBefore, scope);
      const run = await this.logRun(m, 'manual', true, receivedBefore, candidates.length, user.id);
      await this.audit.record(m, {
        activityId: ACTIVITY,
        action: 'read',
        resourceType: 'SignalRetention',
        resourceId: run.id,
        dataSubjects: [],
      });
      return {
        runId: run.id,
        receivedBefore,
        retentionDays: this.config.signalRetentionDays,
        count: candidates.length,
        signals: candidates.map((s): RetentionCandidateView => ({
          id: s.id,
          reference: s.reference,
          municipalityId: s.municipalityId,
          creditorType: s.creditorType,
          creditor: s.creditor,
          receivedOn: s.receivedOn,
          outcome: s.outcome,
        })),
      };
    });
  }

  /** Deletes now, for the municipalities of the caller. */
  async runNow(user: AuthenticatedUser): Promise<RetentionResult> {
    const scope = await this.scope(user);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SIGNAL_RETENTION_LOCK]);
      return this.delete(m, 'manual', scope, user.id);
    });
  }

  /**
   * The daily job. Several instances may fire at once: one takes the lock, the others skip; a run that
   * already happened today is not repeated.
   */
  async runScheduled(): Promise<RetentionResult> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [SIGNAL_RETENTION_LOCK],
      );
      if (!locked) return { status: 'skipped', reason: 'another instance is running retention' };
      if (
        await m.existsBy(SignalRetentionRun, {
          runOn: this.clock.today(),
          trigger: 'schedule',
          dryRun: false,
        })
      ) {
        return { status: 'skipped', reason: 'retention already ran today' };
      }
      return this.delete(m, 'schedule', null, null);
    });
  }

  async runs(user: AuthenticatedUser, limit = 50) {
    await this.scope(user);
    return this.dataSource
      .getRepository(SignalRetentionRun)
      .find({ order: { ranAt: 'DESC', recordedAt: 'DESC' }, take: limit });
  }

  private async delete(
    m: EntityManager,
    trigger: RetentionTrigger,
    scope: Brackets | null,
    userId: string | null,
  ): Promise<RetentionResult> {
    const receivedBefore = this.receivedBefore();
    const doomed = await this.candidates(m, receivedBefore, scope);
    if (doomed.length) {
      await m.query('DELETE FROM arrears_signal WHERE id = ANY($1::uuid[])', [doomed.map((s) => s.id)]);
    }
    const byMunicipality = new Map<string, string[]>();
    for (const s of doomed)
      byMunicipality.set(s.municipalityId, [...(byMunicipality.get(s.municipalityId) ?? []), s.addressKey]);
    for (const [municipalityId, addresses] of byMunicipality)
      await regroupAddresses(m, municipalityId, addresses);
    const run = await this.logRun(m, trigger, false, receivedBefore, doomed.length, userId);
    await this.audit.record(m, {
      activityId: ACTIVITY,
      action: 'delete',
      resourceType: 'Signal',
      resourceId: run.id,
      dataSubjects: doomed.map(signalSubject),
    });
    this.logger.log(
      { runId: run.id, trigger, deleted: doomed.length, receivedBefore },
      'signal retention run',
    );
    return {
      status: 'done',
      runId: run.id,
      dryRun: false,
      receivedBefore,
      retentionDays: this.config.signalRetentionDays,
      signals: doomed.length,
    };
  }

  private receivedBefore() {
    return addDays(this.clock.today(), -this.config.signalRetentionDays);
  }

  /** The caller's municipalities as an SQL condition (rule 1); refused when they may not run retention. */
  private async scope(user: AuthenticatedUser): Promise<Brackets> {
    const ability = await this.access.abilityFor(user);
    const condition = this.access.condition(
      ability,
      'delete',
      'Signal',
      this.dataSource.getMetadata(ArrearsSignal),
      's',
    );
    if (condition === null) throw DomainError.forbidden();
    return condition;
  }

  private candidates(m: EntityManager, receivedBefore: string, scope: Brackets | null) {
    const qb = m
      .getRepository(ArrearsSignal)
      .createQueryBuilder('s')
      .andWhere('s.received_on < :receivedBefore', { receivedBefore })
      .andWhere('s.help_requested_on IS NULL')
      .andWhere('(s.outcome IS NULL OR s.outcome NOT IN (:...answered))', { answered: ANSWERED_OUTCOMES });
    if (scope) qb.andWhere(scope);
    return qb.orderBy('s.received_on', 'ASC').addOrderBy('s.reference', 'ASC').getMany();
  }

  private logRun(
    m: EntityManager,
    trigger: RetentionTrigger,
    dryRun: boolean,
    receivedBefore: string,
    count: number,
    userId: string | null,
  ) {
    return m.save(
      m.create(SignalRetentionRun, {
        ranAt: this.clock.now(),
        runOn: this.clock.today(),
        trigger,
        dryRun,
        retentionDays: this.config.signalRetentionDays,
        receivedBefore,
        signalCount: count,
        triggeredBy: userId,
      }),
    );
  }
}
