import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays } from '@app/core';
import { DUE_SOON_DAYS } from './legal-clocks';

/** How many procedures of a household are near or past their legal deadline (no content). */
export interface DeadlineSummary {
  householdId: string;
  /** Deadline today or within DUE_SOON_DAYS days. */
  nearDeadline: number;
  /** Deadline passed while the clock still runs. */
  overDeadline: number;
}

/**
 * Legal-clock counts of many households in one set-based query (the ids travel as one array
 * parameter), for overviews such as a teamleider's caseload. The caller decides access and logs.
 */
@Injectable()
export class ProcedureDeadlinesService {
  async summaries(
    m: EntityManager,
    householdIds: string[],
    today: string,
  ): Promise<Map<string, DeadlineSummary>> {
    if (householdIds.length === 0) return new Map();
    const rows = await m.query<{ household_id: string; near: number; over: number }[]>(
      `SELECT household_id,
              count(*) FILTER (WHERE deadline >= $2::date AND deadline <= $3::date)::int AS near,
              count(*) FILTER (WHERE deadline < $2::date)::int AS over
         FROM indication
        WHERE household_id = ANY($1::uuid[]) AND deadline IS NOT NULL AND deadline <= $3::date
        GROUP BY household_id`,
      [householdIds, today, addDays(today, DUE_SOON_DAYS)],
    );
    return new Map(
      rows.map((r) => [
        r.household_id,
        { householdId: r.household_id, nearDeadline: r.near, overDeadline: r.over },
      ]),
    );
  }
}
