import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Maatwerkbudget used per household: granted (toegekend) and paid (betaald) requests, less what was
 * released. One set-based query for many households (the ids travel as one array parameter); the
 * caller decides access and logs the read.
 */
@Injectable()
export class BudgetUsageService {
  async usedCents(m: EntityManager, householdIds: string[]): Promise<Map<string, number>> {
    if (householdIds.length === 0) return new Map();
    const rows = await m.query<{ household_id: string; used: string }[]>(
      `SELECT household_id, sum(amount_cents - released_cents)::text AS used
         FROM budget_request
        WHERE household_id = ANY($1::uuid[]) AND status IN ('toegekend', 'betaald')
        GROUP BY household_id`,
      [householdIds],
    );
    return new Map(rows.map((r) => [r.household_id, Number(r.used)]));
  }
}
