import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ANSWERED_OUTCOMES } from '../outreach.vocabulary';
import { regroupAddresses } from './signal-grouping';

export interface DeletedSignal {
  id: string;
  personId: string | null;
  municipalityId: string;
  addressKey: string;
}

/**
 * Unanswered vroegsignalering signals — no request for help and no outcome after which help follows —
 * are deleted once their retention period has passed, with their attempts. The only caller is the
 * outreach sweep of the privacy retention run (OutreachPrivacy), which holds the run's lock, logs the
 * data subjects and keeps the register.
 */
@Injectable()
export class SignalRetentionService {
  /**
   * Deletes the unanswered signals received before the date and regroups their addresses. One statement:
   * a signal answered by a coach while the run is under way is re-checked by PostgreSQL and kept.
   */
  async deleteDue(m: EntityManager, receivedBefore: string): Promise<DeletedSignal[]> {
    // TypeORM answers a DELETE with [rows, rowCount].
    const [rows] = await m.query<
      [{ id: string; person_id: string | null; municipality_id: string; address_key: string }[], number]
    >(
      `DELETE FROM arrears_signal
        WHERE received_on < $1::date AND help_requested_on IS NULL
          AND (outcome IS NULL OR outcome <> ALL($2::text[]))
        RETURNING id, person_id, municipality_id, address_key`,
      [receivedBefore, ANSWERED_OUTCOMES],
    );
    const deleted = rows
      .map((r) => ({
        id: r.id,
        personId: r.person_id,
        municipalityId: r.municipality_id,
        addressKey: r.address_key,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const byMunicipality = new Map<string, string[]>();
    for (const s of deleted)
      byMunicipality.set(s.municipalityId, [...(byMunicipality.get(s.municipalityId) ?? []), s.addressKey]);
    for (const [municipalityId, addresses] of byMunicipality)
      await regroupAddresses(m, municipalityId, [...new Set(addresses)]);
    return deleted;
  }
}
