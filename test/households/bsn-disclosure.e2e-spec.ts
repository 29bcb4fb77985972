import { MUNICIPALITY_IDS } from '@app/reference';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold, householdBody, nextBsn, rowCounts } from './household-kit';

/**
 * A BSN answer never tells a caller more than a BSN search would show them (DESIGN rules 1 and 9):
 * a person registered in a municipality the caller does not work for gets the same answer as one in
 * their own (registering anew) or as an unknown BSN (adding an existing person), and the attempt is
 * logged as denied for the privacy officer. Also: a create that committed always answers 201.
 */
describe('households: BSN answers reveal nothing outside the caller’s municipalities', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let wmo: LoggedIn;
  let jeugd: LoggedIn;
  let heuvelland: LoggedIn;
  let maastricht: Awaited<ReturnType<typeof createHousehold>>;
  let meerssen: Awaited<ReturnType<typeof createHousehold>>;
  let registered: { bsn: string; personId: string };

  const MEERSSEN = {
    municipalityId: MUNICIPALITY_IDS.meerssen,
    city: 'Meerssen',
    postcode: '6231 AB',
  };

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    wmo = await kit.as('consulentWmo');
    jeugd = await kit.as('consulentJeugd');
    heuvelland = await kit.as('consulentHeuvelland');
    maastricht = await createHousehold(t, kit, wmo);
    meerssen = await createHousehold(t, kit, heuvelland, MEERSSEN);
    const parent = maastricht.members[0];
    registered = { bsn: parent.person.bsn, personId: parent.personId };
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  /** What a caller can read from a refusal (instance and trace id differ per request by design). */
  const visible = (body: Record<string, unknown>) => ({
    status: body.status,
    type: body.type,
    title: body.title,
    detail: body.detail,
    errors: body.errors,
  });
  const deniedLogRows = async (personId: string) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM processing_log WHERE data_subject_id = $1 AND status_code = 'ERROR'`,
        [personId],
      )
    ).rows[0].n;
  const post = async (as: LoggedIn, path: string, body: object) =>
    kit.seen(await t.http().post(path).set(kit.bearer(as)).send(body));
  const withBsn = (bsn: string, overrides: object = {}) =>
    householdBody({ ...overrides, members: [{ ...householdBody().members[0], bsn }] });

  it('answers a new registration of a BSN known only elsewhere exactly as one known in the caller’s own municipality', async () => {
    const before = await rowCounts(t);
    const elsewhere = await post(heuvelland, '/api/v1/households', withBsn(registered.bsn, MEERSSEN));
    const own = await post(jeugd, '/api/v1/households', withBsn(registered.bsn));
    expect(elsewhere.status).toBe(409);
    expect(visible(elsewhere.body)).toEqual(visible(own.body));
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'members.0.bsn' })]);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/Maastricht|ander huishouden|gemeente/i);
    expect(await rowCounts(t)).toEqual(before);
    // Only the attempt from outside the person's municipality is a denied access to that person.
    expect(await deniedLogRows(registered.personId)).toBe(1);
  });

  it('answers adding a new member with a BSN known elsewhere the same way, on the member field', async () => {
    const person = { ...householdBody().members[0], bsn: registered.bsn };
    delete (person as { relation?: string }).relation;
    delete (person as { joinedOn?: string }).joinedOn;
    const body = { relation: 'other', joinedOn: '2024-01-01', person };
    const before = await rowCounts(t);
    const res = await post(heuvelland, `/api/v1/households/${meerssen.household.id}/members`, body);
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'person.bsn' })]);
    expect(await rowCounts(t)).toEqual(before);
    expect(await deniedLogRows(registered.personId)).toBe(2);
  });

  it('answers adding an existing person known only elsewhere exactly as an unknown BSN', async () => {
    const path = `/api/v1/households/${meerssen.household.id}/members`;
    const add = (bsn: string) =>
      post(heuvelland, path, { relation: 'other', joinedOn: '2024-01-01', existingBsn: bsn });
    const before = await rowCounts(t);
    const elsewhere = await add(registered.bsn);
    const unknown = await add(nextBsn());
    expect(elsewhere.status).toBe(400);
    expect(visible(elsewhere.body)).toEqual(visible(unknown.body));
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'existingBsn' })]);
    expect(await rowCounts(t)).toEqual(before);
    expect(await deniedLogRows(registered.personId)).toBe(3);
  });

  it('still tells a colleague of the same municipality, who could find the person by BSN, to move them', async () => {
    const own = await createHousehold(t, kit, jeugd);
    const res = await post(jeugd, `/api/v1/households/${own.household.id}/members`, {
      relation: 'other',
      joinedOn: '2024-01-01',
      existingBsn: registered.bsn,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/verhuizen/);
    expect(await deniedLogRows(registered.personId)).toBe(3);
  });

  it('answers 201 with the id and a Location when the dossier cannot be read after the commit', async () => {
    // Fault injection in the database itself: the dossier read's log entry (its last step) fails.
    await t.db.query(`
      CREATE FUNCTION fail_dossier_read() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected fault'; END $$;
      CREATE TRIGGER fail_dossier_read BEFORE INSERT ON access_audit FOR EACH ROW
        WHEN (NEW.action = 'read' AND NEW.resource_type = 'Household') EXECUTE FUNCTION fail_dossier_read();
    `);
    const body = householdBody();
    let res;
    try {
      res = await post(wmo, '/api/v1/households', body);
    } finally {
      await t.db.query(`DROP TRIGGER fail_dossier_read ON access_audit; DROP FUNCTION fail_dossier_read();`);
    }
    expect(res.status).toBe(201);
    const id = res.body.household.id as string;
    expect(res.body).toEqual({ household: { id }, complete: false });
    expect(res.headers.location).toBe(`/api/v1/households/${id}`);
    // Stored completely: the dossier is there, with its members and the creator as regisseur.
    const dossier = kit.seen(await t.http().get(res.headers.location).set(kit.bearer(wmo)));
    expect(dossier.status).toBe(200);
    expect(dossier.body.members.map((m: { person: { bsn: string } }) => m.person.bsn).sort()).toEqual(
      body.members.map((m) => m.bsn).sort(),
    );
    expect(dossier.body.caseTeam).toEqual([expect.objectContaining({ caseRole: 'regisseur' })]);
  });

  it('answers a normal create with the dossier and its Location', async () => {
    const res = await post(wmo, '/api/v1/households', householdBody());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/households/${res.body.household.id}`);
    expect(res.body.members).toHaveLength(2);
  });
});
