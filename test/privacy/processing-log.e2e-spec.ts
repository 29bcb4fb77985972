import { DEMO_EMAILS } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { createHousehold, householdBody, nextBsn, userId } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { insertSpan, NOT_PRIVACY_OFFICERS, requester } from './privacy-kit';

const SEARCH = '/api/v1/privacy/processing-log/search';
const ACCESSES = '/api/v1/privacy/processing-log/person-accesses';
const INTEGRITY = '/api/v1/privacy/processing-log/integrity';
const EXPORT = '/api/v1/privacy/processing-log/export';

interface Entry {
  spanId: string;
  user: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  activity: { id: string; name: string };
  purpose: string;
  legalBasis: string;
  outcome: string;
}

describe('privacy: the processing log for the privacy officer', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let r: ReturnType<typeof requester>;
  const bsn = nextBsn();
  const otherBsn = nextBsn();
  let person: string;
  let household: string;
  let otherHousehold: string;
  let otherPerson: string;
  let teamleider: string;
  let shv: string;
  const spans: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    r = requester(t, kit);
    await kit.seedDemoUsers();
    kit.secrets.add(bsn);
    kit.secrets.add(otherBsn);
    const wmo = await kit.as('consulentWmo');
    const members = (b: string, given: string) => [
      { ...householdBody().members[0], bsn: b, givenNames: given, familyName: 'Quarlesworth' },
    ];
    const h1 = await createHousehold(t, kit, wmo, {
      street: 'Zonnewijzerpad',
      members: members(bsn, 'Xanthe'),
    });
    const h2 = await createHousehold(t, kit, wmo, {
      street: 'Zonnewijzerpad',
      members: members(otherBsn, 'Ysolde'),
    });
    household = h1.household.id;
    person = h1.members[0].personId;
    otherHousehold = h2.household.id;
    otherPerson = h2.members[0].personId;
    await r.get('consulentWmo', `/api/v1/households/${household}`);
    expect((await r.get('beleidsmedewerker', `/api/v1/households/${otherHousehold}`)).status).toBe(403);
    teamleider = await userId(t, DEMO_EMAILS.teamleider);
    shv = await userId(t, DEMO_EMAILS.schuldhulpverlener);
    // Spans at chosen moments (2024, before any real activity), written as the owner: the trigger chains them.
    spans.march1 = await insertSpan(t, {
      at: '2024-03-01T10:00:00Z',
      userId: teamleider,
      organisationId: ORGANISATION_IDS.szmh,
      roles: ['teamleider'],
      householdId: household,
      persons: [person],
    });
    // 23:30 UTC on 15 March is 00:30 on 16 March in Maastricht.
    spans.march16 = await insertSpan(t, {
      at: '2024-03-15T23:30:00Z',
      userId: shv,
      organisationId: ORGANISATION_IDS.kbl,
      roles: ['schuldhulpverlener'],
      householdId: otherHousehold,
      persons: [otherPerson],
      outcome: 'denied',
    });
    spans.april1 = await insertSpan(t, {
      at: '2024-04-01T08:00:00Z',
      userId: teamleider,
      organisationId: ORGANISATION_IDS.szmh,
      roles: ['teamleider'],
      households: [otherHousehold],
    });
    spans.beforeJoining = await insertSpan(t, {
      at: '2019-06-01T08:00:00Z',
      userId: teamleider,
      households: [household],
    });
    spans.householdOnly = await insertSpan(t, {
      at: '2024-05-01T08:00:00Z',
      userId: teamleider,
      organisationId: ORGANISATION_IDS.szmh,
      households: [household],
    });
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const expected = async (where: string, params: unknown[]) =>
    (
      await t.db.query(
        `SELECT a.span_id FROM access_audit a WHERE ${where} AND a.processing_activity_id NOT LIKE 'privacy.%'
         ORDER BY a.id DESC`,
        params,
      )
    ).rows.map((row: { span_id: string }) => row.span_id);
  const withSubject = (type: string) =>
    `EXISTS (SELECT 1 FROM processing_log l WHERE l.trace_id = a.trace_id AND l.span_id = a.span_id
             AND l.data_subject_type = '${type}' AND l.data_subject_id = $1)`;
  const search = async (body: object) => {
    const res = await r.post('privacyOfficer', SEARCH, { pageSize: 200, ...body });
    expect(res.status).toBe(200);
    return res.body as { items: Entry[]; total: number; page: number; pageSize: number };
  };
  /** The spans found, leaving out the officer's own earlier log reads (those are checked separately). */
  const found = (body: { items: (Entry & { activity: { id: string } })[] }) =>
    body.items.filter((e) => !e.activity.id.startsWith('privacy.')).map((e) => e.spanId);

  it('finds by BSN exactly the spans with the person as data subject, without naming anyone', async () => {
    const body = await search({ bsn });
    const want = await expected(withSubject('person'), [person]);
    expect(want).toContain(spans.march1);
    expect(want.length).toBeGreaterThanOrEqual(3); // created, dossier read, March span
    expect(found(body)).toEqual(want);
    const text = JSON.stringify(body);
    for (const secret of [bsn, 'Xanthe', 'Quarlesworth', 'Zonnewijzerpad'])
      expect(text).not.toContain(secret);
    const march = body.items.find((e) => e.spanId === spans.march1)!;
    expect(march).toMatchObject({
      user: { id: teamleider, name: 'Joep Smeets' },
      roles: ['teamleider'],
      organisation: { id: ORGANISATION_IDS.szmh },
      activity: { id: 'households.dossier.read' },
      outcome: 'allowed',
      dataSubjects: [{ type: 'person', id: person }],
    });
    expect(march.purpose.length).toBeGreaterThan(10);
    expect(march.legalBasis.length).toBeGreaterThan(5);
  });

  it('logs the search itself, with the person as data subject and never the BSN', async () => {
    await search({ bsn });
    const { rows } = await t.db.query(
      `SELECT a.user_id, a.action, a.reason, l.data_subject_id FROM access_audit a
         JOIN processing_log l ON l.trace_id = a.trace_id AND l.span_id = a.span_id
        WHERE a.processing_activity_id = 'privacy.processing-log.search' AND l.data_subject_id = $1`,
      [person],
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({
      user_id: await userId(t, DEMO_EMAILS.privacyOfficer),
      action: 'search',
      reason: 'criteria: bsn',
    });
    const all = await t.db.query(`SELECT reason FROM access_audit WHERE reason IS NOT NULL`);
    expect(JSON.stringify(all.rows)).not.toContain(bsn);
  });

  it('finds by user exactly that user’s spans', async () => {
    const want = await expected('a.user_id = $1', [teamleider]);
    expect(want).toEqual(
      expect.arrayContaining([spans.march1, spans.april1, spans.beforeJoining, spans.householdOnly]),
    );
    expect(found(await search({ userId: teamleider }))).toEqual(want);
  });

  it('finds by household the spans on it and those with it as data subject', async () => {
    const want = await expected(`(a.household_id = $1 OR ${withSubject('household')})`, [otherHousehold]);
    expect(want).toEqual(expect.arrayContaining([spans.march16, spans.april1]));
    expect(found(await search({ householdId: otherHousehold }))).toEqual(want);
  });

  it('finds by period in Maastricht days, inclusive', async () => {
    expect(found(await search({ from: '2024-03-16', to: '2024-03-31' }))).toEqual([spans.march16]);
    expect(found(await search({ from: '2024-03-15', to: '2024-03-15' }))).toEqual([]);
    expect(found(await search({ to: '2024-03-01' }))).toEqual([spans.beforeJoining, spans.march1]);
  });

  it('finds by outcome, also combined with other criteria', async () => {
    const denied = await expected(`a.outcome = 'denied'`, []);
    expect(denied.length).toBeGreaterThanOrEqual(2); // the March span and the beleidsmedewerker's attempt
    expect(found(await search({ outcome: 'denied' }))).toEqual(denied);
    expect(found(await search({ outcome: 'denied', from: '2024-01-01', to: '2024-12-31' }))).toEqual([
      spans.march16,
    ]);
    expect(found(await search({ outcome: 'allowed', userId: shv }))).toEqual([]);
  });

  it('pages through the results', async () => {
    const all = await search({ userId: teamleider });
    const first = await search({ userId: teamleider, pageSize: 2, page: 1 });
    const second = await search({ userId: teamleider, pageSize: 2, page: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((e) => e.spanId)).toEqual(
      all.items.slice(0, 4).map((e) => e.spanId),
    );
  });

  it('shows who looked at a person and why: as data subject, and their household while they lived there', async () => {
    const res = await r.post('privacyOfficer', ACCESSES, { bsn, pageSize: 200 });
    expect(res.status).toBe(200);
    const ids = (res.body.items as Entry[]).map((e) => e.spanId);
    expect(ids).toEqual(expect.arrayContaining([spans.march1, spans.householdOnly]));
    expect(ids).not.toContain(spans.beforeJoining); // the member joined on 2020-01-01
    expect(ids).not.toContain(spans.april1);
    const entry = (res.body.items as Entry[]).find((e) => e.spanId === spans.householdOnly)!;
    expect(entry.user?.name).toBe('Joep Smeets');
    expect(entry.organisation?.name).toBe('SZMH');
    expect(entry.activity.name.length).toBeGreaterThan(3);
    expect(JSON.stringify(res.body)).not.toContain('Quarlesworth');
  });

  it('verifies the hash chain, and names a row changed behind the triggers’ back', async () => {
    const ok = await r.get('privacyOfficer', INTEGRITY);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true });
    expect(ok.body.rows).toBeGreaterThan(10);

    // Sealed by the check above.
    const { rows } = await t.db.query(
      `SELECT s.chain_seq, l.id, l.data_subject_id FROM processing_log l
         JOIN processing_log_seal s ON s.log_id = l.id WHERE l.span_id = $1`,
      [spans.march1],
    );
    const tamper = async (value: string) => {
      const client = await t.db.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL session_replication_role = replica');
        await client.query(`UPDATE processing_log SET data_subject_id = $1 WHERE id = $2`, [
          value,
          rows[0].id,
        ]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    await tamper('someone-else');
    const broken = await r.get('privacyOfficer', INTEGRITY);
    expect(broken.body).toMatchObject({
      ok: false,
      table: 'processing_log',
      chainSeq: Number(rows[0].chain_seq),
      reason: expect.stringMatching(/row_hash/),
    });
    await tamper(rows[0].data_subject_id);
    expect((await r.get('privacyOfficer', INTEGRITY)).body).toMatchObject({ ok: true });
    const checks = await t.db.query(
      `SELECT reason FROM access_audit WHERE resource_type = 'ProcessingLogChain' ORDER BY id`,
    );
    expect(checks.rows.map((row: { reason: string }) => row.reason)).toEqual([
      'ketencontrole: intact',
      `ketencontrole: breuk in processing_log bij ${rows[0].chain_seq}`,
      'ketencontrole: intact',
    ]);
  });

  it('exports a selection as CSV and as JSON, and logs the export', async () => {
    const listed = await search({ userId: teamleider });
    const csv = await t
      .http()
      .post(EXPORT)
      .set(kit.bearer(await kit.as('privacyOfficer')))
      .send({ userId: teamleider, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="verwerkingenlogging-.*\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^"occurredAt","traceId","spanId","userId","userName"/);
    expect(lines).toHaveLength(listed.total + 1);
    expect(csv.text).toContain(spans.april1);

    const json = await t
      .http()
      .post(EXPORT)
      .set(kit.bearer(await kit.as('privacyOfficer')))
      .send({ userId: teamleider, format: 'json' });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const exported = JSON.parse(json.text);
    expect(exported.items.map((e: Entry) => e.spanId)).toEqual(listed.items.map((e) => e.spanId));
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE processing_activity_id = 'privacy.processing-log.search'
       AND action = 'export'`,
    );
    expect(rows[0].n).toBe(2);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const field = async (path: string, body: object, name: string, status = 400) => {
      const res = await r.post('privacyOfficer', path, body);
      expect(res.status).toBe(status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
    };
    await field(SEARCH, { bsn: '123456789' }, 'bsn');
    await field(SEARCH, { bsn: nextBsn() }, 'bsn'); // valid, but nobody has it
    await field(SEARCH, { bsn, personId: person }, 'personId');
    await field(SEARCH, { personId: 'not-a-uuid' }, 'personId');
    await field(SEARCH, { pageSize: 1000 }, 'pageSize');
    await field(SEARCH, { page: 0 }, 'page');
    await field(SEARCH, { from: '2024-02-30' }, 'from');
    await field(SEARCH, { from: '2024-03-10', to: '2024-03-01' }, 'to');
    await field(SEARCH, { outcome: 'maybe' }, 'outcome');
    await field(SEARCH, { activityId: 'DROP TABLE' }, 'activityId');
    await field(SEARCH, { name: 'Quarlesworth' }, 'name');
    await field(ACCESSES, {}, 'bsn');
    await field(EXPORT, { format: 'xml' }, 'format');
  });

  it('is for the privacy officer only (others 403), and every refusal is logged', async () => {
    for (const role of NOT_PRIVACY_OFFICERS) {
      expect((await r.post(role, SEARCH, { bsn })).status).toBe(403);
      expect((await r.post(role, ACCESSES, { bsn })).status).toBe(403);
      expect((await r.get(role, INTEGRITY)).status).toBe(403);
      expect((await r.post(role, EXPORT, { format: 'csv' })).status).toBe(403);
    }
    expect((await t.http().post(SEARCH).send({ bsn })).status).toBe(401);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit
        WHERE processing_activity_id = 'privacy.processing-log.search' AND outcome = 'denied'`,
    );
    expect(rows[0].n).toBe(NOT_PRIVACY_OFFICERS.length * 4);
  });
});
