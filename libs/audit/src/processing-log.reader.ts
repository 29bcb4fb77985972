import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BREAK_GLASS_REASON, DataSubject, ProcessingAction, ProcessingOutcome } from './audit.types';

/** A household whose household-level processing concerns someone for a period (e.g. while they lived there). */
export interface HouseholdPeriod {
  householdId: string;
  /** Calendar dates, Europe/Amsterdam, inclusive; `to` null means "still". */
  from: string;
  to: string | null;
}

/** What to read from the log. Every given criterion must hold; `concerning` matches any of its parts. */
export interface ProcessingLogQuery {
  /** Spans with one of these persons as data subject, or one of these households within its period. */
  concerning?: { personIds: string[]; householdPeriods?: HouseholdPeriod[] };
  /** Spans about this household (its id on the span, or as data subject). */
  householdId?: string;
  userId?: string;
  /** Calendar dates (Europe/Amsterdam), inclusive. */
  from?: string;
  to?: string;
  outcome?: ProcessingOutcome;
  activityId?: string;
  /** Only processing made possible by break the glass (flagged by AuditService). */
  breakGlass?: boolean;
}

/** One logged read or write: the access_audit row joined with its processing_log rows (same trace and span). */
export interface ProcessingLogSpan {
  /** Place in the access_audit hash chain; null until the sealer has sealed it (about a second). */
  chainSeq: number | null;
  traceId: string;
  spanId: string;
  occurredAt: string;
  userId: string | null;
  roles: string[];
  organisationId: string | null;
  activityId: string;
  activityName: string;
  purpose: string;
  legalBasis: string;
  action: ProcessingAction;
  resourceType: string;
  resourceId: string | null;
  householdId: string | null;
  outcome: ProcessingOutcome;
  reason: string | null;
  dataSubjects: DataSubject[];
}

interface SpanRow {
  chain_seq: string | null;
  trace_id: string;
  span_id: string;
  occurred_at: Date;
  user_id: string | null;
  roles: string[];
  organisation_id: string | null;
  processing_activity_id: string;
  activity_name: string;
  purpose: string;
  legal_basis: string;
  action: ProcessingAction;
  resource_type: string;
  resource_id: string | null;
  household_id: string | null;
  outcome: ProcessingOutcome;
  reason: string | null;
  data_subjects: DataSubject[];
}

const DAY_START = (param: string) => `((${param}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const DAY_END = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/**
 * Reads the processing log for supervision (privacy officer) and access requests. The log tables belong
 * to this context; other contexts read them only through here. Newest first (order of writing).
 */
@Injectable()
export class ProcessingLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async search(
    query: ProcessingLogQuery,
    page: { offset: number; limit: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ items: ProcessingLogSpan[]; total: number }> {
    const { where, params } = conditions(query);
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total FROM access_audit a WHERE ${where}`,
      params,
    );
    if (total === 0) return { items: [], total };
    const rows: SpanRow[] = await manager.query(
      `SELECT s.chain_seq, a.trace_id, a.span_id, a.occurred_at, a.user_id, a.roles, a.organisation_id,
              a.processing_activity_id, pa.name AS activity_name, a.purpose, a.legal_basis, a.action,
              a.resource_type, a.resource_id, a.household_id, a.outcome, a.reason,
              COALESCE((SELECT json_agg(json_build_object('type', l.data_subject_type, 'id', l.data_subject_id)
                                         ORDER BY l.id)
                          FROM processing_log l WHERE l.trace_id = a.trace_id AND l.span_id = a.span_id),
                       '[]'::json) AS data_subjects
         FROM access_audit a JOIN processing_activity pa ON pa.id = a.processing_activity_id
         LEFT JOIN access_audit_seal s ON s.log_id = a.id
        WHERE ${where}
        ORDER BY a.id DESC
        LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
      params,
    );
    return { items: rows.map(toSpan), total };
  }
}

function conditions(query: ProcessingLogQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const spansWithSubject = (type: 'person' | 'household', ids: string) =>
    `(a.trace_id, a.span_id) IN (SELECT l.trace_id, l.span_id FROM processing_log l
       WHERE l.data_subject_type = '${type}' AND l.data_subject_id = ANY(${ids}::text[]))`;
  const where: string[] = [];
  if (query.concerning) {
    const any: string[] = [];
    if (query.concerning.personIds.length > 0) {
      any.push(spansWithSubject('person', param(query.concerning.personIds)));
    }
    for (const period of query.concerning.householdPeriods ?? []) {
      const id = param(period.householdId);
      const from = param(period.from);
      const until = period.to ? ` AND a.occurred_at < ${DAY_END(param(period.to))}` : '';
      any.push(
        `((a.household_id = ${id} OR ${spansWithSubject('household', `ARRAY[${id}]`)})
           AND a.occurred_at >= ${DAY_START(from)}${until})`,
      );
    }
    where.push(any.length > 0 ? `(${any.join(' OR ')})` : 'FALSE');
  }
  if (query.householdId) {
    const id = param(query.householdId);
    where.push(`(a.household_id = ${id} OR ${spansWithSubject('household', `ARRAY[${id}]`)})`);
  }
  if (query.userId) where.push(`a.user_id = ${param(query.userId)}`);
  if (query.from) where.push(`a.occurred_at >= ${DAY_START(param(query.from))}`);
  if (query.to) where.push(`a.occurred_at < ${DAY_END(param(query.to))}`);
  if (query.outcome) where.push(`a.outcome = ${param(query.outcome)}`);
  if (query.activityId) where.push(`a.processing_activity_id = ${param(query.activityId)}`);
  if (query.breakGlass) where.push(`starts_with(a.reason, ${param(BREAK_GLASS_REASON)})`);
  return { where: where.length > 0 ? where.join(' AND ') : 'TRUE', params };
}

function toSpan(row: SpanRow): ProcessingLogSpan {
  return {
    chainSeq: row.chain_seq === null ? null : Number(row.chain_seq),
    traceId: row.trace_id,
    spanId: row.span_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    userId: row.user_id,
    roles: row.roles,
    organisationId: row.organisation_id,
    activityId: row.processing_activity_id,
    activityName: row.activity_name,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    householdId: row.household_id,
    outcome: row.outcome,
    reason: row.reason,
    dataSubjects: row.data_subjects,
  };
}
