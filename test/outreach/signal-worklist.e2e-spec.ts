import { Clock } from '@app/core';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { nextBsn } from '../households/household-kit';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { csv, csvLine, CSV_HEADER, expectNoBsnInLogs, fixedClock, importCsv } from './outreach-kit';

interface Signal {
  id: string;
  reference: string;
  priority: number;
  priorityLabel: string;
  multiple: boolean;
  repeated: boolean;
  creditor: string;
  receivedOn: string;
  wgsClock: { dueOn: string; status: string } | null;
}

describe('outreach: signal worklist, follow-up and feedback', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let coach: LoggedIn;
  let kbl: LoggedIn;
  const bsns = new Set<string>();
  const bsn = () => {
    const value = nextBsn();
    bsns.add(value);
    return value;
  };
  const byCreditor = new Map<string, Signal>();

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(fixedClock()));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    coach = await kit.as('financialCoach');
    kbl = await kit.as('schuldhulpverlener');
    const x = { postcode: '6222AB', houseNumber: 5 };
    const y = { postcode: '6216CD', houseNumber: 7 };
    const z = { postcode: '6221EF', houseNumber: 9 };
    const [atX, atY, atZ] = [bsn(), bsn(), bsn()];
    // An old signal at address Y, more than six months before the new one: it does not count as repeated.
    await t.db.query(
      `INSERT INTO arrears_signal (municipality_id, owner_organisation_id, creditor_type, creditor, creditor_key,
         bsn, postcode, house_number, address_key, arrears_cents, arrears_months, received_on)
       VALUES ($1, $2, 'water', 'WML', 'wml', $3, '6216CD', 7, '6216CD|7|', 5000, 1, '2026-04-30')`,
      [MUNICIPALITY_IDS.maastricht, ORGANISATION_IDS.financialCoaches, atY],
    );
    const file = [
      CSV_HEADER + ';dreiging',
      // X: two creditors within six months -> multiple.
      csvLine({ bsn: atX, creditor: 'X-huur', receivedOn: '2026-09-01', ...x }) + ';nee',
      csvLine({ bsn: atX, creditor: 'X-energie', type: 'energie', receivedOn: '2026-10-15', ...x }) + ';nee',
      // Y: the same water company twice within six months -> repeated.
      csvLine({ bsn: atY, creditor: 'WML', type: 'water', receivedOn: '2026-06-01', ...y }) + ';nee',
      csvLine({ bsn: atY, creditor: 'wml', type: 'water', receivedOn: '2026-11-01', ...y }) + ';nee',
      // Z: a landlord twice (multiple and repeated: hoog) and a health insurer (multiple: verhoogd).
      csvLine({ bsn: atZ, creditor: 'Z-huur', receivedOn: '2026-10-01', ...z }) + ';nee',
      csvLine({ bsn: atZ, creditor: 'Z-zorg', type: 'zorgverzekering', receivedOn: '2026-10-02', ...z }) +
        ';nee',
      csvLine({ bsn: atZ, creditor: 'Z-huur', receivedOn: '2026-11-02', ...z }) + ';nee',
      // A single signal in a threatening situation (eviction announced): hoog.
      csvLine({
        bsn: bsn(),
        creditor: 'Dreiging',
        receivedOn: '2026-11-10',
        postcode: '6211AA',
        houseNumber: 1,
      }) + ';ja',
      // A single signal: normaal.
      csvLine({
        bsn: bsn(),
        creditor: 'Enkel',
        receivedOn: '2026-11-03',
        postcode: '6211BB',
        houseNumber: 2,
      }) + ';nee',
    ].join('\n');
    const res = await importCsv(t, kit, coach, file);
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${res.text}`);
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    expectNoBsnInLogs(t, bsns);
    await t.close();
  });

  const worklist = async (as: LoggedIn, query = '') => {
    const res = kit.seen(await t.http().get(`/api/v1/outreach/signals${query}`).set(kit.bearer(as)));
    return res.body as { items: Signal[]; total: number };
  };
  it('groups signals per address as multiple or repeated and orders the worklist by priority', async () => {
    const { items } = await worklist(coach);
    for (const s of items) byCreditor.set(`${s.creditor}@${s.receivedOn}`, s);
    expect(items.map((s) => [s.creditor, s.receivedOn, s.priority, s.multiple, s.repeated])).toEqual([
      ['Z-huur', '2026-10-01', 3, true, true],
      ['Z-huur', '2026-11-02', 3, true, true],
      ['Dreiging', '2026-11-10', 3, false, false],
      ['WML', '2026-04-30', 2, false, true],
      ['WML', '2026-06-01', 2, false, true],
      ['X-huur', '2026-09-01', 2, true, false],
      ['Z-zorg', '2026-10-02', 2, true, false],
      ['X-energie', '2026-10-15', 2, true, false],
      ['wml', '2026-11-01', 2, false, true],
      ['Enkel', '2026-11-03', 1, false, false],
    ]);
    expect(items[0].priorityLabel).toBe('hoog');
    const detail = (await t.http().get(`/api/v1/outreach/signals/${items[0].id}`).set(kit.bearer(coach)))
      .body;
    expect(detail.sameAddress.map((s: { creditor: string }) => s.creditor)).toEqual(['Z-zorg', 'Z-huur']);
    expect(detail.addressSignals).toBe(3);
  });

  it('does not count a signal more than six months earlier as repeated', async () => {
    const person = bsn();
    await t.db.query(
      `INSERT INTO arrears_signal (municipality_id, owner_organisation_id, creditor_type, creditor, creditor_key,
         bsn, postcode, house_number, address_key, arrears_cents, arrears_months, received_on)
       VALUES ($1, $2, 'energie', 'Q-energie', 'q-energie', $3, '6213GH', 3, '6213GH|3|', 5000, 1, '2026-05-09')`,
      [MUNICIPALITY_IDS.maastricht, ORGANISATION_IDS.financialCoaches, person],
    );
    const line = csvLine({
      bsn: person,
      type: 'energie',
      creditor: 'Q-energie',
      postcode: '6213GH',
      houseNumber: 3,
      receivedOn: '2026-11-10',
    });
    expect((await importCsv(t, kit, coach, csv(line))).body.accepted).toBe(1);
    const { rows } = await t.db.query(
      `SELECT received_on::text, repeated, priority FROM arrears_signal WHERE address_key = '6213GH|3|' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { received_on: '2026-05-09', repeated: false, priority: 1 },
      { received_on: '2026-11-10', repeated: false, priority: 1 },
    ]);
  });

  it('shows KBL intake only the signals handed to KBL, and a sociaal team worker none', async () => {
    const single = byCreditor.get('Enkel@2026-11-03')!;
    expect((await worklist(kbl)).items).toEqual([]);
    const handOver = await t
      .http()
      .post(`/api/v1/outreach/signals/${single.id}/transfer`)
      .set(kit.bearer(coach))
      .send({ organisationId: ORGANISATION_IDS.kbl });
    expect(handOver.status).toBe(204);
    expect((await worklist(kbl)).items.map((s) => s.id)).toEqual([single.id]);
    expect((await worklist(coach)).items.map((s) => s.id)).not.toContain(single.id);
    const hidden = kit.seen(
      await t.http().get(`/api/v1/outreach/signals/${single.id}`).set(kit.bearer(coach)),
    );
    expect(hidden.status).toBe(404);
    for (const outsider of [
      'sociaalTeamMedewerker',
      'consulentWmo',
      'beleidsmedewerker',
      'privacyOfficer',
    ] as const) {
      const res = kit.seen(
        await t
          .http()
          .get('/api/v1/outreach/signals')
          .set(kit.bearer(await kit.as(outsider))),
      );
      expect(res.status).toBe(403);
    }
    const refused = kit.seen(
      await t
        .http()
        .post(`/api/v1/outreach/signals/${single.id}/transfer`)
        .set(kit.bearer(kbl))
        .send({ organisationId: ORGANISATION_IDS.sociaalTeam3 }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('organisationId');
  });

  it('records outreach attempts and an outcome; "geen contact" needs attempts first', async () => {
    const target = byCreditor.get('X-huur@2026-09-01')!;
    const attempt = (body: object) =>
      t
        .http()
        .post(`/api/v1/outreach/signals/${target.id}/attempts`)
        .set(kit.bearer(coach))
        .send(body)
        .then(kit.seen.bind(kit));
    const patch = (body: object) =>
      t
        .http()
        .patch(`/api/v1/outreach/signals/${target.id}`)
        .set(kit.bearer(coach))
        .send(body)
        .then(kit.seen.bind(kit));
    expect((await attempt({ kind: 'brief', attemptedOn: '2026-11-02', reached: false })).status).toBe(201);
    const tooEarly = await patch({ outcome: 'geen_contact' });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors[0].field).toBe('outcome');
    const future = await attempt({ kind: 'telefoon', attemptedOn: '2026-11-21', reached: false });
    expect(future.body.errors[0].field).toBe('attemptedOn');
    const beforeSignal = await attempt({ kind: 'telefoon', attemptedOn: '2026-08-31', reached: false });
    expect(beforeSignal.body.errors[0].field).toBe('attemptedOn');
    expect(
      (await attempt({ kind: 'carrierpigeon', attemptedOn: '2026-11-05', reached: false })).body.errors[0]
        .field,
    ).toBe('kind');
    await attempt({ kind: 'huisbezoek', attemptedOn: '2026-11-09', reached: false });
    const done = await patch({ outcome: 'geen_contact' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ outcome: 'geen_contact', outcomeOn: '2026-11-20' });
    expect(done.body.attempts.map((a: { kind: string }) => a.kind)).toEqual(['brief', 'huisbezoek']);
    expect((await worklist(coach)).items.map((s) => s.id)).not.toContain(target.id);
    expect((await worklist(coach, '?status=closed')).items.map((s) => s.id)).toContain(target.id);
    expect((await patch({ outcome: 'misschien' })).body.errors[0].field).toBe('outcome');
    expect((await patch({ outcome: 'geweigerd', outcomeOn: '2026-08-01' })).body.errors[0].field).toBe(
      'outcomeOn',
    );
  });

  it('runs the Wgs clock from a request for help: 3 working days when threatening, else 4 weeks', async () => {
    const threatening = byCreditor.get('Dreiging@2026-11-10')!;
    const patch = (id: string, body: object) =>
      t
        .http()
        .patch(`/api/v1/outreach/signals/${id}`)
        .set(kit.bearer(coach))
        .send(body)
        .then(kit.seen.bind(kit));
    const started = await patch(threatening.id, { helpRequestedOn: '2026-11-20', threatening: true });
    // Friday 20 November: Monday, Tuesday, Wednesday.
    expect(started.body.wgsClock).toEqual({
      requestedOn: '2026-11-20',
      threatening: true,
      dueOn: '2026-11-25',
      firstConversationOn: null,
      status: 'lopend',
      daysLeft: 5,
    });
    const late = await patch(threatening.id, {
      outcome: 'eerste_gesprek_gepland',
      firstConversationOn: '2026-11-26',
    });
    expect(late.body.wgsClock.status).toBe('te_laat');
    const onTime = await patch(threatening.id, { firstConversationOn: '2026-11-25' });
    expect(onTime.body.wgsClock.status).toBe('op_tijd');
    const regular = byCreditor.get('X-energie@2026-10-15')!;
    expect((await patch(regular.id, { helpRequestedOn: '2026-11-16' })).body.wgsClock).toMatchObject({
      dueOn: '2026-12-14',
      status: 'lopend',
    });
    const noRequest = byCreditor.get('Z-zorg@2026-10-02')!;
    const refused = await patch(noRequest.id, { firstConversationOn: '2026-11-25' });
    expect(refused.body.errors[0].field).toBe('firstConversationOn');
    expect((await patch(regular.id, { firstConversationOn: '2026-11-01' })).body.errors[0].field).toBe(
      'firstConversationOn',
    );
    expect((await patch(regular.id, { helpRequestedOn: '2026-11-21' })).body.errors[0].field).toBe(
      'helpRequestedOn',
    );
  });

  it('reports outcomes back to a creditor with our reference and theirs, without personal data', async () => {
    const target = byCreditor.get('Z-huur@2026-10-01')!;
    await t
      .http()
      .patch(`/api/v1/outreach/signals/${target.id}`)
      .set(kit.bearer(coach))
      .send({ outcome: 'aanbod_gedaan', outcomeOn: '2026-11-12' })
      .expect(200);
    const res = await t
      .http()
      .get('/api/v1/outreach/signals/feedback?creditor=z-HUUR')
      .set(kit.bearer(coach));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text).toBe(
      `referentie;kenmerk_schuldeiser;ontvangen_op;uitkomst\r\n${target.reference};;2026-10-01;aanbod gedaan\r\n`,
    );
    for (const value of [...bsns, '6221EF', '2026-11-12']) expect(res.text).not.toContain(value);
    const { rows } = await t.db.query(
      'SELECT feedback_exported_at IS NOT NULL AS exported FROM arrears_signal WHERE id = $1',
      [target.id],
    );
    expect(rows[0].exported).toBe(true);
    expect(
      (await t.http().get('/api/v1/outreach/signals/feedback').set(kit.bearer(coach))).body.errors[0].field,
    ).toBe('creditor');
    expect(
      (await t.http().get('/api/v1/outreach/signals/feedback?creditor=Z-huur').set(kit.bearer(kbl))).text,
    ).toBe('referentie;kenmerk_schuldeiser;ontvangen_op;uitkomst\r\n');
    const st = await kit.as('sociaalTeamMedewerker');
    expect(
      (await t.http().get('/api/v1/outreach/signals/feedback?creditor=Z-huur').set(kit.bearer(st))).status,
    ).toBe(403);
  });

  it('counts signals, follow-up actions, offers and conversations by creditor type and neighbourhood', async () => {
    const res = await t
      .http()
      .get('/api/v1/outreach/signals/figures?from=2026-06-01&to=2026-11-20')
      .set(kit.bearer(coach));
    expect(res.status).toBe(200);
    expect(res.body.suppressed).toBe(false);
    const row = (type: string) =>
      res.body.rows.find((r: { creditorType: string }) => r.creditorType === type);
    expect(row('huur')).toMatchObject({
      neighbourhood: 'onbekend',
      received: 5,
      followUpActions: 2,
      offersMade: 2,
      conversationsHeld: 0,
    });
    expect(row('water')).toMatchObject({ received: 2 });
    const policy = await t
      .http()
      .get('/api/v1/outreach/signals/figures?from=2026-06-01&to=2026-11-20')
      .set(kit.bearer(await kit.as('beleidsmedewerker')));
    expect(policy.body.suppressed).toBe(true);
    expect(policy.body.rows.every((r: { received: unknown }) => r.received === '<10')).toBe(true);
  });
});
