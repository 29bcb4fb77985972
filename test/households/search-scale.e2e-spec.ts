import { DataSource, Logger } from 'typeorm';
import { MUNICIPALITY_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

describe('households: search filters in SQL', () => {
  let t: TestApp;
  let kit: IdentityKit;
  const queries: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    // 10,000 households: 20 in Maastricht (visible to a Maastricht professional), the rest elsewhere.
    await t.db.query(`SET session_replication_role = replica`); // skip the regisseur trigger for bulk data
    await t.db.query(
      `INSERT INTO household (municipality_id, street, house_number, postcode, city)
       SELECT CASE WHEN g <= 20 THEN $1::uuid ELSE (ARRAY[$2, $3, $4])[1 + g % 3]::uuid END,
              'Straat', g::text, '6211AA', 'Plaats'
       FROM generate_series(1, 10000) g`,
      [
        MUNICIPALITY_IDS.maastricht,
        MUNICIPALITY_IDS.vaals,
        MUNICIPALITY_IDS.meerssen,
        MUNICIPALITY_IDS.gulpenWittem,
      ],
    );
    await t.db.query(`SET session_replication_role = DEFAULT`);
    const dataSource = t.app.get(DataSource);
    const original = dataSource.logger;
    dataSource.logger = new Proxy(original, {
      get: (target, prop) =>
        prop === 'logQuery' ? (query: string) => queries.push(query) : target[prop as keyof Logger],
    });
  });
  afterAll(() => t.close());

  it('returns exactly the 20 visible households from one filtered query', async () => {
    const session = await kit.as('consulentParticipatie');
    queries.length = 0;
    const res = await t
      .http()
      .post('/api/v1/households/search')
      .set(kit.bearer(session))
      .send({ pageSize: 100 });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(20);
    expect(res.body.items).toHaveLength(20);
    expect(
      res.body.items.every(
        (h: { municipalityId: string }) => h.municipalityId === MUNICIPALITY_IDS.maastricht,
      ),
    ).toBe(true);
    const householdQueries = queries.filter((q) => /FROM "household" "h"/.test(q));
    expect(householdQueries.length).toBeGreaterThan(0);
    for (const query of householdQueries) expect(query).toMatch(/"h"\."municipality_id" IN \(/);
  });

  it('counts all matches on every page, on the last one and past the end', async () => {
    const session = await kit.as('consulentParticipatie');
    const page = async (n: number) =>
      (
        await t
          .http()
          .post('/api/v1/households/search')
          .set(kit.bearer(session))
          .send({ pageSize: 7, page: n })
      ).body;
    expect(await page(1)).toMatchObject({ total: 20, items: expect.objectContaining({ length: 7 }) });
    expect(await page(3)).toMatchObject({ total: 20, items: expect.objectContaining({ length: 6 }) });
    expect(await page(4)).toMatchObject({ total: 20, items: [] });
  });

  it('gives a user of Meerssen and Vaals exactly their households, counted by the database', async () => {
    const session = await kit.as('consulentHeuvelland');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM household WHERE municipality_id = ANY($1)`,
      [[MUNICIPALITY_IDS.meerssen, MUNICIPALITY_IDS.vaals]],
    );
    queries.length = 0;
    const res = await t
      .http()
      .post('/api/v1/households/search')
      .set(kit.bearer(session))
      .send({ postcode: '6211AA' });
    expect(res.body.total).toBe(rows[0].n);
    const unfiltered = queries.filter(
      (q) => /FROM "household" "h"/.test(q) && !/municipality_id" IN/.test(q),
    );
    expect(unfiltered).toEqual([]);
  });
});
