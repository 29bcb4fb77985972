import { Clock, FixedClock } from '@app/core';
import { PRODUCT_IDS } from '@app/indications';
import { IdentityKit, PROBLEM } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { IndicationsKit, TestHousehold } from './indications-kit';

const TODAY = '2026-06-15'; // a Monday
const INDICATION_TABLES = ['indication', 'indication_suspension', 'indication_bezwaar'];

/** The procedure of an indication: legal clock, state machine, suspensions, beschikking, bezwaar. */
describe('indications: procedure, clocks and refusals', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let ik: IndicationsKit;
  let h: TestHousehold;

  const counts = async () =>
    Object.fromEntries(await Promise.all(INDICATION_TABLES.map(async (x) => [x, await ik.count(x)])));
  const version = async (id: string) =>
    Number((await t.db.query(`SELECT version FROM indication WHERE id = $1`, [id])).rows[0].version);
  /** A refused request: the status, the problem type and the fields it names; nothing is written. */
  async function refused(
    request: () => Promise<{
      status: number;
      body: Record<string, unknown>;
      headers: Record<string, string>;
    }>,
  ) {
    const before = await counts();
    const res = await request();
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(await counts()).toEqual(before);
    const errors = (res.body.errors as { field: string }[] | undefined) ?? [];
    return { status: res.status, type: res.body.type, fields: errors.map((e) => e.field), body: res.body };
  }
  const wmo = (overrides: Record<string, unknown> = {}) => ({
    pillar: 'WMO',
    productId: PRODUCT_IDS.wmoHulpBijHetHuishouden,
    personId: h.adultId,
    meldingDate: '2026-05-04',
    form: 'ZiN',
    ...overrides,
  });
  const path = (id: string, step = '') => `/api/v1/indications/${id}${step ? `/${step}` : ''}`;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) =>
      b.overrideProvider(Clock).useValue(new FixedClock(new Date(`${TODAY}T10:00:00Z`))),
    );
    kit = new IdentityKit(t);
    ik = new IndicationsKit(t, kit);
    await ik.init();
    h = await ik.household('consulentWmo');
    await ik.join(h.id, 'consulentJeugd', 'JEUGD');
    await ik.join(h.id, 'schuldhulpverlener', 'SHV');
    await ik.join(h.id, 'consulentParticipatie', 'PARTICIPATIE');
  });
  afterAll(() => t.close());

  it('registers a Wmo melding with its 56-day clock, ETag and allowed next states, and logs it', async () => {
    const seq = await ik.lastLogSeq();
    const res = await ik.post('consulentWmo', `/api/v1/households/${h.id}/indications`, wmo());
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      pillar: 'WMO',
      status: 'melding',
      product: 'Hulp bij het huishouden',
      productCategory: 'huishoudelijke hulp',
      deadline: '2026-06-29', // 4 May + 56 days
      daysLeft: 14,
      overdue: false,
    });
    expect(res.body.procedure).toMatchObject({
      handlerUserId: ik.userId('consulentWmo'),
      meldingDate: '2026-05-04',
      allowedNextStates: ['in_behandeling', 'ingetrokken'],
      clocks: [{ kind: 'beschikking', startDate: '2026-05-04', deadline: '2026-06-29', daysLeft: 14 }],
    });
    expect(await ik.logRowsAfter(seq)).toEqual([
      expect.objectContaining({
        processing_activity_id: 'indications.wmo.write',
        action: 'create',
        data_subject_type: 'person',
        data_subject_id: h.adultId,
        household_id: h.id,
        resource_id: res.body.id,
      }),
    ]);
  });

  describe('refuses invalid registrations with a 4xx naming the field, writing nothing', () => {
    const create = (body: Record<string, unknown>, as: 'consulentWmo' | 'consulentJeugd' = 'consulentWmo') =>
      refused(() => ik.post(as, `/api/v1/households/${h.id}/indications`, body));

    it('a product of another pillar', async () => {
      const res = await create(wmo({ productId: PRODUCT_IDS.jeugdAmbulant }));
      expect(res).toMatchObject({ status: 400, fields: ['productId'] });
      expect(res.body.detail).toContain('JEUGD');
    });

    it('an unknown product, an unknown pillar', async () => {
      expect(await create(wmo({ productId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
        status: 400,
        fields: ['productId'],
      });
      expect(await create(wmo({ pillar: 'ZORG' }))).toMatchObject({ status: 400, fields: ['pillar'] });
    });

    it('a person who is not a current member of the household', async () => {
      const other = await ik.household('consulentWmo');
      expect(await create(wmo({ personId: other.adultId }))).toMatchObject({
        status: 400,
        fields: ['personId'],
      });
      const leaver = await ik.household('consulentWmo');
      const members = (await ik.get('consulentWmo', `/api/v1/households/${leaver.id}`)).body.members;
      const leaving = members.find((m: { personId: string }) => m.personId === leaver.adultId);
      const end = await ik.post('consulentWmo', `/api/v1/households/${leaver.id}/members/${leaving.id}/end`, {
        leftOn: '2026-06-01',
      });
      expect(end.status).toBe(204);
      const moved = await refused(() =>
        ik.post(
          'consulentWmo',
          `/api/v1/households/${leaver.id}/indications`,
          wmo({ personId: leaver.adultId }),
        ),
      );
      expect(moved).toMatchObject({ status: 400, fields: ['personId'] });
    });

    it('dates in the future or out of order, facts of another pillar', async () => {
      expect(await create(wmo({ meldingDate: '2026-06-16' }))).toMatchObject({
        status: 400,
        fields: ['meldingDate'],
      });
      expect(await create(wmo({ meldingDate: '2026-02-30' }))).toMatchObject({
        status: 400,
        fields: ['meldingDate'],
      });
      expect(await create(wmo({ aanvraagDate: '2026-05-01' }))).toMatchObject({
        status: 400,
        fields: ['aanvraagDate'],
      });
      expect(await create(wmo({ firstConversationDate: '2026-05-05' }))).toMatchObject({
        status: 400,
        fields: ['firstConversationDate'],
      });
      const shv = {
        pillar: 'SHV',
        productId: PRODUCT_IDS.shvMesis,
        personId: h.adultId,
        meldingDate: '2026-06-01',
      };
      expect(
        await refused(() =>
          ik.post('schuldhulpverlener', `/api/v1/households/${h.id}/indications`, {
            ...shv,
            aanvraagDate: '2026-06-02',
          }),
        ),
      ).toMatchObject({ status: 400, fields: ['aanvraagDate'] });
      expect(
        await refused(() =>
          ik.post('schuldhulpverlener', `/api/v1/households/${h.id}/indications`, { ...shv, form: 'PGB' }),
        ),
      ).toMatchObject({ status: 400, fields: ['form'] });
    });

    it('a pillar the caller does not work in (403), unknown fields (400)', async () => {
      expect(await create(wmo({ pillar: 'JEUGD', productId: PRODUCT_IDS.jeugdAmbulant }))).toMatchObject({
        status: 403,
      });
      expect(await create(wmo({ status: 'toegekend' }))).toMatchObject({ status: 400, fields: ['status'] });
    });
  });

  describe('a Wmo procedure from melding to bezwaar', () => {
    let id: string;
    beforeAll(async () => {
      id = (await ik.indication('consulentWmo', h.id, wmo({ meldingDate: '2026-04-06' }))).id;
    });

    it('refuses a beschikking on a melding: 409 invalid-transition listing the allowed states', async () => {
      const v = await version(id);
      const res = await refused(() =>
        ik.post('consulentWmo', path(id, 'beschikking'), {
          beschikkingDate: '2026-05-01',
          outcome: 'toegekend',
        }),
      );
      expect(res).toMatchObject({ status: 409, type: 'urn:gezinsplan:problem:invalid-transition' });
      expect(res.body).toMatchObject({
        currentState: 'melding',
        requestedState: 'toegekend',
        allowedNextStates: ['in_behandeling', 'ingetrokken'],
      });
      expect(await version(id)).toBe(v);
      const end = await refused(() => ik.post('consulentWmo', path(id, 'end'), { endDate: '2026-06-01' }));
      expect(end).toMatchObject({ status: 409, type: 'urn:gezinsplan:problem:invalid-transition' });
    });

    it('registers the aanvraag; SHV steps are refused for Wmo', async () => {
      const res = await ik.post('consulentWmo', path(id, 'aanvraag'), { aanvraagDate: '2026-04-20' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'in_behandeling',
        deadline: '2026-06-01',
        overdue: true,
        daysLeft: -14,
      });
      expect(res.headers.etag).toBe('"2"');
      const conversation = await refused(() =>
        ik.post('consulentWmo', path(id, 'first-conversation'), { firstConversationDate: '2026-04-21' }),
      );
      expect(conversation).toMatchObject({ status: 400, fields: ['firstConversationDate'] });
    });

    it('suspends the clock; back-to-back is fine, overlapping is a 409 naming startDate', async () => {
      let res = await ik.post('consulentWmo', path(id, 'suspensions'), {
        startDate: '2026-04-21',
        endDate: '2026-04-30',
        reason: 'Wachten op medisch advies',
      });
      expect(res.status).toBe(200);
      expect(res.body.deadline).toBe('2026-06-11'); // 1 June + 10 suspended days
      const overlap = await refused(() =>
        ik.post('consulentWmo', path(id, 'suspensions'), {
          startDate: '2026-04-30',
          endDate: '2026-05-05',
          reason: 'x',
        }),
      );
      expect(overlap).toMatchObject({ status: 409, fields: ['startDate'] });
      res = await ik.post('consulentWmo', path(id, 'suspensions'), {
        startDate: '2026-05-01',
        endDate: '2026-05-04',
        reason: 'Hersteltermijn',
      });
      expect(res.status).toBe(200);
      expect(res.body.deadline).toBe('2026-06-15'); // 4 more days
      expect(res.body).toMatchObject({ daysLeft: 0, overdue: false });
      const beforeMelding = await refused(() =>
        ik.post('consulentWmo', path(id, 'suspensions'), {
          startDate: '2026-04-01',
          endDate: '2026-04-02',
          reason: 'x',
        }),
      );
      expect(beforeMelding).toMatchObject({ status: 400, fields: ['startDate'] });
      const reversed = await refused(() =>
        ik.post('consulentWmo', path(id, 'suspensions'), {
          startDate: '2026-06-10',
          endDate: '2026-06-01',
          reason: 'x',
        }),
      );
      expect(reversed).toMatchObject({ status: 400, fields: ['endDate'] });
    });

    it('backs the overlap rule with an exclusion constraint in the database', async () => {
      const insert = t.db.query(
        `INSERT INTO indication_suspension (indication_id, household_id, municipality_id, start_date, end_date, reason)
         SELECT id, household_id, municipality_id, '2026-04-25', '2026-04-26', 'x' FROM indication WHERE id = $1`,
        [id],
      );
      await expect(insert).rejects.toMatchObject({ code: '23P01', constraint: 'suspension_no_overlap' });
    });

    it('pauses the clock while a suspension is open and refuses a beschikking until it ends', async () => {
      let res = await ik.post('consulentWmo', path(id, 'suspensions'), {
        startDate: '2026-06-01',
        reason: 'Stukken',
      });
      expect(res.body).toMatchObject({ deadline: null, daysLeft: null, overdue: false });
      expect(res.body.procedure.clocks[0]).toMatchObject({ paused: true });
      const blocked = await refused(() =>
        ik.post('consulentWmo', path(id, 'beschikking'), {
          beschikkingDate: '2026-06-12',
          outcome: 'toegekend',
        }),
      );
      expect(blocked).toMatchObject({ status: 409, fields: ['suspensions'] });
      const open = (res.body.procedure.suspensions as { id: string; endDate: string | null }[]).find(
        (s) => !s.endDate,
      )!;
      res = await ik.post('consulentWmo', path(id, `suspensions/${open.id}/end`), { endDate: '2026-06-05' });
      expect(res.status).toBe(200);
      expect(res.body.deadline).toBe('2026-06-22'); // 15 June + 5 days (1-5 June) = Saturday 20 June, so Monday
    });

    it('refuses a beschikking before the melding, in the future or inside a suspension, writing nothing', async () => {
      const v = await version(id);
      const decide = (beschikkingDate: string) =>
        refused(() =>
          ik.post('consulentWmo', path(id, 'beschikking'), { beschikkingDate, outcome: 'toegekend' }),
        );
      expect(await decide('2026-04-01')).toMatchObject({ status: 400, fields: ['beschikkingDate'] });
      expect((await decide('2026-04-01')).body.detail).toContain('melding');
      expect(await decide('2026-06-16')).toMatchObject({ status: 400, fields: ['beschikkingDate'] });
      expect(await decide('2026-06-03')).toMatchObject({ status: 400, fields: ['beschikkingDate'] });
      expect(await version(id)).toBe(v);
    });

    it('refuses a stale If-Match with 412', async () => {
      const res = await refused(async () => {
        const session = await kit.as('consulentWmo');
        return kit.seen(
          await t
            .http()
            .patch(path(id))
            .set(kit.bearer(session))
            .set('If-Match', '"1"')
            .send({ provider: 'Thuishulp Maasoever' }),
        );
      });
      expect(res.status).toBe(412);
    });

    it('records the beschikking: the clock stops, on time, the period is set', async () => {
      const current = await ik.get('consulentWmo', path(id));
      const session = await kit.as('consulentWmo');
      const res = kit.seen(
        await t
          .http()
          .post(path(id, 'beschikking'))
          .set(kit.bearer(session))
          .set('If-Match', current.headers.etag)
          .send({
            beschikkingDate: '2026-06-12',
            outcome: 'toegekend',
            startDate: '2026-06-15',
            endDate: '2027-06-14',
          }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'toegekend',
        startDate: '2026-06-15',
        endDate: '2027-06-14',
        deadline: null,
        daysLeft: null,
        overdue: false,
      });
      expect(res.body.procedure.beschikking).toEqual({ date: '2026-06-12', outcome: 'toegekend' });
      expect(res.body.procedure.clocks[0]).toMatchObject({ stoppedOn: '2026-06-12', onTime: true });
      expect(res.body.procedure.allowedNextStates).toEqual(['beeindigd']);
    });

    it('answers a PATCH with the same view as a GET (period, provider, reason, notes kept)', async () => {
      const current = await ik.get('consulentWmo', path(id));
      const session = await kit.as('consulentWmo');
      const res = kit.seen(
        await t
          .http()
          .patch(path(id))
          .set(kit.bearer(session))
          .set('If-Match', current.headers.etag)
          .send({ notes: 'Na de beschikking gebeld: start loopt goed' }),
      );
      expect(res.status).toBe(200);
      const after = await ik.get('consulentWmo', path(id));
      expect(res.body).toEqual(after.body);
      expect(res.body).toMatchObject({
        startDate: '2026-06-15',
        endDate: '2027-06-14',
        notes: 'Na de beschikking gebeld: start loopt goed',
      });
      expect(Object.keys(res.body).sort()).toEqual(Object.keys(current.body).sort());
    });

    it('starts a 6-week bezwaar clock; one open bezwaar at a time; a decided bezwaar is final', async () => {
      expect(
        await refused(() => ik.post('consulentWmo', path(id, 'bezwaren'), { receivedDate: '2026-06-10' })),
      ).toMatchObject({ status: 400, fields: ['receivedDate'] });
      let res = await ik.post('consulentWmo', path(id, 'bezwaren'), { receivedDate: '2026-06-15' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ deadline: '2026-07-27', daysLeft: 42, overdue: false });
      const bezwaar = res.body.procedure.bezwaren[0];
      expect(bezwaar).toMatchObject({ receivedDate: '2026-06-15', filedInTime: true, outcome: null });
      expect(
        await refused(() => ik.post('consulentWmo', path(id, 'bezwaren'), { receivedDate: '2026-06-15' })),
      ).toMatchObject({ status: 409, fields: ['receivedDate'] });
      expect(
        await refused(() =>
          ik.post('consulentWmo', path(id, `bezwaren/${bezwaar.id}/decision`), {
            decisionDate: TODAY,
            outcome: 'half',
          }),
        ),
      ).toMatchObject({ status: 400, fields: ['outcome'] });
      res = await ik.post('consulentWmo', path(id, `bezwaren/${bezwaar.id}/decision`), {
        decisionDate: TODAY,
        outcome: 'deels_gegrond',
      });
      expect(res.status).toBe(200);
      expect(res.body.deadline).toBeNull();
      expect(res.body.procedure.bezwaren[0]).toMatchObject({ decisionDate: TODAY, outcome: 'deels_gegrond' });
      const again = await refused(() =>
        ik.post('consulentWmo', path(id, `bezwaren/${bezwaar.id}/decision`), {
          decisionDate: TODAY,
          outcome: 'gegrond',
        }),
      );
      expect(again).toMatchObject({ status: 409, type: 'urn:gezinsplan:problem:invalid-transition' });
    });

    it('ends the provision; a final status allows nothing more', async () => {
      const res = await ik.post('consulentWmo', path(id, 'end'), { endDate: TODAY });
      expect(res.body).toMatchObject({ status: 'beeindigd', endDate: TODAY });
      expect(res.body.procedure.allowedNextStates).toEqual([]);
      const withdraw = await refused(() =>
        ik.post('consulentWmo', path(id, 'withdraw'), { withdrawnOn: TODAY }),
      );
      expect(withdraw).toMatchObject({ status: 409, type: 'urn:gezinsplan:problem:invalid-transition' });
      expect(withdraw.body.allowedNextStates).toEqual([]);
    });
  });

  describe('SHV: first conversation within 3 working days when threatened', () => {
    it('counts working days over the weekend, then 8 weeks from the first conversation', async () => {
      const created = await ik.indication('schuldhulpverlener', h.id, {
        pillar: 'SHV',
        productId: PRODUCT_IDS.shvMesis,
        personId: h.adultId,
        meldingDate: '2026-06-12', // Friday
        threat: 'afsluiting_energie',
      });
      expect(created).toMatchObject({ status: 'melding', deadline: '2026-06-17', daysLeft: 2 });
      expect((created.procedure.clocks as object[])[0]).toMatchObject({
        kind: 'eerste_gesprek',
        unit: 'working_days',
      });
      const aanvraag = await refused(() =>
        ik.post('schuldhulpverlener', path(created.id, 'aanvraag'), { aanvraagDate: TODAY }),
      );
      expect(aanvraag).toMatchObject({ status: 400, fields: ['aanvraagDate'] });
      const res = await ik.post('schuldhulpverlener', path(created.id, 'first-conversation'), {
        firstConversationDate: TODAY,
      });
      expect(res.body).toMatchObject({ status: 'in_behandeling', deadline: '2026-08-10', daysLeft: 56 });
      expect(res.body.procedure.clocks[0]).toMatchObject({ stoppedOn: TODAY, onTime: true });
    });
  });

  describe('only same-pillar case-team members change an indication', () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await ik.indication('consulentJeugd', h.id, {
          pillar: 'JEUGD',
          productId: PRODUCT_IDS.jeugdAmbulant,
          personId: h.childId,
          meldingDate: '2026-06-01',
          aanvraagDate: '2026-06-02',
        })
      ).id;
    });

    it('gives the regisseur (summary) and the teamleider 403, others 404, and writes nothing', async () => {
      const step = { beschikkingDate: TODAY, outcome: 'afgewezen' };
      expect(await refused(() => ik.post('consulentWmo', path(id, 'beschikking'), step))).toMatchObject({
        status: 403,
      });
      expect(await refused(() => ik.post('teamleider', path(id, 'beschikking'), step))).toMatchObject({
        status: 403,
      });
      for (const user of ['consulentParticipatie', 'schuldhulpverlener', 'consulentHeuvelland'] as const) {
        expect(await refused(() => ik.post(user, path(id, 'beschikking'), step))).toMatchObject({
          status: 404,
        });
      }
      expect(await refused(() => ik.post('beleidsmedewerker', path(id, 'beschikking'), step))).toMatchObject({
        status: 403,
      });
      const res = await ik.post('consulentJeugd', path(id, 'beschikking'), step);
      expect(res.body.status).toBe('afgewezen');
    });

    it('logs Jeugd writes under the Jeugd activity', async () => {
      const seq = await ik.lastLogSeq();
      await ik.request('consulentJeugd', 'patch', path(id), { notes: 'Gesprek met school gepland' });
      expect((await ik.logRowsAfter(seq)).map((r) => [r.processing_activity_id, r.action])).toEqual([
        ['indications.jeugd.write', 'update'],
      ]);
    });
  });

  it('withdraws an aanvraag with an open suspension, which then ends on the same day', async () => {
    const created = await ik.indication('consulentParticipatie', h.id, {
      pillar: 'PARTICIPATIE',
      productId: PRODUCT_IDS.participatieBijzondereBijstandIncidenteel,
      personId: h.adultId,
      meldingDate: '2026-05-20',
      aanvraagDate: '2026-05-25',
    });
    expect(created.deadline).toBe('2026-07-20');
    await ik.post('consulentParticipatie', path(created.id, 'suspensions'), {
      startDate: '2026-06-01',
      reason: 'Stukken',
    });
    const early = await refused(() =>
      ik.post('consulentParticipatie', path(created.id, 'withdraw'), { withdrawnOn: '2026-05-30' }),
    );
    expect(early).toMatchObject({ status: 400, fields: ['withdrawnOn'] });
    const res = await ik.post('consulentParticipatie', path(created.id, 'withdraw'), { withdrawnOn: TODAY });
    expect(res.body).toMatchObject({ status: 'ingetrokken', deadline: null });
    expect(res.body.procedure.suspensions[0]).toMatchObject({ startDate: '2026-06-01', endDate: TODAY });
  });

  it('leaks no secret and no BSN into logs or error answers', () => {
    kit.expectNothingLeaked();
    ik.expectNoBsnInLogs();
  });
});
