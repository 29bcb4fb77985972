import { Clock, FixedClock } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { DEMO_EMAILS, DemoUserKey, UsersService } from '@app/identity';
import { DemoIndicationsSeeder, PRODUCT_IDS } from '@app/indications';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import {
  AGE_BANDS,
  MonitorAggregates,
  MonitorReport,
  MonitorScope,
  MonitorService,
  SMALL,
  HIDDEN,
} from '@app/reporting';
import { IdentityKit, PROBLEM } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

const MAASTRICHT = MUNICIPALITY_IDS.maastricht;
const TODAY = '2026-06-15';
const DEMO_PERIOD = { from: '2025-07-01', to: TODAY };
/** A period long before the demo data, holding only the generated households below. */
const KNOWN_PERIOD = { from: '2015-01-01', to: '2015-12-31' };
const KNOWN_HOUSEHOLDS = 24;
const KNOWN_SHV = 20;

/** Keys whose numbers are counts of people, households or procedures (rule 6 applies). */
const COUNT_KEYS = new Set([
  'clients',
  'households',
  'singlePillar',
  'twoOrMorePillars',
  'total',
  'procedures',
  'overLimit',
  'totals',
  'householdsPerPillar',
  ...['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'],
]);

/** Every count in the report: a number only when at least 10, otherwise a marker. */
function publishedCounts(value: unknown, key = ''): (number | string)[] {
  if (Array.isArray(value)) return value.flatMap((v) => publishedCounts(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      COUNT_KEYS.has(k) ||
      k === 'rows' ||
      k === 'combinations' ||
      k === 'pillars' ||
      k === 'samenloop' ||
      k === 'ageBands' ||
      k === 'neighbourhoods' ||
      k === 'wmoLeadTime'
        ? publishedCounts(v, k)
        : [],
    );
  if (COUNT_KEYS.has(key) && (typeof value === 'number' || value === SMALL || value === HIDDEN))
    return [value as number | string];
  return [];
}

describe('reporting: monitor sociaal domein (issue 10)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let monitor: MonitorService;

  const get = async (user: DemoUserKey | null, query: Record<string, string>, accept?: string) => {
    let req = t.http().get('/api/v1/reports/monitor').query(query);
    if (user) req = req.set(kit.bearer(await kit.as(user)));
    if (accept) req = req.set('Accept', accept);
    return kit.seen(await req);
  };

  beforeAll(async () => {
    t = await createTestApp((b) =>
      b.overrideProvider(Clock).useValue(new FixedClock(new Date(`${TODAY}T10:00:00Z`))),
    );
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    await t.app.get(DemoHouseholdsSeeder).seed();
    await t.app.get(DemoIndicationsSeeder).seed();
    await generateKnownHouseholds(t);
    monitor = t.app.get(MonitorService);
  });
  afterAll(() => t.close());

  describe('the counts before suppression', () => {
    it('match the generated dataset whose counts are known', async () => {
      const raw = await monitor.aggregates({ municipalityId: MAASTRICHT, ...KNOWN_PERIOD });
      expect(raw.clients).toEqual(
        expect.arrayContaining([
          { pillar: 'WMO', ageBand: '75-84', clients: KNOWN_HOUSEHOLDS },
          { pillar: 'SHV', ageBand: '27-44', clients: KNOWN_SHV },
        ]),
      );
      expect(raw.clients).toHaveLength(2);
      expect(raw.combinations.sort((a, b) => a.pillars.localeCompare(b.pillars))).toEqual([
        { pillars: 'SHV+WMO', households: KNOWN_SHV },
        { pillars: 'WMO', households: KNOWN_HOUSEHOLDS - KNOWN_SHV },
      ]);
      const pottenberg = raw.neighbourhoods.find((n) => n.name === 'Pottenberg')!;
      expect(pottenberg.clients).toBe(KNOWN_HOUSEHOLDS + KNOWN_SHV);
      expect(raw.neighbourhoods.filter((n) => n.clients > 0)).toHaveLength(1);
      // March: 8 x 37 days and 4 x (37 - 10 suspended) days; May: 12 x 80 days, all over 56.
      expect(raw.wmoLeadTime).toEqual([
        { month: '2015-03', procedures: 12, netDays: 8 * 37 + 4 * 27, overLimit: 0 },
        { month: '2015-05', procedures: 12, netDays: 12 * 80, overLimit: 12 },
      ]);
    });

    it('match direct SQL on the seeded demo data', async () => {
      const scope = { municipalityId: MAASTRICHT, ...DEMO_PERIOD };
      const raw = await monitor.aggregates(scope);
      const direct = await directAggregates(t, scope);
      const sortBy = <T>(xs: T[], key: (x: T) => string) =>
        [...xs].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sortBy(raw.clients, (c) => c.pillar + c.ageBand)).toEqual(
        sortBy(direct.clients, (c) => c.pillar + c.ageBand),
      );
      expect(sortBy(raw.combinations, (c) => c.pillars)).toEqual(
        sortBy(direct.combinations, (c) => c.pillars),
      );
      expect(sortBy(raw.neighbourhoods, (n) => n.neighbourhoodId ?? '~')).toEqual(
        sortBy(direct.neighbourhoods, (n) => n.neighbourhoodId ?? '~'),
      );
      expect(raw.wmoLeadTime).toEqual(direct.wmoLeadTime);
      // the demo data is not empty: the test would prove nothing otherwise
      expect(raw.clients.reduce((a, c) => a + c.clients, 0)).toBeGreaterThan(20);
      expect(raw.wmoLeadTime.length).toBeGreaterThan(0);
    });
  });

  describe('GET /api/v1/reports/monitor', () => {
    it('gives a beleidsmedewerker the suppressed tables of the known dataset', async () => {
      const res = await get('beleidsmedewerker', { municipalityId: MAASTRICHT, ...KNOWN_PERIOD });
      expect(res.status).toBe(200);
      const report = res.body as MonitorReport;
      expect(report.pillars.find((p) => p.pillar === 'WMO')).toEqual({
        pillar: 'WMO',
        clients: KNOWN_HOUSEHOLDS,
        households: KNOWN_HOUSEHOLDS,
      });
      expect(report.pillars.find((p) => p.pillar === 'SHV')!.clients).toBe(KNOWN_SHV);
      expect(report.pillars.find((p) => p.pillar === 'JEUGD')).toEqual({
        pillar: 'JEUGD',
        clients: SMALL,
        households: SMALL,
      });
      // the exact check across all samenloop relations (issue 10) pins an unpublished count under 10
      // from the shown total, so the total is hidden as well
      expect(report.samenloop.households).toBe(HIDDEN);
      expect(report.samenloop.singlePillar).toBe(SMALL); // 4 households with only Wmo
      expect(report.samenloop.twoOrMorePillars).toBe(HIDDEN); // else 24 - 20 gives the 4 away
      expect(report.ageBands.rows.map((r) => r.ageBand)).toEqual([...AGE_BANDS]);
      // All other age bands are 0 ("<10"): publishing 24 next to the total 24 would pin them to 0.
      expect(report.ageBands.rows.find((r) => r.ageBand === '75-84')!.clients.WMO).toBe(HIDDEN);
      expect(report.ageBands.totals.WMO).toBe(KNOWN_HOUSEHOLDS);
      // Likewise the only neighbourhood with clients, and its share of inhabitants with it.
      const pottenberg = report.neighbourhoods.rows.find((r) => r.neighbourhood === 'Pottenberg')!;
      expect(pottenberg).toMatchObject({ clients: HIDDEN, sharePercent: HIDDEN });
      expect(report.neighbourhoods.total).toBe(KNOWN_HOUSEHOLDS + KNOWN_SHV);
      expect(report.wmoLeadTime.rows).toEqual([
        { month: '2015-03', procedures: 12, averageDays: 33.7, overLimit: SMALL },
        { month: '2015-05', procedures: 12, averageDays: 80, overLimit: HIDDEN },
      ]);
      expect(report.wmoLeadTime.total).toEqual({
        month: 'totaal',
        procedures: 24,
        averageDays: 56.8,
        overLimit: 12,
      });
    });

    it('publishes exactly the suppressed direct-SQL counts of the demo data, and no count under 10', async () => {
      const scope: MonitorScope = { municipalityId: MAASTRICHT, ...DEMO_PERIOD };
      const res = await get('beleidsmedewerker', { municipalityId: MAASTRICHT, ...DEMO_PERIOD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(monitor.publish(scope, await directAggregates(t, scope)));
      const counts = publishedCounts(res.body);
      expect(counts.length).toBeGreaterThan(50);
      for (const c of counts) {
        if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(10);
        else expect([SMALL, HIDDEN]).toContain(c);
      }
      expect(JSON.stringify(res.body)).not.toMatch(/bsn|birth|person/i);
    });

    it('answers CSV with the same figures (?format=csv and Accept: text/csv)', async () => {
      const query = { municipalityId: MAASTRICHT, ...KNOWN_PERIOD };
      const viaQuery = await get('beleidsmedewerker', { ...query, format: 'csv' });
      expect(viaQuery.status).toBe(200);
      expect(viaQuery.headers['content-type']).toMatch(/^text\/csv/);
      expect(viaQuery.headers['content-disposition']).toContain('monitor-2015-01-01-2015-12-31.csv');
      const lines = viaQuery.text.split('\r\n');
      expect(lines).toContain('WMO;24;24');
      expect(lines).toContain('JEUGD;<10;<10');
      expect(lines).toContain('2015-03;12;33,7;<10');
      expect(lines).toContain('totaal;24;56,8;12');
      const viaAccept = await get('beleidsmedewerker', query, 'text/csv');
      expect(viaAccept.headers['content-type']).toMatch(/^text\/csv/);
      expect(viaAccept.text).toBe(viaQuery.text);
    });

    it('lets a teamleider read the monitor of their municipality and defaults to it', async () => {
      const res = await get('teamleider', KNOWN_PERIOD);
      expect(res.status).toBe(200);
      expect(res.body.municipalityId).toBe(MAASTRICHT);
    });

    it('refuses a consulent and a financial coach with 403, and logs the refusal', async () => {
      for (const user of ['consulentWmo', 'financialCoach'] as const) {
        const res = await get(user, { municipalityId: MAASTRICHT });
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      const { rows } = await t.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM access_audit WHERE processing_activity_id = 'reporting.monitor' AND outcome = 'denied'`,
      );
      expect(Number(rows[0].n)).toBeGreaterThanOrEqual(2);
    });

    it('answers 404 for a municipality the beleidsmedewerker does not work for, 401 without login', async () => {
      const res = await get('beleidsmedewerker', { municipalityId: MUNICIPALITY_IDS.vaals });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(MUNICIPALITY_IDS.vaals);
      expect((await get(null, { municipalityId: MAASTRICHT })).status).toBe(401);
    });

    it('validates the period', async () => {
      const bad = await get('beleidsmedewerker', { municipalityId: MAASTRICHT, from: '2026-02-30' });
      expect(bad.status).toBe(400);
      const reversed = await get('beleidsmedewerker', { from: '2026-05-01', to: '2026-01-01' });
      expect(reversed.status).toBe(400);
      const long = await get('beleidsmedewerker', { from: '2010-01-01', to: '2026-01-01' });
      expect(long.status).toBe(400);
    });
  });
});

/** The same aggregates computed independently: plain SQL per table, lead times counted in TypeScript. */
async function directAggregates(
  t: TestApp,
  { municipalityId, from, to }: MonitorScope,
): Promise<MonitorAggregates> {
  const provision = `i.municipality_id = $1 AND i.beschikking_outcome = 'toegekend'
    AND COALESCE(i.start_date, i.beschikking_date) <= $3 AND (i.end_date IS NULL OR i.end_date >= $2)`;
  const params = [municipalityId, from, to];
  const { rows: persons } = await t.db.query<{ person_id: string; pillar: string; age: number }>(
    `SELECT DISTINCT i.person_id, i.pillar, date_part('year', age($3::date, p.birth_date))::int AS age
       FROM indication i JOIN person p ON p.id = i.person_id WHERE ${provision}`,
    params,
  );
  const band = (age: number) => {
    const limits: [number, string][] = [
      [3, '0-3'],
      [11, '4-11'],
      [17, '12-17'],
      [26, '18-26'],
      [44, '27-44'],
      [66, '45-66'],
      [74, '67-74'],
      [84, '75-84'],
    ];
    return limits.find(([max]) => age <= max)?.[1] ?? '85+';
  };
  const clientMap = new Map<string, number>();
  for (const p of persons) {
    const key = `${p.pillar}|${band(p.age)}`;
    clientMap.set(key, (clientMap.get(key) ?? 0) + 1);
  }
  const { rows: hp } = await t.db.query<{ household_id: string; pillar: string }>(
    `SELECT DISTINCT i.household_id, i.pillar FROM indication i WHERE ${provision}`,
    params,
  );
  const byHousehold = new Map<string, string[]>();
  for (const r of hp) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r.pillar]);
  const comboMap = new Map<string, number>();
  for (const pillars of byHousehold.values()) {
    const key = pillars.sort().join('+');
    comboMap.set(key, (comboMap.get(key) ?? 0) + 1);
  }
  const { rows: latest } = await t.db.query<{
    person_id: string;
    neighbourhood_id: string | null;
    d: string;
    id: string;
  }>(
    `SELECT i.person_id, h.neighbourhood_id, COALESCE(i.start_date, i.beschikking_date)::text AS d, i.id::text
       FROM indication i JOIN household h ON h.id = i.household_id WHERE ${provision}`,
    params,
  );
  const latestOf = new Map<string, (typeof latest)[number]>();
  for (const r of latest) {
    const cur = latestOf.get(r.person_id);
    if (!cur || r.d > cur.d || (r.d === cur.d && r.id > cur.id)) latestOf.set(r.person_id, r);
  }
  const perNeighbourhood = new Map<string | null, number>();
  for (const r of latestOf.values())
    perNeighbourhood.set(r.neighbourhood_id, (perNeighbourhood.get(r.neighbourhood_id) ?? 0) + 1);
  const { rows: neighbourhoods } = await t.db.query<{ id: string; name: string; inhabitants: number }>(
    `SELECT id, name, inhabitants FROM neighbourhood WHERE municipality_id = $1`,
    [municipalityId],
  );
  const { rows: procedures } = await t.db.query<{ id: string; melding: string; beschikking: string }>(
    `SELECT id, melding_date::text AS melding, beschikking_date::text AS beschikking FROM indication
      WHERE municipality_id = $1 AND pillar = 'WMO' AND beschikking_date BETWEEN $2 AND $3`,
    params,
  );
  const { rows: suspensions } = await t.db.query<{ indication_id: string; s: string; e: string | null }>(
    `SELECT indication_id, start_date::text AS s, end_date::text AS e FROM indication_suspension`,
  );
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const months = new Map<string, { procedures: number; netDays: number; overLimit: number }>();
  for (const p of procedures) {
    let net = 0;
    for (let d = day(p.melding) + 1; d <= day(p.beschikking); d++) {
      const suspended = suspensions.some(
        (s) => s.indication_id === p.id && day(s.s) <= d && (s.e === null || d <= day(s.e)),
      );
      if (!suspended) net++;
    }
    const month = p.beschikking.slice(0, 7);
    const m = months.get(month) ?? { procedures: 0, netDays: 0, overLimit: 0 };
    months.set(month, {
      procedures: m.procedures + 1,
      netDays: m.netDays + net,
      overLimit: m.overLimit + (net > 56 ? 1 : 0),
    });
  }
  return {
    clients: [...clientMap].map(([key, clients]) => {
      const [pillar, ageBand] = key.split('|');
      return { pillar, ageBand, clients };
    }),
    combinations: [...comboMap].map(([pillars, households]) => ({ pillars, households })),
    neighbourhoods: [
      ...neighbourhoods.map((n) => ({
        neighbourhoodId: n.id,
        name: n.name,
        inhabitants: n.inhabitants,
        clients: perNeighbourhood.get(n.id) ?? 0,
      })),
      ...(perNeighbourhood.has(null)
        ? [{ neighbourhoodId: null, name: null, inhabitants: null, clients: perNeighbourhood.get(null)! }]
        : []),
    ],
    wmoLeadTime: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
  };
}

/**
 * 24 Maastricht households in Pottenberg with provisions in 2015: each an 78-year-old with Wmo; 20 of
 * them also a 33-year-old with SHV. Wmo: 12 decided in March after 37 days (4 of them with 10 days
 * suspended), 12 in May after 80 days.
 */
async function generateKnownHouseholds(t: TestApp) {
  const ids = await t.app.get(UsersService).idsByEmail([DEMO_EMAILS.consulentWmo]);
  const regisseur = ids.get(DEMO_EMAILS.consulentWmo)!;
  const client = await t.db.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [{ id: pottenberg }],
    } = await client.query<{ id: string }>(
      `SELECT id FROM neighbourhood WHERE municipality_id = $1 AND name = 'Pottenberg'`,
      [MAASTRICHT],
    );
    for (let i = 0; i < KNOWN_HOUSEHOLDS; i++) {
      const {
        rows: [{ id: household }],
      } = await client.query<{ id: string }>(
        `INSERT INTO household (municipality_id, neighbourhood_id, street, house_number, postcode, city)
         VALUES ($1, $2, 'Testlaan', $3, '6216AB', 'Maastricht') RETURNING id`,
        [MAASTRICHT, pottenberg, String(1000 + i)],
      );
      await client.query(
        `INSERT INTO case_team_member (household_id, municipality_id, user_id, organisation_id, case_role, pillar, legal_basis)
         VALUES ($1, $2, $3, $4, 'regisseur', 'WMO', 'Wmo 2015')`,
        [household, MAASTRICHT, regisseur, ORGANISATION_IDS.szmh],
      );
      const person = async (n: number, birth: string) => {
        const {
          rows: [{ id }],
        } = await client.query<{ id: string }>(
          `INSERT INTO person (bsn, given_names, family_name, birth_date) VALUES ($1, 'Test', 'Monitor', $2) RETURNING id`,
          [String(880_000_000 + n), birth],
        );
        await client.query(
          `INSERT INTO household_member (household_id, municipality_id, person_id, relation, joined_on)
           VALUES ($1, $2, $3, 'parent', '2010-01-01')`,
          [household, MAASTRICHT, id],
        );
        return id;
      };
      const elder = await person(i * 2, '1937-03-01');
      const march = i < 12;
      const melding = march ? '2015-02-01' : '2015-03-01';
      const beschikking = march ? '2015-03-10' : '2015-05-20';
      const {
        rows: [{ id: wmo }],
      } = await client.query<{ id: string }>(
        `INSERT INTO indication (household_id, municipality_id, person_id, pillar, product_id, status, melding_date,
            aanvraag_date, beschikking_date, beschikking_outcome, start_date, end_date)
         VALUES ($1, $2, $3, 'WMO', $4, 'toegekend', $5, $5, $6, 'toegekend', $6, '2015-12-31') RETURNING id`,
        [household, MAASTRICHT, elder, PRODUCT_IDS.wmoHulpBijHetHuishouden, melding, beschikking],
      );
      if (i < 4) {
        await client.query(
          `INSERT INTO indication_suspension (indication_id, household_id, municipality_id, start_date, end_date, reason)
           VALUES ($1, $2, $3, '2015-02-10', '2015-02-19', 'Medisch advies opgevraagd')`,
          [wmo, household, MAASTRICHT],
        );
      }
      if (i < KNOWN_SHV) {
        const adult = await person(i * 2 + 1, '1982-05-05');
        await client.query(
          `INSERT INTO indication (household_id, municipality_id, person_id, pillar, product_id, status, melding_date,
              first_conversation_date, beschikking_date, beschikking_outcome, start_date, end_date)
           VALUES ($1, $2, $3, 'SHV', $4, 'toegekend', '2015-04-01', '2015-04-10', '2015-05-01', 'toegekend', '2015-05-01', '2015-12-31')`,
          [household, MAASTRICHT, adult, PRODUCT_IDS.shvStabilisatie],
        );
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
