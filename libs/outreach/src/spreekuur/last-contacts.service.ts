import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { amsterdamDate } from '@app/core';

/**
 * The date of the latest spreekuur contact linked to each household, in one set-based query (the ids
 * travel as one array parameter). The caller decides access and logs the read.
 */
@Injectable()
export class LastContactsService {
  async lastContactOn(m: EntityManager, householdIds: string[]): Promise<Map<string, string>> {
    if (householdIds.length === 0) return new Map();
    const rows = await m.query<{ household_id: string; last_at: Date }[]>(
      `SELECT household_id, max(contact_at) AS last_at
         FROM spreekuur_contact
        WHERE household_id = ANY($1::uuid[])
        GROUP BY household_id`,
      [householdIds],
    );
    return new Map(rows.map((r) => [r.household_id, amsterdamDate(r.last_at)]));
  }
}
