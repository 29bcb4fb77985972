import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/core';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { BREAK_GLASS_REASON, DataSubject, ProcessingEntry, ProcessingOutcome } from './audit.types';
import { ChainVerification, verifyProcessingLog } from './chain-verifier';
import { newSpanId, newTraceId, traceIdFor } from './trace-ids';

const BACKGROUND_TRACE = 'audit:trace-id';

/**
 * Writes the processing log: per call one span, with a processing_log row per data subject and one
 * access_audit row. Purpose and legal basis come from the register (a database trigger), and the rows
 * are sealed into the hash chains by the database after commit (ProcessingLogSealer), so no caller can
 * skip or forge them.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
  ) {}

  /**
   * Logs a read or write inside the transaction of the work itself: if logging fails, the work fails.
   * Takes no lock: the rows are sealed into the hash chain after commit (ProcessingLogSealer).
   */
  async record(manager: EntityManager, entry: ProcessingEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record() must run inside the transaction of the work it logs');
    }
    await this.write(manager, entry, entry.outcome ?? 'allowed');
  }

  /** Logs a refused attempt in a transaction of its own, since the work's transaction is rolled back. */
  async recordDenied(entry: ProcessingEntry): Promise<void> {
    await this.dataSource.transaction((manager) => this.write(manager, entry, 'denied'));
  }

  /** Seals what is committed, then checks both hash chains; names the first broken link. */
  verifyChain(): Promise<ChainVerification> {
    return verifyProcessingLog(this.dataSource);
  }

  private async write(manager: EntityManager, entry: ProcessingEntry, outcome: ProcessingOutcome) {
    const activityId = entry.activityId ?? this.context.processingActivity;
    if (!activityId) {
      throw new Error(
        `No processing activity for ${entry.action} of ${entry.resourceType}: declare @ProcessingActivity on the route or pass activityId`,
      );
    }
    const traceId = this.traceId();
    const spanId = newSpanId();
    const subjects = distinct(entry.dataSubjects);
    if (subjects.length > 0) {
      await manager.query(
        `INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
           data_subject_id, data_subject_type, resource_type, resource_id, household_id, action)
         SELECT $1, $2, $3, $4, $3, s.id, s.type, $5, $6, $7, $8
           FROM unnest($9::text[], $10::text[]) WITH ORDINALITY AS s(id, type, n) ORDER BY s.n`,
        [
          traceId,
          spanId,
          activityId,
          outcome === 'denied' ? 'ERROR' : 'OK',
          entry.resourceType,
          entry.resourceId ?? null,
          entry.householdId ?? null,
          entry.action,
          subjects.map((s) => s.id),
          subjects.map((s) => s.type),
        ],
      );
    }
    const principal = this.context.principal;
    // No purpose or legal basis here: the trigger copies them from the register.
    await manager.query(
      `INSERT INTO access_audit (trace_id, span_id, user_id, roles, organisation_id, processing_activity_id,
         action, resource_type, resource_id, household_id, outcome, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        traceId,
        spanId,
        principal?.id ?? null,
        principal?.roles ?? [],
        principal?.organisationId ?? null,
        activityId,
        entry.action,
        entry.resourceType,
        entry.resourceId ?? null,
        entry.householdId ?? null,
        outcome,
        this.reasonOf(entry),
      ],
    );
  }

  /** The entry's reason, flagged when the user reaches the household only through break the glass. */
  private reasonOf(entry: ProcessingEntry): string | null {
    const emergency = this.context.emergencyHouseholds;
    const households = [
      entry.householdId,
      ...entry.dataSubjects.filter((s) => s.type === 'household').map((s) => s.id),
    ];
    const flagged = emergency.length > 0 && households.some((id) => id && emergency.includes(id));
    if (!flagged || entry.reason?.startsWith(BREAK_GLASS_REASON)) return entry.reason ?? null;
    return entry.reason ? `${BREAK_GLASS_REASON}; ${entry.reason}` : BREAK_GLASS_REASON;
  }

  /** One trace per request; background work without a request id gets one per context (or per call). */
  private traceId(): string {
    const requestId = this.context.requestId;
    if (requestId !== 'background') return traceIdFor(requestId);
    if (!this.cls.isActive()) return newTraceId();
    let traceId = this.cls.get<string | undefined>(BACKGROUND_TRACE);
    if (!traceId) {
      traceId = newTraceId();
      this.cls.set(BACKGROUND_TRACE, traceId);
    }
    return traceId;
  }
}

function distinct(subjects: DataSubject[]): DataSubject[] {
  const seen = new Map<string, DataSubject>();
  for (const subject of subjects) seen.set(`${subject.type}:${subject.id}`, subject);
  return [...seen.values()];
}
