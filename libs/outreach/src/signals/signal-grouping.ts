import { EntityManager } from 'typeorm';
import { GROUPING_WINDOW_MONTHS } from '../outreach.vocabulary';

/**
 * Recomputes the grouping flags of the signals at these addresses: "multiple" when another creditor
 * signalled the same address within 6 months (before or after), "repeated" when the same creditor did.
 * The database derives the priority from the flags (and from a threatening situation). Call it in the
 * transaction that added or removed signals at these addresses.
 */
export async function regroupAddresses(
  m: EntityManager,
  municipalityId: string,
  addressKeys: readonly string[],
): Promise<void> {
  if (addressKeys.length === 0) return;
  await m.query(
    `WITH flags AS (
       SELECT s.id,
              EXISTS (SELECT 1 FROM arrears_signal t
                       WHERE t.municipality_id = s.municipality_id AND t.address_key = s.address_key
                         AND t.id <> s.id AND t.creditor_key <> s.creditor_key
                         AND t.received_on BETWEEN s.received_on - $3::interval AND s.received_on + $3::interval)
                AS multiple,
              EXISTS (SELECT 1 FROM arrears_signal t
                       WHERE t.municipality_id = s.municipality_id AND t.address_key = s.address_key
                         AND t.id <> s.id AND t.creditor_key = s.creditor_key
                         AND t.received_on BETWEEN s.received_on - $3::interval AND s.received_on + $3::interval)
                AS repeated
         FROM arrears_signal s
        WHERE s.municipality_id = $1 AND s.address_key IN (
          -- Only addresses with more than one signal, or with flags left from signals now gone.
          SELECT g.address_key FROM arrears_signal g
           WHERE g.municipality_id = $1 AND g.address_key = ANY($2::text[])
           GROUP BY g.address_key HAVING count(*) > 1 OR bool_or(g.multiple OR g.repeated)))
     UPDATE arrears_signal s SET multiple = f.multiple, repeated = f.repeated
       FROM flags f
      WHERE s.id = f.id AND (s.multiple, s.repeated) IS DISTINCT FROM (f.multiple, f.repeated)`,
    [municipalityId, [...new Set(addressKeys)], `${GROUPING_WINDOW_MONTHS} months`],
  );
}
