import { DemoBudgetsSeeder } from '@app/budgets';
import { Clock, FixedClock } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { DemoIndicationsSeeder } from '@app/indications';
import { DemoOutreachSeeder } from '@app/outreach';
import { DemoPlansSeeder } from '@app/plans';
import { DemoReviewsSeeder } from '@app/reviews';
import { ORGANISATION_IDS } from '@app/reference';
import { nextBsn } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { CaseText, writePlanAndBudget } from './case-records';
import { binary, NOT_PRIVACY_OFFICERS, pdfText, requester } from './privacy-kit';

const REQUESTS = '/api/v1/privacy/access-requests';

/** Plan and budget text about the person (in the export) and about the household (left out). */
/** The free text of a case review of the person's household (never in their export). */
const REVIEW_TEXT = {
  findings: 'Bespreking: de partner houdt de post achter',
  action: 'Regisseur spreekt de partner aan op de post',
  leerpunt: 'Vroeg met beide partners praten werkt beter',
};
const TEXT: CaseText = {
  ownWords: 'Wij willen als gezin rust over geld, ook voor oma Lieske',
  goal: 'Ik heb een betalingsregeling met de energieleverancier',
  note: 'Let op: eerdere regeling liep vast bij de verhuurder',
  action: 'Belt maandag de energieleverancier',
  outcome: 'De regeling loopt, eerste termijn betaald',
  justification: 'Koelkast kapot; zonder koelkast lukt het boodschappenplan niet',
  payee: 'Kringloopwinkel De Vondst',
  motivation: 'Goedkoper dan bijzondere bijstand en past bij het doel',
  reference: 'factuur KV-2026-0815',
};

interface PersonRow {
  id: string;
  bsn: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
}
interface ExportJson {
  format: string;
  personId: string;
  parts: {
    name: string;
    title: string;
    records: {
      kind: string;
      source: { type: string; id: string };
      fields: { key: string; label: string; value: unknown }[];
      note?: string;
    }[];
  }[];
  accesses: {
    organisation: { name: string } | null;
    roles: string[];
    activity: { id: string; name: string };
    purpose: string;
    legalBasis: string;
    outcome: string;
  }[];
  accessSummary: { organisation: string; count: number }[];
}

