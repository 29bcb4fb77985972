import { Clock, FixedClock } from '@app/core';
import { DemoUserKey } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { ALL_FIELDS, IndicationsKit, SUMMARY_FIELDS, TestHousehold } from './indications-kit';

const WORKLIST = '/api/v1/worklists/procedures';

/**
 * "My procedures due within 10 days or overdue", per user and per team, filtered in SQL by what the
 * caller may see. Today is Monday 15 June 2026.
 */
describe('indications: worklists of procedures near or past their legal deadline', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let ik: IndicationsKit;
  let w1: TestHousehold;
  const ids: Record<string, string> = {};

  const list = async (user: DemoUserKey, query: string) => {
    const res = await ik.get(user, `${WORKLIST}?${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      items: Record<string, unknown>[];
      total: number;
      today: string;
    };
  };
  const names = (items: Record<string, unknown>[]) =>
    items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0] ?? 'unknown');
  const wmo = (meldingDate: string, personId: string) => ({
    pillar: 'WMO',
    productId: PRODUCT_IDS.wmoBegeleidingGroep,
    personId,
    meldingDate,
  });

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) =>
      b.overrideProvider(Clock).useValue(new FixedClock(new Date('2026-06-15T10:00:00Z'))),
    );
    kit = new IdentityKit(t);
    ik = new IndicationsKit(t, kit);
    await ik.init();

    // W1: consulentWmo is regisseur; the Jeugd and Participatie consulenten are on the case team.
    w1 = await ik.household('consulentWmo');
    await ik.join(w1.id, 'consulentJeugd', 'JEUGD');
    await ik.join(w1.id, 'consulentParticipatie', 'PARTICIPATIE');
    ids.wmoSoon = (await ik.indication('consulentWmo', w1.id, wmo('2026-04-22', w1.adultId))).id; // 17 June
    ids.wmoOverdue = (await ik.indication('consulentWmo', w1.id, wmo('2026-04-01', w1.childId))).id; // 27 May
    ids.wmoLater = (await ik.indication('consulentWmo', w1.id, wmo('2026-06-01', w1.adultId))).id; // 27 July
    ids.wmoPaused = (await ik.indication('consulentWmo', w1.id, wmo('2026-04-20', w1.adultId))).id;
    await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoPaused}/suspensions`, {
      startDate: '2026-05-01',
      reason: 'Wachten op stukken',
    });
    ids.wmoDecided = (await ik.indication('consulentWmo', w1.id, wmo('2026-04-01', w1.adultId))).id;
    await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoDecided}/aanvraag`, {
      aanvraagDate: '2026-04-10',
    });
    await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoDecided}/beschikking`, {
      beschikkingDate: '2026-05-20',
      outcome: 'toegekend',
    });
    ids.jeugdSoon = (
      await ik.indication('consulentJeugd', w1.id, {
        pillar: 'JEUGD',
        productId: PRODUCT_IDS.jeugdAmbulant,
        personId: w1.childId,
        meldingDate: '2026-04-20',
        aanvraagDate: '2026-04-25', // 20 June is a Saturday: Monday 22 June
      })
    ).id;
    ids.participatieOverdue = (
      await ik.indication('consulentParticipatie', w1.id, {
        pillar: 'PARTICIPATIE',
        productId: PRODUCT_IDS.participatieLevensonderhoud,
        personId: w1.adultId,
        meldingDate: '2026-04-10',
        aanvraagDate: '2026-04-10', // 5 June
      })
    ).id;

    // W3: consulentJeugd is regisseur; consulentWmo is not on the case team.
    const w3 = await ik.household('consulentJeugd', 'JEUGD');
    ids.jeugdOtherHousehold = (
      await ik.indication('consulentJeugd', w3.id, {
        pillar: 'JEUGD',
        productId: PRODUCT_IDS.jeugdVerblijf,
        personId: w3.childId,
        meldingDate: '2026-04-23',
        aanvraagDate: '2026-04-23', // 18 June
      })
    ).id;
  });
  afterAll(() => t.close());

  it('lists my procedures: overdue and due within 10 days, earliest deadline first, with all fields', async () => {
    const page = await list('consulentWmo', 'scope=mine');
    expect(page.today).toBe('2026-06-15');
    expect(names(page.items)).toEqual(['wmoOverdue', 'wmoSoon']);
    expect(page.items.map((i) => [i.deadline, i.daysLeft, i.overdue])).toEqual([
      ['2026-05-27', -19, true],
      ['2026-06-17', 2, false],
    ]);
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(ALL_FIELDS);
    expect(names((await list('consulentWmo', 'due=overdue')).items)).toEqual(['wmoOverdue']);
    expect(names((await list('consulentWmo', 'scope=mine&due=soon')).items)).toEqual(['wmoSoon']);
    expect(names((await list('consulentWmo', 'scope=mine&pillar=JEUGD')).items)).toEqual([]);
  });

  it("lists the team's procedures, leaving out what the caller may not see (in SQL)", async () => {
    // Team Noordwest: consulentWmo, consulentJeugd, teamleider. Participatie (Team Zuidoost) is not in it;
    // the Jeugd procedure of W3 is not visible to consulentWmo, who is not on that case team.
    const wmoTeam = await list('consulentWmo', 'scope=team');
    expect(names(wmoTeam.items)).toEqual(['wmoOverdue', 'wmoSoon', 'jeugdSoon']);
    expect(wmoTeam.total).toBe(3);
    const jeugd = wmoTeam.items.find((i) => i.id === ids.jeugdSoon)!;
    expect(Object.keys(jeugd).sort()).toEqual(SUMMARY_FIELDS); // as regisseur: the summary with its deadline
    expect(jeugd).toMatchObject({ deadline: '2026-06-22', daysLeft: 7, overdue: false });

    // consulentJeugd may not see the Wmo procedures of W1 (no consent), so they are not in the team list.
    const jeugdTeam = await list('consulentJeugd', 'scope=team');
    expect(names(jeugdTeam.items)).toEqual(['jeugdOtherHousehold', 'jeugdSoon']);
    for (const item of jeugdTeam.items) expect(Object.keys(item).sort()).toEqual(ALL_FIELDS);
  });

  it('gives the teamleider the summaries of the team, and no procedures of their own', async () => {
    const team = await list('teamleider', 'scope=team');
    expect(names(team.items)).toEqual(['wmoOverdue', 'wmoSoon', 'jeugdOtherHousehold', 'jeugdSoon']);
    for (const item of team.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_FIELDS);
    expect((await list('teamleider', 'scope=mine')).items).toEqual([]);
    const paged = await ik.get('teamleider', `${WORKLIST}?scope=team&pageSize=1&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(names(paged.body.items)).toEqual(['wmoSoon']);
  });

  it('keeps the other team apart', async () => {
    expect(names((await list('consulentParticipatie', 'scope=mine')).items)).toEqual(['participatieOverdue']);
    expect(names((await list('consulentParticipatie', 'scope=team')).items)).toEqual(['participatieOverdue']);
    expect((await list('schuldhulpverlener', 'scope=team')).items).toEqual([]);
  });

  it('refuses an unknown scope (400) and the beleidsmedewerker (403)', async () => {
    const bad = await ik.get('consulentWmo', `${WORKLIST}?scope=everyone`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['scope']);
    expect((await ik.get('beleidsmedewerker', WORKLIST)).status).toBe(403);
    expect((await ik.get('functioneelBeheerder', WORKLIST)).status).toBe(403);
  });

  it('logs the read of the listed procedures per pillar', async () => {
    const seq = await ik.lastLogSeq();
    await list('consulentWmo', 'scope=team');
    const rows = await ik.logRowsAfter(seq);
    expect(rows.map((r) => `${r.processing_activity_id}:${r.data_subject_id}`).sort()).toEqual(
      [
        `indications.jeugd.read:${w1.childId}`,
        `indications.wmo.read:${w1.adultId}`,
        `indications.wmo.read:${w1.childId}`,
      ].sort(),
    );
  });

  it('moves a procedure off the list when its beschikking is recorded', async () => {
    await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoSoon}/aanvraag`, {
      aanvraagDate: '2026-05-01',
    });
    await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoSoon}/beschikking`, {
      beschikkingDate: '2026-06-15',
      outcome: 'afgewezen',
    });
    expect(names((await list('consulentWmo', 'scope=mine')).items)).toEqual(['wmoOverdue']);
    const bezwaar = await ik.post('consulentWmo', `/api/v1/indications/${ids.wmoSoon}/bezwaren`, {
      receivedDate: '2026-06-15',
    });
    expect(bezwaar.body.deadline).toBe('2026-07-27');
    expect(names((await list('consulentWmo', 'scope=mine')).items)).toEqual(['wmoOverdue']);
  });

  it('leaks no secret and no BSN into logs or error answers', () => {
    kit.expectNothingLeaked();
    ik.expectNoBsnInLogs();
  });
});
