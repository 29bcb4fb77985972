import { Clock, FixedClock } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { DemoIndicationsSeeder, PRODUCT_IDS } from '@app/indications';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { IndicationsKit } from './indications-kit';

const CLOCK = () => new FixedClock(new Date('2026-06-15T10:00:00Z'));
const CATALOGUE = '/api/v1/catalogue/products';

/** A stable picture of the seeded indications, independent of generated ids. */
async function fingerprint(t: TestApp): Promise<string[]> {
  const { rows } = await t.db.query<{ line: string }>(
    `SELECT concat_ws('|', p.bsn, i.pillar, i.product_id, i.status, i.form, i.melding_date, i.aanvraag_date,
              i.first_conversation_date, i.beschikking_date, i.start_date, i.end_date, i.deadline,
              (SELECT count(*) FROM indication_suspension s WHERE s.indication_id = i.id),
              (SELECT count(*) FROM indication_bezwaar b WHERE b.indication_id = i.id)) AS line
       FROM indication i JOIN person p ON p.id = i.person_id ORDER BY line`,
  );
  return rows.map((r) => r.line);
}

describe('indications: the product catalogue and the demo seed', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let ik: IndicationsKit;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(CLOCK()));
    kit = new IdentityKit(t);
    ik = new IndicationsKit(t, kit);
    await ik.init();
  });
  afterAll(() => t.close());

  describe('catalogue', () => {
    it('lists the products of DESIGN.md per pillar to every user; Jeugd products share one category', async () => {
      const all = await ik.get('consulentWmo', CATALOGUE);
      expect(all.status).toBe(200);
      const byPillar = (all.body as { pillar: string }[]).reduce<Record<string, number>>(
        (acc, p) => ({ ...acc, [p.pillar]: (acc[p.pillar] ?? 0) + 1 }),
        {},
      );
      expect(byPillar).toEqual({ WMO: 5, JEUGD: 3, PARTICIPATIE: 4, SHV: 6, ONDERWIJS: 1 });
      const jeugd = await ik.get('beleidsmedewerker', `${CATALOGUE}?pillar=JEUGD`);
      expect((jeugd.body as { name: string; category: string }[]).map((p) => [p.name, p.category])).toEqual([
        ['Ambulante jeugdhulp', 'jeugdhulp'],
        ['Jeugdbescherming', 'jeugdhulp'],
        ['Jeugdhulp met verblijf', 'jeugdhulp'],
      ]);
    });

    it('lets only the functioneel beheerder add and change products', async () => {
      const body = {
        pillar: 'WMO',
        code: 'wmo-woningaanpassing',
        name: 'Woningaanpassing',
        category: 'wonen',
      };
      for (const role of ['consulentWmo', 'teamleider', 'privacyOfficer'] as const) {
        expect((await ik.post(role, CATALOGUE, body)).status).toBe(403);
      }
      const created = await ik.post('functioneelBeheerder', CATALOGUE, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...body, active: true });
      const duplicate = await ik.post('functioneelBeheerder', CATALOGUE, { ...body, name: 'Andere naam' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.errors).toEqual([{ field: 'code', message: 'bestaat al' }]);
      const jeugd = await ik.post('functioneelBeheerder', CATALOGUE, {
        pillar: 'JEUGD',
        code: 'jeugd-pleegzorg',
        name: 'Pleegzorg',
        category: 'pleegzorg',
      });
      expect(jeugd.status).toBe(400);
      expect(jeugd.body.errors[0].field).toBe('category');
      const badCode = await ik.post('functioneelBeheerder', CATALOGUE, { ...body, code: 'Met Spaties' });
      expect(badCode.status).toBe(400);
      expect(badCode.body.errors[0].field).toBe('code');
      const renamed = await ik.request('functioneelBeheerder', 'patch', `${CATALOGUE}/${created.body.id}`, {
        name: 'Woningaanpassing (klein)',
      });
      expect(renamed.body.name).toBe('Woningaanpassing (klein)');
      expect(
        (await ik.request('consulentWmo', 'patch', `${CATALOGUE}/${created.body.id}`, { active: false }))
          .status,
      ).toBe(403);
      const pillarChange = await ik.request(
        'functioneelBeheerder',
        'patch',
        `${CATALOGUE}/${created.body.id}`,
        {
          pillar: 'JEUGD',
        },
      );
      expect(pillarChange.status).toBe(400);
    });

    it('keeps a retired product out of new indications and out of the default list', async () => {
      const retired = await ik.request(
        'functioneelBeheerder',
        'patch',
        `${CATALOGUE}/${PRODUCT_IDS.wmoCollectiefVervoer}`,
        {
          active: false,
        },
      );
      expect(retired.body.active).toBe(false);
      const listed = (await ik.get('consulentWmo', `${CATALOGUE}?pillar=WMO`)).body as { id: string }[];
      expect(listed.map((p) => p.id)).not.toContain(PRODUCT_IDS.wmoCollectiefVervoer);
      const withInactive = (await ik.get('consulentWmo', `${CATALOGUE}?pillar=WMO&includeInactive=true`))
        .body;
      expect(withInactive.map((p: { id: string }) => p.id)).toContain(PRODUCT_IDS.wmoCollectiefVervoer);
      const h = await ik.household('consulentWmo');
      const before = await ik.count('indication');
      const res = await ik.post('consulentWmo', `/api/v1/households/${h.id}/indications`, {
        pillar: 'WMO',
        productId: PRODUCT_IDS.wmoCollectiefVervoer,
        personId: h.adultId,
        meldingDate: '2026-06-01',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('productId');
      expect(await ik.count('indication')).toBe(before);
      await ik.request('functioneelBeheerder', 'patch', `${CATALOGUE}/${PRODUCT_IDS.wmoCollectiefVervoer}`, {
        active: true,
      });
    });

    it('leaks no secret and no BSN into logs or error answers', () => {
      kit.expectNothingLeaked();
      ik.expectNoBsnInLogs();
    });
  });

  /** On a database of its own: the demo seed runs on an empty installation. */
  describe('demo seed', () => {
    let d: TestApp;
    let dkit: IdentityKit;
    let seeded: { households: number; indications: number; samenloop: number };
    let demoHouseholds: number;
    const count = async (table: string) =>
      Number((await d.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

    beforeAll(async () => {
      d = await createTestApp((b) => b.overrideProvider(Clock).useValue(CLOCK()));
      dkit = new IdentityKit(d);
      await dkit.seedDemoUsers();
      demoHouseholds = (await d.app.get(DemoHouseholdsSeeder).seed()).households;
      seeded = await d.app.get(DemoIndicationsSeeder).seed();
    });
    afterAll(() => d.close());

    it('gives about 24% of the demo households indications from two or more pillars, most others one', async () => {
      expect(demoHouseholds).toBeGreaterThan(50);
      const { rows } = await d.db.query<{ pillars: string; households: string }>(
        `SELECT pillars, count(*) AS households FROM (
           SELECT h.id, (SELECT count(DISTINCT i.pillar) FROM indication i WHERE i.household_id = h.id) AS pillars
             FROM household h) x GROUP BY pillars`,
      );
      const byPillars = Object.fromEntries(rows.map((r) => [Number(r.pillars), Number(r.households)]));
      const samenloop = Object.entries(byPillars)
        .filter(([pillars]) => Number(pillars) >= 2)
        .reduce((sum, [, n]) => sum + n, 0);
      const total = Object.values(byPillars).reduce((sum, n) => sum + n, 0);
      expect(samenloop / total).toBeGreaterThanOrEqual(0.2);
      expect(samenloop / total).toBeLessThanOrEqual(0.28);
      expect(byPillars[1]).toBeGreaterThan(total / 2);
      expect(seeded.samenloop).toBe(samenloop);
    });

    it('uses realistic data: members of the household, products of the pillar, Jeugd for children', async () => {
      const { rows: strays } = await d.db.query(
        `SELECT i.id FROM indication i WHERE NOT EXISTS (
           SELECT 1 FROM household_member hm WHERE hm.household_id = i.household_id
              AND hm.person_id = i.person_id AND hm.left_on IS NULL)`,
      );
      expect(strays).toEqual([]);
      const { rows: adultsInJeugd } = await d.db.query(
        `SELECT i.id FROM indication i JOIN person p ON p.id = i.person_id
          WHERE i.pillar = 'JEUGD' AND p.birth_date <= date '2026-06-15' - interval '18 years'`,
      );
      expect(adultsInJeugd).toEqual([]);
      const { rows: statuses } = await d.db.query<{ status: string }>(
        `SELECT DISTINCT status FROM indication`,
      );
      expect(statuses.map((r) => r.status)).toEqual(
        expect.arrayContaining(['toegekend', 'in_behandeling', 'melding']),
      );
      const { rows: pillars } = await d.db.query<{ pillar: string }>(
        `SELECT DISTINCT pillar FROM indication`,
      );
      expect(pillars.map((r) => r.pillar).sort()).toEqual(['JEUGD', 'PARTICIPATIE', 'SHV', 'WMO']);
    });

    it('puts some procedures near or over their deadline, and the worklists show them', async () => {
      const { rows } = await d.db.query<{ overdue: string; soon: string }>(
        `SELECT count(*) FILTER (WHERE deadline < date '2026-06-15') AS overdue,
                count(*) FILTER (WHERE deadline BETWEEN date '2026-06-15' AND date '2026-06-25') AS soon
           FROM indication`,
      );
      expect(Number(rows[0].overdue)).toBeGreaterThan(0);
      expect(Number(rows[0].soon)).toBeGreaterThan(0);
      const get = async (user: 'consulentWmo' | 'teamleider', path: string) =>
        dkit.seen(
          await d
            .http()
            .get(path)
            .set(dkit.bearer(await dkit.as(user))),
        );
      const worklist = await get('consulentWmo', '/api/v1/worklists/procedures?scope=mine');
      expect(worklist.status).toBe(200);
      expect(worklist.body.total).toBeGreaterThan(0);
      const team = await get('teamleider', '/api/v1/worklists/procedures?scope=team');
      expect(team.body.total).toBeGreaterThanOrEqual(worklist.body.total);
    });

    it('is idempotent', async () => {
      const before = await count('indication');
      expect(await d.app.get(DemoIndicationsSeeder).seed()).toEqual({
        households: 0,
        indications: 0,
        samenloop: 0,
      });
      expect(await count('indication')).toBe(before);
    });

    it('leaks no secret and no BSN into logs or error answers', async () => {
      dkit.expectNothingLeaked();
      const { rows } = await d.db.query<{ bsn: string }>(`SELECT bsn FROM person`);
      const logs = d.logLines.join('\n');
      for (const { bsn } of rows) expect(logs).not.toContain(bsn);
    });

    it('is deterministic: a second database gets the same indications', async () => {
      const first = await fingerprint(d);
      const second = await createTestApp((b) => b.overrideProvider(Clock).useValue(CLOCK()));
      try {
        await new IdentityKit(second).seedDemoUsers();
        await second.app.get(DemoHouseholdsSeeder).seed();
        await second.app.get(DemoIndicationsSeeder).seed();
        expect(await fingerprint(second)).toEqual(first);
      } finally {
        await second.close();
      }
    });
  });
});