describe('privacy: AVG art. 15 access requests and the one export', () => {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00Z'));
  let t: TestApp;
  let kit: IdentityKit;
  let r: ReturnType<typeof requester>;
  let person: PersonRow;
  let others: PersonRow[];
  let coMember: PersonRow;
  let householdId: string;
  let requestId: string;
  let reviewId: string;
  let exported: ExportJson;
  let exportText: string;

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    r = requester(t, kit);
    await kit.seedDemoUsers();
    // The demo data of every module, as the demo start seeds it.
    await t.app.get(DemoHouseholdsSeeder).seed();
    await t.app.get(DemoIndicationsSeeder).seed();
    await t.app.get(DemoPlansSeeder).seed();
    await t.app.get(DemoBudgetsSeeder).seed();
    await t.app.get(DemoOutreachSeeder).seed();
    await t.app.get(DemoReviewsSeeder).seed();
    // A seeded parent who gave a consent, in a household of several members led by the Wmo consulent.
    const { rows } = await t.db.query(
      `SELECT c.person_id, c.household_id FROM consent c
         JOIN household_member m ON m.person_id = c.person_id AND m.household_id = c.household_id
         JOIN case_team_member ct ON ct.household_id = c.household_id AND ct.case_role = 'regisseur'
         JOIN user_account u ON u.id = ct.user_id AND u.email = 'consulent.wmo@demo.gezinsplan.nl'
        WHERE m.relation = 'parent' AND u.email = 'consulent.wmo@demo.gezinsplan.nl'
          AND (SELECT count(*) FROM household_member o WHERE o.household_id = c.household_id) >= 2
          AND EXISTS (SELECT 1 FROM plan p WHERE p.household_id = c.household_id)
        ORDER BY c.household_id LIMIT 1`,
    );
    householdId = rows[0].household_id;
    const people = (await t.db.query<PersonRow>(`SELECT * FROM person ORDER BY id`)).rows;
    person = people.find((p) => p.id === rows[0].person_id)!;
    others = people.filter((p) => p.id !== person.id);
    const members = await t.db.query(`SELECT person_id FROM household_member WHERE household_id = $1`, [
      householdId,
    ]);
    coMember = others.find((p) => members.rows.some((m: { person_id: string }) => m.person_id === p.id))!;
    for (const p of [person, coMember]) kit.secrets.add(p.bsn);

    // Case work that names the person, or their household: plan and maatwerkbudget ...
    await writePlanAndBudget(t, kit, householdId, person.id, '2026-11-20', TEXT);
    // ... and the household dossier.
    expect((await r.get('consulentWmo', `/api/v1/households/${householdId}`)).status).toBe(200);
    const add = (path: string, body: object) =>
      r.post('consulentWmo', `/api/v1/households/${householdId}/${path}`, body);
    expect(
      (
        await add('representatives', {
          personId: person.id,
          kind: 'bewindvoerder',
          name: 'mr. T. Vrijdag-Oosterhout',
          scope: 'financiën en post',
          startsOn: '2026-02-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add('referrals', {
          toOrganisationId: ORGANISATION_IDS.sociaalTeam3,
          personId: person.id,
          reason: 'Ondersteuning bij de eigen administratie',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add('referrals', {
          toOrganisationId: ORGANISATION_IDS.financialCoaches,
          reason: 'Huishouden wil hulp bij het maandbudget van de partner',
        })
      ).status,
    ).toBe(201);
    // A case review of the household by the teamleider: its free text is about the whole household.
    const review = await r.post('teamleider', `/api/v1/households/${householdId}/case-reviews`, {
      reviewedOn: '2026-11-16',
      participants: ['teamleider', 'regisseur'],
      findings: REVIEW_TEXT.findings,
      actions: [{ description: REVIEW_TEXT.action, owner: 'regisseur', dueOn: '2026-12-01' }],
      leerpunten: [{ theme: 'regie', text: REVIEW_TEXT.leerpunt }],
    });
    expect(review.status).toBe(201);
    reviewId = review.body.id;
    // A refused attempt from outside the municipality, and an emergency opening.
    expect((await r.get('consulentHeuvelland', `/api/v1/households/${householdId}`)).status).toBe(404);
    expect(
      (
        await r.post('consulentJeugd', `/api/v1/households/${householdId}/break-glass`, {
          category: 'acute-veiligheid',
          reason: 'Melding crisisdienst buiten kantoortijd',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const exportAs = async (id: string, format: string) =>
    t
      .http()
      .post(`${REQUESTS}/${id}/export`)
      .set(kit.bearer(await kit.as('privacyOfficer')))
      .send({ format })
      .buffer(true)
      .parse(binary);

  it('registers a request by BSN with its one-month deadline, naming nobody', async () => {
    const res = await r.post('privacyOfficer', REQUESTS, {
      bsn: person.bsn,
      receivedOn: '2026-11-18',
      channel: 'brief',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: 'AVG-2026-0001',
      personId: person.id,
      receivedOn: '2026-11-18',
      channel: 'brief',
      deadline: '2026-12-18',
      status: 'open',
      daysLeft: 28,
      overdue: false,
      deliveredOn: null,
    });
    requestId = res.body.id;
    const text = JSON.stringify(res.body);
    for (const secret of [person.bsn, person.given_names, person.family_name])
      expect(text).not.toContain(secret);
    const { rows } = await t.db.query(
      `SELECT l.data_subject_id FROM access_audit a JOIN processing_log l USING (trace_id, span_id)
        WHERE a.processing_activity_id = 'privacy.access-request.export' AND a.action = 'create'`,
    );
    expect(rows).toEqual([{ data_subject_id: person.id }]);
  });

  it('exports as JSON every record that names the person (walking every *person_id column)', async () => {
    const res = await exportAs(requestId, 'json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="inzage-AVG-2026-0001.json"');
    exportText = (res.body as Buffer).toString('utf8');
    exported = JSON.parse(exportText);
    expect(exported.format).toBe('gezinsplan.avg-inzage.v1');
    expect(exported.parts.map((p) => p.name)).toEqual(
      expect.arrayContaining(['households', 'plans', 'budgets', 'access-requests']),
    );

    const sources = new Set(
      exported.parts.flatMap((p) => p.records.map((x) => `${x.source.type}:${x.source.id}`)),
    );
    expect(sources).toContain(`person:${person.id}`);
    // Every column of every module that holds a person id (or a list of them), in any table.
    const { rows: columns } = await t.db.query(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND (c.column_name LIKE '%person_id' AND c.data_type = 'uuid'
               OR c.column_name LIKE '%person_ids' AND c.udt_name = '_uuid')`,
    );
    const walked: string[] = [];
    for (const { table_name, column_name, data_type } of columns) {
      const match = data_type === 'uuid' ? `"${column_name}" = $1` : `$1 = ANY ("${column_name}")`;
      const { rows } = await t.db.query(`SELECT id FROM "${table_name}" WHERE ${match}`, [person.id]);
      for (const row of rows) walked.push(`${table_name}:${row.id}`);
    }
    const tables = new Set(walked.map((w) => w.split(':')[0]));
    for (const table of ['household_member', 'representative', 'consent', 'referral', 'access_request'])
      expect(tables).toContain(table);
    for (const table of ['plan_goal', 'plan_action', 'plan_version', 'budget_request'])
      expect(tables).toContain(table);
    // A case review names the household, not the person: listed (when, how many actions and leerpunten)
    // for the households the person lived in on the day of the review, without its text.
    expect(exported.parts.map((p) => p.name)).toContain('reviews');
    expect(sources).toContain(`case_review:${reviewId}`);
    const { rows: reviewsOfHouseholds } = await t.db.query(
      `SELECT 'case_review:' || r.id AS source FROM case_review r JOIN household_member m
          ON m.household_id = r.household_id AND m.person_id = $1
         AND r.reviewed_on >= m.joined_on AND (m.left_on IS NULL OR r.reviewed_on <= m.left_on)`,
      [person.id],
    );
    for (const { source } of reviewsOfHouseholds) expect(sources).toContain(source);
    const reviewSources = [...sources].filter((x) => x.startsWith('case_review:'));
    expect(reviewSources.sort()).toEqual(reviewsOfHouseholds.map((x) => x.source).sort());
    for (const record of walked) expect(sources).toContain(record);
    // Records that name the person through another record: their payments, their goals' evaluations.
    const payments = await t.db.query(
      `SELECT p.id FROM budget_payment p JOIN budget_request r ON r.id = p.request_id WHERE r.person_id = $1`,
      [person.id],
    );
    expect(payments.rows.length).toBeGreaterThan(0);
    for (const { id } of payments.rows) expect(sources).toContain(`budget_payment:${id}`);
    expect([...sources].some((x) => x.startsWith('plan_evaluation_outcome:'))).toBe(true);
    for (const own of [
      TEXT.goal,
      TEXT.note,
      TEXT.action,
      TEXT.outcome,
      TEXT.justification,
      TEXT.payee,
      TEXT.motivation,
      TEXT.reference,
    ])
      expect(exportText).toContain(own);

    const fields = new Map(
      exported.parts[0].records
        .find((x) => x.kind === 'Persoonsgegevens')!
        .fields.map((f) => [f.key, f.value]),
    );
    expect(fields.get('bsn')).toBe(person.bsn);
    expect(fields.get('familyName')).toBe(person.family_name);
  });

  it('contains no personal data of anyone else', async () => {
    const values = new Set(
      exported.parts.flatMap((p) => p.records.flatMap((x) => x.fields.map((f) => String(f.value)))),
    );
    for (const other of others) {
      expect(exportText).not.toContain(other.bsn);
      if (other.given_names !== person.given_names) expect(values).not.toContain(other.given_names);
    }
    // The household-level referral is listed without its reason, which may be about others; the same
    // for the plan's own words.
    expect(exportText).not.toContain('maandbudget van de partner');
    expect(exportText).not.toContain(TEXT.ownWords);
    for (const text of Object.values(REVIEW_TEXT)) expect(exportText).not.toContain(text);
    // Goals, actions and budget requests of other members are not in it.
    const { rows: othersRecords } = await t.db.query(
      `SELECT 'plan_goal:' || id AS source FROM plan_goal WHERE owner_person_id <> $1 AND household_id = $2
       UNION SELECT 'plan_action:' || id FROM plan_action WHERE actor_person_id <> $1 AND household_id = $2
       UNION SELECT 'budget_request:' || id FROM budget_request WHERE person_id IS DISTINCT FROM $1 AND household_id = $2`,
      [person.id, householdId],
    );
    const exportedSources = new Set(
      exported.parts.flatMap((p) => p.records.map((x) => `${x.source.type}:${x.source.id}`)),
    );
    for (const { source } of othersRecords) expect(exportedSources).not.toContain(source);
    const referrals = exported.parts[0].records.filter((x) => x.source.type === 'referral');
    expect(referrals).toHaveLength(2);
    expect(referrals.find((x) => x.note)?.fields.map((f) => f.key)).not.toContain('reason');
    expect(exportText).toContain('Ondersteuning bij de eigen administratie');
    expect(exportText).toContain('mr. T. Vrijdag-Oosterhout');
    // Professionals are named by organisation and role, never by name.
    for (const employee of ['Sanne Janssen', 'Bram Vrancken', 'Luc Hermans']) {
      if (!`${person.given_names} ${person.family_name}`.includes(employee))
        expect(exportText).not.toContain(employee);
    }
    expect(exportText).not.toContain('userId');
  });

  it('lists which organisations and roles processed the data, why, and the refused attempt', () => {
    const read = exported.accesses.find(
      (a) => a.activity.id === 'households.dossier.read' && a.outcome === 'allowed',
    );
    expect(read).toMatchObject({ organisation: { name: 'SZMH' }, roles: ['consulent'] });
    expect(read!.purpose.length).toBeGreaterThan(10);
    expect(read!.legalBasis).toMatch(/Wmo|AVG/);
    expect(
      exported.accesses.some((a) => a.activity.id === 'households.dossier.read' && a.outcome === 'denied'),
    ).toBe(true);
    expect(exported.accesses.some((a) => a.activity.id === 'access.break-the-glass')).toBe(true);
    expect(exported.accessSummary.reduce((n, s) => n + s.count, 0)).toBe(exported.accesses.length);
  });

  it('exports a readable Dutch PDF with the same content', async () => {
    const res = await exportAs(requestId, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Inzage in uw persoonsgegevens');
    expect(text).toContain('AVG-2026-0001');
    expect(text).toContain(person.bsn);
    expect(text).toContain(person.family_name);
    expect(text).toContain('mr. T. Vrijdag-Oosterhout');
    const consentedTo = await t.db.query(
      `SELECT o.name FROM consent c JOIN organisation o ON o.id = c.organisation_id WHERE c.person_id = $1`,
      [person.id],
    );
    expect(consentedTo.rows.length).toBeGreaterThan(0);
    for (const { name } of consentedTo.rows) expect(text).toContain(name);
    const { rows } = await t.db.query(
      `SELECT name FROM processing_activity WHERE id IN ('households.dossier.read', 'access.break-the-glass')`,
    );
    for (const { name } of rows) expect(text).toContain(name);
    expect(text).toMatch(/Geweigerd/);
    expect(text).toMatch(/Autoriteit\s+Persoonsgegevens/);
    for (const other of others) expect(text).not.toContain(other.bsn);
  });

  it('logs each export with the person as data subject', async () => {
    const { rows } = await t.db.query(
      `SELECT a.resource_id, l.data_subject_id FROM access_audit a JOIN processing_log l USING (trace_id, span_id)
        WHERE a.processing_activity_id = 'privacy.access-request.export' AND a.action = 'export'`,
    );
    expect(rows).toEqual([
      { resource_id: requestId, data_subject_id: person.id },
      { resource_id: requestId, data_subject_id: person.id },
    ]);
  });

  it('records the delivery date, once', async () => {
    const res = await r.post('privacyOfficer', `${REQUESTS}/${requestId}/delivery`, {
      deliveredOn: '2026-11-20',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'delivered', deliveredOn: '2026-11-20', deliveredLate: false });
    expect(res.body.daysLeft).toBeNull();
    expect(
      (await r.post('privacyOfficer', `${REQUESTS}/${requestId}/delivery`, { deliveredOn: '2026-11-20' }))
        .status,
    ).toBe(409);
  });

  it('shows the clock: days left, overdue, and filters by status', async () => {
    const late = await r.post('privacyOfficer', REQUESTS, {
      bsn: coMember.bsn,
      receivedOn: '2026-09-01',
      channel: 'balie',
    });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ deadline: '2026-10-01', overdue: true, daysLeft: -50 });
    // No delivery before the export was made.
    expect(
      (await r.post('privacyOfficer', `${REQUESTS}/${late.body.id}/delivery`, { deliveredOn: '2026-11-20' }))
        .status,
    ).toBe(409);
    const ids = async (status: string) =>
      ((await r.get('privacyOfficer', `${REQUESTS}?status=${status}`)).body.items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await ids('overdue')).toEqual([late.body.id]);
    expect(await ids('open')).toEqual([late.body.id]);
    expect(await ids('delivered')).toEqual([requestId]);
    const one = await r.get('privacyOfficer', `${REQUESTS}/${requestId}`);
    expect(one.body).toMatchObject({ id: requestId, status: 'delivered' });
    const all = await r.get('privacyOfficer', REQUESTS);
    expect(all.body.total).toBe(2);
    const text = JSON.stringify(all.body);
    for (const p of [person, coMember]) {
      for (const secret of [p.bsn, p.given_names]) expect(text).not.toContain(secret);
    }
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const field = async (res: { status: number; body: { errors?: { field: string }[] } }, name: string) => {
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(name);
    };
    const register = (body: object) =>
      r.post('privacyOfficer', REQUESTS, {
        bsn: person.bsn,
        receivedOn: '2026-11-18',
        channel: 'brief',
        ...body,
      });
    await field(await register({ bsn: '123456789' }), 'bsn');
    await field(await register({ bsn: nextBsn() }), 'bsn');
    await field(await register({ receivedOn: '2026-11-21' }), 'receivedOn');
    await field(await register({ receivedOn: '2026-02-30' }), 'receivedOn');
    await field(await register({ channel: 'fax' }), 'channel');
    await field(await register({ extra: 'x' }), 'extra');
    await field(
      await r.post('privacyOfficer', `${REQUESTS}/${requestId}/export`, { format: 'doc' }),
      'format',
    );
    await field(await r.get('privacyOfficer', `${REQUESTS}?status=lost`), 'status');
    await field(await r.get('privacyOfficer', `${REQUESTS}/not-an-id`), 'id');
    const other = await register({ receivedOn: '2026-11-10' });
    await exportAs(other.body.id, 'json');
    await field(
      await r.post('privacyOfficer', `${REQUESTS}/${other.body.id}/delivery`, { deliveredOn: '2026-11-09' }),
      'deliveredOn',
    );
    await field(
      await r.post('privacyOfficer', `${REQUESTS}/${other.body.id}/delivery`, { deliveredOn: '2026-11-21' }),
      'deliveredOn',
    );
    expect((await r.get('privacyOfficer', `${REQUESTS}/00000000-0000-4000-8000-000000000000`)).status).toBe(
      404,
    );
  });

  it('is for the privacy officer only (others 403)', async () => {
    for (const role of NOT_PRIVACY_OFFICERS) {
      expect(
        (await r.post(role, REQUESTS, { bsn: person.bsn, receivedOn: '2026-11-18', channel: 'brief' }))
          .status,
      ).toBe(403);
      expect((await r.get(role, REQUESTS)).status).toBe(403);
      expect((await r.get(role, `${REQUESTS}/${requestId}`)).status).toBe(403);
      expect((await r.post(role, `${REQUESTS}/${requestId}/export`, { format: 'json' })).status).toBe(403);
      expect(
        (await r.post(role, `${REQUESTS}/${requestId}/delivery`, { deliveredOn: '2026-11-20' })).status,
      ).toBe(403);
    }
  });

  it('extends the term once by two months (AVG art. 12 lid 3), within the first month, with a reason', async () => {
    const received = await r.post('privacyOfficer', REQUESTS, {
      bsn: person.bsn,
      receivedOn: '2026-11-02',
      channel: 'digitaal',
    });
    expect(received.body).toMatchObject({ deadline: '2026-12-02', extension: null });
    const extend = (id: string, body: object, as: Parameters<typeof r.post>[0] = 'privacyOfficer') =>
      r.post(as, `${REQUESTS}/${id}/extension`, body);
    const body = {
      reason: 'Gegevens uit vier domeinen en drie organisaties over tien jaar; veel verzoeken tegelijk.',
      informedOn: '2026-11-19',
    };
    for (const role of NOT_PRIVACY_OFFICERS)
      expect((await extend(received.body.id, body, role)).status).toBe(403);
    const invalid = async (overrides: object, name: string) => {
      const res = await extend(received.body.id, { ...body, ...overrides });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
    };
    await invalid({ reason: 'druk' }, 'reason');
    await invalid({ informedOn: '2026-11-21' }, 'informedOn');
    await invalid({ informedOn: '2026-11-01' }, 'informedOn');
    await invalid({ informedOn: '2026-11-31' }, 'informedOn');

    const res = await extend(received.body.id, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      originalDeadline: '2026-12-02',
      deadline: '2027-02-02',
      daysLeft: 74,
      overdue: false,
      extension: { deadline: '2027-02-02', reason: body.reason, informedOn: '2026-11-19' },
    });
    expect((await r.get('privacyOfficer', `${REQUESTS}/${received.body.id}`)).body.deadline).toBe(
      '2027-02-02',
    );
    // Once only; and not after the first month.
    expect((await extend(received.body.id, body)).status).toBe(409);
    const late = await r.post('privacyOfficer', REQUESTS, {
      bsn: coMember.bsn,
      receivedOn: '2026-09-01',
      channel: 'balie',
    });
    expect((await extend(late.body.id, { ...body, informedOn: '2026-09-15' })).status).toBe(409);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE processing_activity_id = 'privacy.access-request.export'
          AND action = 'update' AND resource_id = $1`,
      [received.body.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
