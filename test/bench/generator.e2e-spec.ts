import { Client } from 'pg';
import { isValidBsn } from '@app/core';
import { runGenerator } from '../../scripts/generate/generator';
import { createTestDatabase } from '../setup/test-database';

/**
 * The synthetic data generator (issue 14) at its test scale (200 households): deterministic from the
 * seed, and the monitor's samenloop share, checked in the loaded database itself.
 */
describe('synthetic data generator (scale tiny)', () => {
  const today = '2026-03-02';
  const query = async <T>(url: string, sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  it('gives the same data for the same seed, different data for another, with 24% samenloop', async () => {
    const [first, second, other] = [
      await createTestDatabase(),
      await createTestDatabase(),
      await createTestDatabase(),
    ];
    const a = await runGenerator({ scale: 'tiny', seed: 7, databaseUrl: first, today });
    const b = await runGenerator({ scale: 'tiny', seed: 7, databaseUrl: second, today });
    const c = await runGenerator({ scale: 'tiny', seed: 8, databaseUrl: other, today });

    // Same seed: same counts, same first BSNs, same rows per table.
    expect(b.summary.rows).toEqual(a.summary.rows);
    expect(b.summary.firstBsns).toEqual(a.summary.firstBsns);
    expect(b.summary.clientsPerPillar).toEqual(a.summary.clientsPerPillar);
    expect(c.summary.firstBsns).not.toEqual(a.summary.firstBsns);

    // Exactly the scale's households and unique clients (the monitor's ratios), 24% samenloop.
    expect(a.summary.households).toBe(200);
    expect(a.summary.clients).toBe(a.summary.targets.clients);
    expect(a.summary.samenloopShare).toBeCloseTo(0.24, 2);

    for (const url of [first, second]) {
      const [counts] = await query<{ households: number; persons: number; bsns: number }>(
        url,
        `SELECT (SELECT count(*)::int FROM household) AS households,
                (SELECT count(*)::int FROM person) AS persons,
                (SELECT count(DISTINCT bsn)::int FROM person) AS bsns`,
      );
      expect(counts).toEqual({
        households: 200,
        persons: a.summary.rows.person,
        bsns: a.summary.rows.person,
      });
      const firstBsns = await query<{ bsn: string }>(
        url,
        `SELECT bsn FROM person WHERE bsn = ANY('{${a.summary.firstBsns.join(',')}}') ORDER BY bsn`,
      );
      expect(firstBsns.map((r) => r.bsn)).toEqual([...a.summary.firstBsns].sort());
      // Samenloop as the monitor counts it: households with indications from two or more pillars.
      const [share] = await query<{ samenloop: number; with_indication: number }>(
        url,
        `SELECT count(*) FILTER (WHERE pillars >= 2)::int AS samenloop, count(*)::int AS with_indication
           FROM (SELECT household_id, count(DISTINCT pillar) AS pillars FROM indication GROUP BY household_id) x`,
      );
      expect(share.with_indication).toBe(200);
      expect(share.samenloop / share.with_indication).toBeGreaterThanOrEqual(0.22);
      expect(share.samenloop / share.with_indication).toBeLessThanOrEqual(0.26);
      // Every active household has exactly one active regisseur (the database checks at least one).
      const [regisseurs] = await query<{ without: number }>(
        url,
        `SELECT count(*)::int AS without FROM household h WHERE h.status = 'active' AND
           (SELECT count(*) FROM case_team_member c WHERE c.household_id = h.id AND c.case_role = 'regisseur'
             AND c.left_at IS NULL) <> 1`,
      );
      expect(regisseurs.without).toBe(0);
    }
    const all = await query<{ bsn: string }>(first, `SELECT bsn FROM person`);
    expect(all.every((r) => isValidBsn(r.bsn))).toBe(true);

    // Loading again into a database that holds generated data is refused unless asked to recreate.
    await expect(runGenerator({ scale: 'tiny', seed: 7, databaseUrl: first, today })).rejects.toThrow(
      /already holds generated data/,
    );
  }, 120_000);
});
