import { randomUUID } from 'node:crypto';
import { ORGANISATION_KINDS } from '@app/access';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, ReferenceService, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from './identity-kit';

describe('reference data: seeded rows, fixed ids, admin validation', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let auth: Record<string, string>;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    auth = kit.bearer(await kit.as('functioneelBeheerder'));
  });
  afterAll(() => t.close());

  it('seeds the six municipalities, organisations and teams under the exported ids', async () => {
    const municipalities = (await t.db.query(`SELECT id, name FROM municipality ORDER BY name`)).rows;
    expect(municipalities.map((m) => m.name)).toEqual([
      'Eijsden-Margraten',
      'Gulpen-Wittem',
      'Maastricht',
      'Meerssen',
      'Vaals',
      'Valkenburg aan de Geul',
    ]);
    const ids = async (table: string) =>
      (await t.db.query(`SELECT id FROM ${table}`)).rows.map((r) => r.id).sort();
    expect(await ids('municipality')).toEqual(Object.values(MUNICIPALITY_IDS).sort());
    expect(await ids('organisation')).toEqual(Object.values(ORGANISATION_IDS).sort());
    expect(await ids('team')).toEqual(Object.values(TEAM_IDS).sort());
    const kinds = (await t.db.query(`SELECT DISTINCT kind FROM organisation`)).rows.map((r) => r.kind).sort();
    expect(kinds).toEqual([...ORGANISATION_KINDS].sort());
    const { rows } = await t.db.query(`SELECT name, kind FROM organisation WHERE id = $1`, [
      ORGANISATION_IDS.sociaalTeam3,
    ]);
    expect(rows[0]).toEqual({ name: 'Sociaal Team 3', kind: 'sociaal-team' });
  });

  it('seeds Maastricht neighbourhoods, a kern per Heuvelland municipality, and the named wijkservicepunten', async () => {
    const service = t.app.get(ReferenceService);
    const maastricht = (await service.listNeighbourhoods(MUNICIPALITY_IDS.maastricht)).map((n) => n.name);
    for (const name of [
      'Pottenberg',
      'Malpertuis',
      'Caberg',
      'Nazareth',
      'Malberg',
      'Wittevrouwenveld',
      'Campagne',
      'Oud-Caberg/Lanakerveld',
      'Mariaberg',
      'Wyckerpoort',
      'Limmel',
      'Boschpoort',
      'Bosscherveld',
      'Vroendaal',
    ]) {
      expect(maastricht).toContain(name);
    }
    expect((await service.listNeighbourhoods(MUNICIPALITY_IDS.vaals)).map((n) => n.name)).toEqual([
      'Kern Vaals',
    ]);
    const points = await service.listWijkservicepunten();
    expect(points.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Wijkservicepunt Nazareth',
        'Wijkservicepunt Pottenberg',
        'Wijkservicepunt De Rink',
      ]),
    );
    const nazareth = points.find((p) => p.name === 'Wijkservicepunt Nazareth');
    expect(
      await service.neighbourhoodInMunicipality(nazareth!.neighbourhoodId!, MUNICIPALITY_IDS.maastricht),
    ).toBe(true);
    expect(
      await service.neighbourhoodInMunicipality(nazareth!.neighbourhoodId!, MUNICIPALITY_IDS.vaals),
    ).toBe(false);
    expect(await service.municipalityExists(MUNICIPALITY_IDS.meerssen)).toBe(true);
    expect(await service.municipalityExists(randomUUID())).toBe(false);
    expect(await service.organisation(ORGANISATION_IDS.kbl)).toMatchObject({
      name: 'Kredietbank Limburg',
      kind: 'kbl',
    });
  });

  const post = (path: string, body: object) =>
    t.http().post(`/api/v1/reference/${path}`).set(auth).send(body);
  const count = async (table: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  it.each([
    [
      'neighbourhoods',
      { municipalityId: MUNICIPALITY_IDS.maastricht, name: 'pottenberg', inhabitants: 5 },
      409,
      'name',
      'neighbourhood',
    ],
    [
      'neighbourhoods',
      { municipalityId: MUNICIPALITY_IDS.maastricht, name: 'X', inhabitants: -1 },
      400,
      'inhabitants',
      'neighbourhood',
    ],
    [
      'neighbourhoods',
      { municipalityId: MUNICIPALITY_IDS.maastricht, name: '   ', inhabitants: 1 },
      400,
      'name',
      'neighbourhood',
    ],
    [
      'neighbourhoods',
      { municipalityId: randomUUID(), name: 'Nergens', inhabitants: 1 },
      404,
      'municipalityId',
      'neighbourhood',
    ],
    ['organisations', { name: 'Kredietbank LIMBURG', kind: 'kbl' }, 409, 'name', 'organisation'],
    ['organisations', { name: 'Nieuw', kind: 'bank' }, 400, 'kind', 'organisation'],
    ['teams', { organisationId: randomUUID(), name: 'Team X' }, 404, 'organisationId', 'team'],
    ['teams', { organisationId: ORGANISATION_IDS.szmh, name: 'SZMH Team Noordwest' }, 409, 'name', 'team'],
    [
      'wijkservicepunten',
      { municipalityId: MUNICIPALITY_IDS.vaals, neighbourhoodId: randomUUID(), name: 'W' },
      404,
      'neighbourhoodId',
      'wijkservicepunt',
    ],
    ['municipalities', { code: 'maastricht', name: 'Maastricht 2' }, 409, 'code', 'municipality'],
    ['municipalities', { code: 'Met Spaties', name: 'X' }, 400, 'code', 'municipality'],
  ] as const)('POST %s %j → %i naming %s', async (path, body, status, field, table) => {
    const before = await count(table);
    const res = kit.seen(await post(path, body));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count(table)).toBe(before);
  });

  it('refuses a wijkservicepunt in a neighbourhood of another municipality', async () => {
    const [pottenberg] = (await t.db.query(`SELECT id FROM neighbourhood WHERE name = 'Pottenberg'`)).rows;
    const res = kit.seen(
      await post('wijkservicepunten', {
        municipalityId: MUNICIPALITY_IDS.vaals,
        neighbourhoodId: pottenberg.id,
        name: 'W',
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'neighbourhoodId' })]);
  });

  it('creates and updates organisations, teams and wijkservicepunten', async () => {
    const org = await post('organisations', { name: 'Sociaal Team 9', kind: 'sociaal-team' });
    expect(org.status).toBe(201);
    const team = await post('teams', {
      organisationId: org.body.id,
      name: 'Sociaal Team 9',
      municipalityId: MUNICIPALITY_IDS.maastricht,
    });
    expect(team.status).toBe(201);
    const renamed = await t
      .http()
      .patch(`/api/v1/reference/teams/${team.body.id}`)
      .set(auth)
      .send({ name: 'Sociaal Team 9 Noord', municipalityId: null });
    expect(renamed.body).toMatchObject({
      name: 'Sociaal Team 9 Noord',
      municipalityId: null,
      organisationId: org.body.id,
    });
    const point = await post('wijkservicepunten', {
      municipalityId: MUNICIPALITY_IDS.maastricht,
      name: 'Wijkservicepunt Malberg',
    });
    expect(point.status).toBe(201);
    expect(point.body.neighbourhoodId).toBeNull();
    const teams = await t.http().get(`/api/v1/reference/teams?organisationId=${org.body.id}`).set(auth);
    expect(teams.body).toHaveLength(1);
    expect(
      kit.seen(
        await t.http().patch(`/api/v1/reference/organisations/${randomUUID()}`).set(auth).send({ name: 'X' }),
      ).status,
    ).toBe(404);
  });

  it('leaks no password, hash or token into logs or error bodies', () => {
    kit.expectNothingLeaked();
  });
});
