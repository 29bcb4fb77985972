import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS, DemoUserKey, UsersService } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import {
  CROSS_TABLE_KEYS,
  CrossTable,
  HIDDEN,
  MonitorReport,
  MonitorService,
  MonitorThemesService,
  SMALL,
  ThemeAggregates,
  ThemesReport,
} from '@app/reporting';
import { IdentityKit, PROBLEM } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { DisclosureAttack } from './disclosure-attack';

const MAASTRICHT = MUNICIPALITY_IDS.maastricht;
/** Only the households generated below exist (no demo data): every count is known. */
const YEAR = { from: '2021-01-01', to: '2021-12-31' };
const scope = { municipalityId: MAASTRICHT, ...YEAR };

// The generated dataset (see generateKnownDataset) and its true counts.
const WMO_CLIENTS = 15; // a provision the whole year
const SHV_GRANTED = 12; // stabilisatie, Q2 only; melding 1 March
const SHV_FAST = 10; // first conversation after 14 days (March)
const SHV_SLOW = SHV_GRANTED - SHV_FAST; // after 35 days (April), over the 28 days of Wgs art. 4a
const JEUGD_CLIENTS = 3; // from 1 July, open-ended
const SHV_WITHDRAWN = 4; // melding in May, withdrawn before the first conversation
const SHV_NOT_PROCESSED = 2; // first conversation 4 days after the melding (May), then buiten behandeling
const BEZWAAR = { wmoOngegrond: 12, wmoGegrond: 3, shvOngegrond: 11 };
const SPREEKUUR = { nazarethKbl: 11, nazarethNone: 3, pottenbergBudget: 12, pottenbergSzmh: 2 };
const SIGNALS = { huurOffered: 10, huurOpen: 3, energieNoContact: 11, waterOpen: 2 };
const BUDGET = { single: 12, singleCents: 10_000, double: 3, doubleCents: 20_000 };

describe('reporting: monitor themes (issue 10)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let themes: MonitorThemesService;
  let ids: Awaited<ReturnType<typeof generateKnownDataset>>;

  const get = async (user: DemoUserKey | null, query: Record<string, string>, accept?: string) => {
    let req = t.http().get('/api/v1/reports/monitor/themes').query(query);
    if (user) req = req.set(kit.bearer(await kit.as(user)));
    if (accept) req = req.set('Accept', accept);
    return kit.seen(await req);
  };

  beforeAll(async () => {
    t = await createTestApp((b) =>
      b.overrideProvider(Clock).useValue(new FixedClock(new Date('2022-03-01T10:00:00Z'))),
    );
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    ids = await generateKnownDataset(t);
    themes = t.app.get(MonitorThemesService);
  });
  afterAll(() => t.close());

  describe('the counts before suppression match the generated dataset', () => {
    let raw: ThemeAggregates;
    beforeAll(async () => {
      raw = await themes.aggregates(scope, 'month');
    });
    const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

    it('quarterly development per pillar', () => {
      expect(sorted(raw.quarterly)).toEqual(
        sorted([
          ...['2021-K1', '2021-K2', '2021-K3', '2021-K4'].map((quarter) => ({
            quarter,
            pillar: 'WMO',
            clients: WMO_CLIENTS,
          })),
          { quarter: '2021-K2', pillar: 'SHV', clients: SHV_GRANTED },
          { quarter: '2021-K3', pillar: 'JEUGD', clients: JEUGD_CLIENTS },
          { quarter: '2021-K4', pillar: 'JEUGD', clients: JEUGD_CLIENTS },
        ]),
      );
    });

    it('bezwaar outcomes per pillar', () => {
      expect(sorted(raw.bezwaren)).toEqual(
        sorted([
          { pillar: 'WMO', outcome: 'ongegrond', bezwaren: BEZWAAR.wmoOngegrond },
          { pillar: 'WMO', outcome: 'gegrond', bezwaren: BEZWAAR.wmoGegrond },
          { pillar: 'SHV', outcome: 'ongegrond', bezwaren: BEZWAAR.shvOngegrond },
        ]),
      );
    });

    it('SHV: days to the first conversation, trajectories by type, drop-out per phase', () => {
      expect(raw.shvFirstContact).toEqual([
        { month: '2021-03', procedures: SHV_FAST, netDays: SHV_FAST * 14, overLimit: 0 },
        { month: '2021-04', procedures: SHV_SLOW, netDays: SHV_SLOW * 35, overLimit: SHV_SLOW },
        { month: '2021-05', procedures: SHV_NOT_PROCESSED, netDays: SHV_NOT_PROCESSED * 4, overLimit: 0 },
      ]);
      const trajectories = Object.fromEntries(raw.shvTrajectories.map((r) => [r.code, r.trajectories]));
      expect(trajectories).toEqual({
        'shv-mesis': 0,
        'shv-stabilisatie': SHV_GRANTED,
        'shv-budgetbeheer': 0,
        'shv-minnelijk': 0,
        'shv-wsnp': 0,
        'shv-betalingsregeling': 0,
      });
      expect(sorted(raw.shvDropout)).toEqual(
        sorted([
          {
            phase: 'aanmelding',
            started: SHV_GRANTED + SHV_WITHDRAWN + SHV_NOT_PROCESSED,
            droppedOut: SHV_WITHDRAWN,
          },
          { phase: 'intake', started: SHV_GRANTED + SHV_NOT_PROCESSED, droppedOut: SHV_NOT_PROCESSED },
        ]),
      );
    });

    it('spreekuur visits per wijkservicepunt and month (local days), topics and referrals', () => {
      const { nazareth, pottenberg, rink } = ids.wijkservicepunten;
      expect(sorted(raw.spreekuurVisits)).toEqual(
        sorted([
          {
            period: '2021-02',
            wijkservicepuntId: nazareth,
            visits: SPREEKUUR.nazarethKbl + SPREEKUUR.nazarethNone,
          },
          { period: '2021-02', wijkservicepuntId: pottenberg, visits: SPREEKUUR.pottenbergBudget },
          { period: '2021-03', wijkservicepuntId: pottenberg, visits: SPREEKUUR.pottenbergSzmh },
          // 31 December 23:30 in Maastricht is in the year; 1 January 00:30 (still 2021 in UTC) is not
          { period: '2021-12', wijkservicepuntId: rink, visits: 1 },
        ]),
      );
      expect(sorted(raw.spreekuurTopics)).toEqual(
        sorted([
          {
            wijkservicepuntId: nazareth,
            topic: 'schulden',
            contacts: SPREEKUUR.nazarethKbl + SPREEKUUR.nazarethNone,
          },
          { wijkservicepuntId: pottenberg, topic: 'budget', contacts: SPREEKUUR.pottenbergBudget },
          { wijkservicepuntId: pottenberg, topic: 'inkomen', contacts: SPREEKUUR.pottenbergBudget },
          { wijkservicepuntId: pottenberg, topic: 'schulden', contacts: SPREEKUUR.pottenbergSzmh },
          { wijkservicepuntId: rink, topic: 'administratie', contacts: 1 },
        ]),
      );
      expect(sorted(raw.spreekuurReferrals)).toEqual(
        sorted([
          { wijkservicepuntId: nazareth, referral: 'kbl', contacts: SPREEKUUR.nazarethKbl },
          { wijkservicepuntId: nazareth, referral: 'geen', contacts: SPREEKUUR.nazarethNone },
          { wijkservicepuntId: pottenberg, referral: 'geen', contacts: SPREEKUUR.pottenbergBudget },
          { wijkservicepuntId: pottenberg, referral: 'szmh', contacts: SPREEKUUR.pottenbergSzmh },
          { wijkservicepuntId: rink, referral: 'geen', contacts: 1 },
        ]),
      );
    });

    it('spreekuur visits per ISO week', async () => {
      const weekly = await themes.aggregates(scope, 'week');
      expect(sorted(weekly.spreekuurVisits.map((v) => ({ period: v.period, visits: v.visits })))).toEqual(
        sorted([
          { period: '2021-W06', visits: SPREEKUUR.nazarethKbl + SPREEKUUR.nazarethNone },
          { period: '2021-W06', visits: SPREEKUUR.pottenbergBudget },
          { period: '2021-W10', visits: SPREEKUUR.pottenbergSzmh },
          { period: '2021-W52', visits: 1 },
        ]),
      );
    });

    it('vroegsignalering by neighbourhood, creditor type and follow-up', () => {
      expect(sorted(raw.signals)).toEqual(
        sorted([
          {
            neighbourhoodId: ids.neighbourhoods.pottenberg,
            creditorType: 'huur',
            outcome: 'aanbod_gedaan',
            signals: SIGNALS.huurOffered,
            attempts: SIGNALS.huurOffered,
            firstConversations: SIGNALS.huurOffered,
          },
          {
            neighbourhoodId: ids.neighbourhoods.pottenberg,
            creditorType: 'huur',
            outcome: 'open',
            signals: SIGNALS.huurOpen,
            attempts: SIGNALS.huurOpen,
            firstConversations: 0,
          },
          {
            neighbourhoodId: ids.neighbourhoods.nazareth,
            creditorType: 'energie',
            outcome: 'geen_contact',
            signals: SIGNALS.energieNoContact,
            attempts: 2 * SIGNALS.energieNoContact,
            firstConversations: 0,
          },
          {
            neighbourhoodId: null,
            creditorType: 'water',
            outcome: 'open',
            signals: SIGNALS.waterOpen,
            attempts: 0,
            firstConversations: 0,
          },
        ]),
      );
    });

    it('maatwerkbudget paid per replaced scheme', () => {
      const total = BUDGET.single * BUDGET.singleCents + BUDGET.double * BUDGET.doubleCents;
      expect(sorted(raw.budgetSchemes)).toEqual(
        sorted([
          { scheme: 'bijzondere-bijstand', households: BUDGET.single + BUDGET.double, paidCents: total },
          { scheme: 'jeugdhulp', households: BUDGET.double, paidCents: BUDGET.double * BUDGET.doubleCents },
          { scheme: null, households: BUDGET.single + BUDGET.double, paidCents: total },
        ]),
      );
    });
  });

  describe('age bands (computed from date thresholds since 1763801400000)', () => {
    it('agree with age() on every band boundary, also on 29 February', async () => {
      const monitor = t.app.get(MonitorService);
      for (const to of ['2024-02-29', '2023-02-28', '2023-03-01']) {
        const births = await boundaryClients(t, to);
        const raw = await monitor.aggregates({ municipalityId: MAASTRICHT, from: to, to });
        const { rows: expected } = await t.db.query<{ band: string; n: number }>(
          `SELECT reporting_age_band(b, $1::date) AS band, count(*)::int AS n FROM unnest($2::date[]) b GROUP BY 1`,
          [to, births],
        );
        const byBand = (xs: { band: string; n: number }[]) =>
          Object.fromEntries(xs.map((x) => [x.band, x.n]));
        // (the Jeugd clients of the dataset above are still in care on these dates)
        const wmo = raw.clients.filter((c) => c.pillar === 'WMO');
        expect(byBand(wmo.map((c) => ({ band: c.ageBand, n: c.clients })))).toEqual(byBand(expected));
        expect(births.length).toBeGreaterThanOrEqual(25);
      }
    });
  });

  describe('GET /api/v1/reports/monitor/themes', () => {
    let report: ThemesReport;
    beforeAll(async () => {
      const res = await get('beleidsmedewerker', { municipalityId: MAASTRICHT, ...YEAR });
      expect(res.status).toBe(200);
      report = res.body as ThemesReport;
    });
    const cell = (table: CrossTable, row: string, column: string) =>
      table.cells[table.rows.findIndex((r) => r.key === row)][
        table.columns.findIndex((c) => c.key === column)
      ];

    it('publishes the suppressed tables of the known dataset', () => {
      expect(report.quarterly.rows.map((r) => r.key)).toEqual(['2021-K1', '2021-K2', '2021-K3', '2021-K4']);
      expect(cell(report.quarterly, '2021-K2', 'WMO')).toBe(WMO_CLIENTS);
      expect(cell(report.quarterly, '2021-K2', 'SHV')).toBe(SHV_GRANTED);
      expect(cell(report.quarterly, '2021-K3', 'JEUGD')).toBe(SMALL);
      // 26 bezwaren, 15 of them Wmo, 23 ongegrond: the other pillars hold 11, of which the SHV "x" is
      // at least 10, so with the 12 shown every other cell of those rows would be pinned to 0 (found
      // only by the exact check, not by interval reasoning): the 12 is hidden too
      expect(cell(report.bezwaren, 'WMO', 'ongegrond')).toBe(HIDDEN);
      expect(cell(report.bezwaren, 'WMO', 'gegrond')).toBe(SMALL);
      expect(report.bezwaren.grandTotal).toBe(
        BEZWAAR.wmoOngegrond + BEZWAAR.wmoGegrond + BEZWAAR.shvOngegrond,
      );
      expect(report.shvFirstContact.rows.map((r) => r.month)).toEqual(['2021-03', '2021-04', '2021-05']);
      expect(report.shvFirstContact.rows[0]).toEqual({
        month: '2021-03',
        procedures: SHV_FAST,
        averageDays: 14,
        overLimit: SMALL,
      });
      expect(report.shvFirstContact.limitDays).toBe(28);
      // 12 next to a total of 12 would pin the five other types ("<10") to 0: hidden
      expect(cell(report.shvTrajectories, 'shv-stabilisatie', 'trajecten')).toBe(HIDDEN);
      expect(report.shvTrajectories.columnTotals).toEqual([SHV_GRANTED]);
      // February: De Rink's 0 ("<10") would follow from 26 - 14 - 12, so the 12 is hidden too
      expect(cell(report.spreekuurVisits, '2021-02', ids.wijkservicepunten.pottenberg)).toBe(HIDDEN);
      expect(report.spreekuurVisits.rows).toHaveLength(12);
      // A count that is the only one in its row next to the row total would pin the "<10" zeros
      // beside it to 0: in this sparse dataset such counts are hidden, the totals published.
      expect(cell(report.spreekuurReferrals, 'kbl', ids.wijkservicepunten.nazareth)).toBe(HIDDEN);
      expect(report.spreekuurReferrals.rowTotals![0]).toBe(SPREEKUUR.nazarethKbl);
      expect(cell(report.spreekuurTopics, 'inkomen', ids.wijkservicepunten.pottenberg)).toBe(HIDDEN);
      expect(report.spreekuurTopics.rowTotals![3]).toBe(SPREEKUUR.pottenbergBudget);
      expect(cell(report.signalsByNeighbourhood, ids.neighbourhoods.nazareth, 'energie')).toBe(HIDDEN);
      expect(cell(report.signalFollowUp, 'energie', 'geen_contact')).toBe(HIDDEN);
      expect(cell(report.signalFollowUp, 'water', 'open')).toBe(SMALL);
      expect(cell(report.signalActions, 'energie', 'vervolgacties')).toBe(2 * SIGNALS.energieNoContact);
      expect(cell(report.budgetSchemes, 'bijzondere-bijstand', 'huishoudens')).toBe(
        BUDGET.single + BUDGET.double,
      );
      expect(cell(report.budgetSchemes, 'jeugdhulp', 'huishoudens')).toBe(SMALL);
      expect(cell(report.budgetSchemes, 'jeugdhulp', 'betaald')).toBe(SMALL);
      // six schemes' amounts are hidden (five of them 0): the amount of all together cannot single one out
      expect(cell(report.budgetSchemes, 'alle', 'betaald')).toBe(
        (BUDGET.single * BUDGET.singleCents + BUDGET.double * BUDGET.doubleCents) / 100,
      );
      expect(cell(report.budgetSchemes, 'bijzondere-bijstand', 'betaald')).toBe(
        (BUDGET.single * BUDGET.singleCents + BUDGET.double * BUDGET.doubleCents) / 100,
      );
      expect(JSON.stringify(report)).not.toMatch(/bsn|birth|person|household_id/i);
    });

    it('publishes no count under 10 in any table', () => {
      const counts = CROSS_TABLE_KEYS.filter((k) => k !== 'budgetSchemes').flatMap((k) => {
        const table = report[k];
        return [
          ...table.cells.flat(),
          ...(table.rowTotals ?? []),
          ...(table.columnTotals ?? []),
          table.grandTotal,
        ];
      });
      expect(counts.length).toBeGreaterThan(100);
      for (const c of counts) {
        if (typeof c === 'number') expect(c).toBeGreaterThanOrEqual(10);
        else if (c !== undefined) expect([SMALL, HIDDEN]).toContain(c);
      }
    });

    it('no hidden cell can be solved from the published figures (all tables, linked ones together)', async () => {
      // exact integer programs for every suppressed figure of three reports: slow on a shared machine
      const attack = attackThemes(report);
      expect(attack.suppressedCount()).toBeGreaterThan(50);
      expect(await attack.determined()).toEqual([]);
      const weekly = (await get('beleidsmedewerker', { ...YEAR, spreekuurPer: 'week' })).body as ThemesReport;
      // 1 January 2021 is a Friday of ISO week 2020-W53
      expect(weekly.spreekuurVisits.rows).toHaveLength(53);
      expect(await attackThemes(weekly).determined()).toEqual([]);
      const monitor = await t
        .http()
        .get('/api/v1/reports/monitor')
        .query(YEAR)
        .set(kit.bearer(await kit.as('beleidsmedewerker')));
      expect(await attackMonitor(monitor.body as MonitorReport).determined()).toEqual([]);
    }, 300_000);

    it('the attack does find a cell protected by primary suppression only', async () => {
      // 12 + "<10" = 15 gives the 3 away; so does the column total.
      const naive = new DisclosureAttack().table('t', {
        cells: [
          [12, SMALL],
          [20, 30],
        ],
        rowTotals: [15, 50],
        columnTotals: [32, 33],
        grandTotal: 65,
      });
      expect(await naive.determined()).toEqual(['t.cell.0.1']);
      // across linked tables: the shared total pins what neither table gives away on its own
      const linked = new DisclosureAttack()
        .same('a.col.0', 'b.row.0')
        .table('a', { cells: [[HIDDEN], [25]], columnTotals: [HIDDEN] })
        .table('b', { cells: [[SMALL, 26]], rowTotals: [HIDDEN] });
      expect((await linked.determined()).sort()).toEqual(['a.cell.0.0', 'a.col.0', 'b.cell.0.0']);
    });

    it('answers CSV with the same figures', async () => {
      const res = await get('beleidsmedewerker', { ...YEAR, format: 'csv' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain('monitor-themas-2021-01-01-2021-12-31.csv');
      const lines = res.text.split('\r\n');
      expect(lines).toContain('Uitkomst van bezwaren per pijler');
      expect(lines).toContain('2021-03;10;14;<10');
      expect(lines).toContain('Stabilisatie;x');
      expect(lines).toContain('Wmo;<10;<10;x;<10;<10;15');
      const viaAccept = await get('beleidsmedewerker', YEAR, 'text/csv');
      expect(viaAccept.text).toBe(res.text);
    });

    it('gives a period inside one quarter the monitor’s own clients per pillar', async () => {
      const q2 = { from: '2021-04-01', to: '2021-06-30' };
      const themed = (await get('beleidsmedewerker', q2)).body as ThemesReport;
      const monitor = (
        await t
          .http()
          .get('/api/v1/reports/monitor')
          .query(q2)
          .set(kit.bearer(await kit.as('beleidsmedewerker')))
      ).body as MonitorReport;
      expect(themed.quarterly.rows).toEqual([{ key: '2021-K2', label: '2021-K2' }]);
      expect(themed.quarterly.cells[0]).toEqual(monitor.pillars.map((p) => p.clients));
    });

    it('lets a teamleider read it, refuses a consulent (403, logged) and validates the query', async () => {
      expect((await get('teamleider', YEAR)).status).toBe(200);
      const refused = await get('consulentWmo', YEAR);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect((await get(null, YEAR)).status).toBe(401);
      const bad = await get('beleidsmedewerker', { ...YEAR, spreekuurPer: 'dag' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('spreekuurPer');
      expect((await get('beleidsmedewerker', { municipalityId: MUNICIPALITY_IDS.vaals })).status).toBe(404);
    });
  });
});

/** The attack on every cross table of a themes report, with the totals two tables share as one figure. */
function attackThemes(report: ThemesReport): DisclosureAttack {
  const attack = new DisclosureAttack();
  report.spreekuurVisits.columns.forEach((_, c) =>
    attack.same(`spreekuurVisits.col.${c}`, `spreekuurReferrals.col.${c}`),
  );
  attack.same('spreekuurVisits.grand', 'spreekuurReferrals.grand');
  report.signalsByNeighbourhood.columns.forEach((_, c) =>
    attack.same(`signalsByNeighbourhood.col.${c}`, `signalFollowUp.row.${c}`),
  );
  attack.same('signalsByNeighbourhood.grand', 'signalFollowUp.grand');
  for (const key of CROSS_TABLE_KEYS) if (key !== 'budgetSchemes') attack.table(key, report[key] as never);
  const lead = report.shvFirstContact;
  attack.table('shvFirstContact', {
    cells: lead.rows.map((r) => [r.procedures, r.overLimit]),
    columnTotals: [lead.total.procedures, lead.total.overLimit],
  });
  return attack;
}

/** The same attack on the monitor's additive tables. */
function attackMonitor(report: MonitorReport): DisclosureAttack {
  const a = report.ageBands;
  return attackSamenloop(new DisclosureAttack(), report.samenloop)
    .table('ageBands', {
      cells: a.rows.map((r) => a.pillars.map((p) => r.clients[p])),
      columnTotals: a.pillars.map((p) => a.totals[p]),
    })
    .table('neighbourhoods', {
      cells: report.neighbourhoods.rows.map((r) => [r.clients]),
      columnTotals: [report.neighbourhoods.total],
    })
    .table('wmoLeadTime', {
      cells: report.wmoLeadTime.rows.map((r) => [r.procedures, r.overLimit]),
      columnTotals: [report.wmoLeadTime.total.procedures, report.wmoLeadTime.total.overLimit],
    });
}

/**
 * Samenloop as its relations stand: single + samenloop = all, the combinations add up to samenloop, and
 * per pillar its households are those with only that pillar (not published) plus its combinations.
 */
function attackSamenloop(attack: DisclosureAttack, s: MonitorReport['samenloop']): DisclosureAttack {
  const pillars = Object.keys(s.householdsPerPillar) as (keyof typeof s.householdsPerPillar)[];
  const combos = s.combinations.map((c) => attack.value(`combo.${c.pillars.join('+')}`, c.households));
  const only = pillars.map((p) => attack.value(`only.${p}`, null));
  const single = attack.value('single', s.singlePillar);
  const twoPlus = attack.value('twoOrMore', s.twoOrMorePillars);
  attack.relation([single, twoPlus], attack.value('households', s.households));
  attack.relation(combos, twoPlus);
  attack.relation(only, single);
  pillars.forEach((p, i) =>
    attack.relation(
      [only[i], ...s.combinations.flatMap((c, j) => (c.pillars.includes(p) ? [combos[j]] : []))],
      attack.value(`perPillar.${p}`, s.householdsPerPillar[p]),
    ),
  );
  return attack;
}

/**
 * One Wmo client per birth date around every band boundary (the day before, on and after turning 4,
 * 12, 18, 27, 45, 67, 75 and 85 on `to`, plus 29 February births), each with a provision on `to` only.
 */
async function boundaryClients(t: TestApp, to: string): Promise<string[]> {
  const { rows } = await t.db.query<{ b: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS b FROM (
       SELECT ($1::date - make_interval(years => y))::date + k AS d
         FROM unnest(ARRAY[4, 12, 18, 27, 45, 67, 75, 85]) y, generate_series(-1, 1) k
       UNION SELECT make_date(y, 2, 29) FROM unnest(ARRAY[1940, 1996, 2000, 2020]) y
     ) x ORDER BY 1`,
    [to],
  );
  const users = await t.app.get(UsersService).idsByEmail([DEMO_EMAILS.consulentWmo]);
  const consulent = users.get(DEMO_EMAILS.consulentWmo)!;
  const client = await t.db.connect();
  try {
    await client.query('BEGIN');
    for (const [i, { b }] of rows.entries()) {
      const {
        rows: [{ id: household }],
      } = await client.query<{ id: string }>(
        `INSERT INTO household (municipality_id, street, house_number, postcode, city)
         VALUES ($1, $2, $3, '6216AB', 'Maastricht') RETURNING id`,
        [MAASTRICHT, `Grensstraat ${to}`, String(i + 1)],
      );
      await client.query(
        `INSERT INTO case_team_member (household_id, municipality_id, user_id, organisation_id, case_role, pillar, legal_basis)
         VALUES ($1, $2, $3, $4, 'regisseur', 'WMO', 'Wmo 2015')`,
        [household, MAASTRICHT, consulent, ORGANISATION_IDS.szmh],
      );
      const {
        rows: [{ id: person }],
      } = await client.query<{ id: string }>(
        `INSERT INTO person (bsn, given_names, family_name, birth_date) VALUES ($1, 'Grens', 'Leeftijd', $2) RETURNING id`,
        [String(550_000_000 + (Number(to.replace(/-/g, '')) % 1000) * 100 + i), b],
      );
      await client.query(
        `INSERT INTO indication (household_id, municipality_id, person_id, pillar, product_id, status, melding_date,
            aanvraag_date, beschikking_date, beschikking_outcome, start_date, end_date)
         VALUES ($1, $2, $3, 'WMO', $4, 'toegekend', $5, $5, $5, 'toegekend', $5, $5)`,
        [household, MAASTRICHT, person, PRODUCT_IDS.wmoHulpBijHetHuishouden, to],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return rows.map((r) => r.b);
}

/** The dataset of the counts above, in Maastricht in 2021, written straight into the tables. */
async function generateKnownDataset(t: TestApp) {
  const users = await t.app
    .get(UsersService)
    .idsByEmail([DEMO_EMAILS.financialCoach, DEMO_EMAILS.consulentWmo, DEMO_EMAILS.teamleider]);
  const coach = users.get(DEMO_EMAILS.financialCoach)!;
  const consulent = users.get(DEMO_EMAILS.consulentWmo)!;
  const teamleider = users.get(DEMO_EMAILS.teamleider)!;
  const client = await t.db.connect();
  let n = 0;
  try {
    await client.query('BEGIN');
    const one = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows[0] as T;
    const idOf = async (table: string, name: string) =>
      (
        await one<{ id: string }>(`SELECT id FROM ${table} WHERE municipality_id = $1 AND name = $2`, [
          MAASTRICHT,
          name,
        ])
      ).id;
    const neighbourhoods = {
      pottenberg: await idOf('neighbourhood', 'Pottenberg'),
      nazareth: await idOf('neighbourhood', 'Nazareth'),
    };
    const wijkservicepunten = {
      nazareth: await idOf('wijkservicepunt', 'Wijkservicepunt Nazareth'),
      pottenberg: await idOf('wijkservicepunt', 'Wijkservicepunt Pottenberg'),
      rink: await idOf('wijkservicepunt', 'Wijkservicepunt De Rink'),
    };
    const household = async () => {
      n++;
      const { id: householdId } = await one<{ id: string }>(
        `INSERT INTO household (municipality_id, neighbourhood_id, street, house_number, postcode, city)
         VALUES ($1, $2, 'Monitorstraat', $3, '6216AB', 'Maastricht') RETURNING id`,
        [MAASTRICHT, neighbourhoods.pottenberg, String(n)],
      );
      await client.query(
        `INSERT INTO case_team_member (household_id, municipality_id, user_id, organisation_id, case_role, pillar, legal_basis)
         VALUES ($1, $2, $3, $4, 'regisseur', 'WMO', 'Wmo 2015')`,
        [householdId, MAASTRICHT, consulent, ORGANISATION_IDS.szmh],
      );
      const { id: personId } = await one<{ id: string }>(
        `INSERT INTO person (bsn, given_names, family_name, birth_date) VALUES ($1, 'Test', 'Thema', '1980-01-01') RETURNING id`,
        [String(770_000_000 + n)],
      );
      return { householdId, personId };
    };
    const indication = async (pillar: string, product: string, columns: Record<string, string>) => {
      const { householdId, personId } = await household();
      const names = Object.keys(columns);
      const { id } = await one<{ id: string }>(
        `INSERT INTO indication (household_id, municipality_id, person_id, pillar, product_id, ${names.join(', ')})
         VALUES ($1, $2, $3, $4, $5, ${names.map((_, i) => `$${i + 6}`).join(', ')}) RETURNING id`,
        [householdId, MAASTRICHT, personId, pillar, product, ...Object.values(columns)],
      );
      return { id, householdId };
    };
    const bezwaar = (ind: { id: string; householdId: string }, outcome: string) =>
      client.query(
        `INSERT INTO indication_bezwaar (indication_id, household_id, municipality_id, received_date, decision_date, outcome)
         VALUES ($1, $2, $3, '2021-06-01', '2021-07-15', $4)`,
        [ind.id, ind.householdId, MAASTRICHT, outcome],
      );
    const granted = (melding: string, start: string, end: string | null) => ({
      status: 'toegekend',
      melding_date: melding,
      beschikking_date: start,
      beschikking_outcome: 'toegekend',
      start_date: start,
      ...(end ? { end_date: end } : {}),
    });

    for (let i = 0; i < WMO_CLIENTS; i++) {
      const wmo = await indication('WMO', PRODUCT_IDS.wmoHulpBijHetHuishouden, {
        ...granted('2020-11-01', '2020-12-01', '2021-12-31'),
        aanvraag_date: '2020-11-01',
      });
      if (i < BEZWAAR.wmoOngegrond) await bezwaar(wmo, 'ongegrond');
      else if (i < BEZWAAR.wmoOngegrond + BEZWAAR.wmoGegrond) await bezwaar(wmo, 'gegrond');
    }
    for (let i = 0; i < SHV_GRANTED; i++) {
      const shv = await indication('SHV', PRODUCT_IDS.shvStabilisatie, {
        ...granted('2021-03-01', '2021-04-10', '2021-06-30'),
        first_conversation_date: i < SHV_FAST ? '2021-03-15' : '2021-04-05',
      });
      if (i < BEZWAAR.shvOngegrond) await bezwaar(shv, 'ongegrond');
    }
    for (let i = 0; i < JEUGD_CLIENTS; i++)
      await indication('JEUGD', PRODUCT_IDS.jeugdAmbulant, {
        ...granted('2021-05-01', '2021-07-01', null),
        aanvraag_date: '2021-05-01',
      });
    for (let i = 0; i < SHV_WITHDRAWN; i++)
      await indication('SHV', PRODUCT_IDS.shvMesis, {
        status: 'ingetrokken',
        melding_date: '2021-05-01',
        withdrawn_on: '2021-05-10',
      });
    for (let i = 0; i < SHV_NOT_PROCESSED; i++)
      await indication('SHV', PRODUCT_IDS.shvMesis, {
        status: 'buiten_behandeling',
        melding_date: '2021-05-01',
        first_conversation_date: '2021-05-05',
        beschikking_date: '2021-06-01',
        beschikking_outcome: 'buiten_behandeling',
      });

    const contact = (wsp: string, at: string, topics: string[], referral: string | null) =>
      client.query(
        `INSERT INTO spreekuur_contact (municipality_id, wijkservicepunt_id, contact_at, topics, referral_to, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [MAASTRICHT, wsp, at, topics, referral, coach],
      );
    for (let i = 0; i < SPREEKUUR.nazarethKbl; i++)
      await contact(wijkservicepunten.nazareth, '2021-02-10T10:00:00+01:00', ['schulden'], 'kbl');
    for (let i = 0; i < SPREEKUUR.nazarethNone; i++)
      await contact(wijkservicepunten.nazareth, '2021-02-11T10:00:00+01:00', ['schulden'], null);
    for (let i = 0; i < SPREEKUUR.pottenbergBudget; i++)
      await contact(wijkservicepunten.pottenberg, '2021-02-12T14:00:00+01:00', ['budget', 'inkomen'], null);
    for (let i = 0; i < SPREEKUUR.pottenbergSzmh; i++)
      await contact(wijkservicepunten.pottenberg, '2021-03-09T09:00:00+01:00', ['schulden'], 'szmh');
    await contact(wijkservicepunten.rink, '2021-12-31T23:30:00+01:00', ['administratie'], null);
    await contact(wijkservicepunten.rink, '2022-01-01T00:30:00+01:00', ['administratie'], null);

    const signal = async (
      type: string,
      neighbourhood: string | null,
      outcome: string | null,
      attempts: number,
      talked: boolean,
    ) => {
      n++;
      const { id } = await one<{ id: string }>(
        `INSERT INTO arrears_signal (municipality_id, owner_organisation_id, creditor_type, creditor, creditor_key, bsn,
            postcode, house_number, address_key, arrears_cents, arrears_months, received_on, neighbourhood_id,
            outcome, outcome_on, help_requested_on, first_conversation_on)
         VALUES ($1, $2, $3, 'Schuldeiser', 'schuldeiser', $4, '6216AB', $5, $6, 50000, 2, '2021-03-01', $7,
            $8::text, CASE WHEN $8::text IS NULL THEN NULL ELSE DATE '2021-03-20' END,
            CASE WHEN $9 THEN DATE '2021-03-15' END, CASE WHEN $9 THEN DATE '2021-03-20' END)
         RETURNING id`,
        [
          MAASTRICHT,
          ORGANISATION_IDS.kbl,
          type,
          String(660_000_000 + n),
          n,
          `6216ab-${n}`,
          neighbourhood,
          outcome,
          talked,
        ],
      );
      for (let a = 0; a < attempts; a++)
        await client.query(
          `INSERT INTO arrears_signal_attempt (signal_id, kind, attempted_on, reached, recorded_by)
           VALUES ($1, 'brief', '2021-03-05', false, $2)`,
          [id, coach],
        );
    };
    for (let i = 0; i < SIGNALS.huurOffered; i++)
      await signal('huur', neighbourhoods.pottenberg, 'aanbod_gedaan', 1, true);
    for (let i = 0; i < SIGNALS.huurOpen; i++)
      await signal('huur', neighbourhoods.pottenberg, null, 1, false);
    for (let i = 0; i < SIGNALS.energieNoContact; i++)
      await signal('energie', neighbourhoods.nazareth, 'geen_contact', 2, false);
    for (let i = 0; i < SIGNALS.waterOpen; i++) await signal('water', null, null, 0, false);
    // a signal of 2022 and one of another municipality stay out
    await client.query(
      `INSERT INTO arrears_signal (municipality_id, owner_organisation_id, creditor_type, creditor, creditor_key, bsn,
          postcode, house_number, address_key, arrears_cents, arrears_months, received_on)
       VALUES ($1, $2, 'huur', 'S', 's', '660999999', '6216AB', 1, 'x', 100, 1, '2022-01-01'),
              ($3, $2, 'huur', 'S', 's', '660999998', '6291AB', 1, 'y', 100, 1, '2021-06-01')`,
      [MAASTRICHT, ORGANISATION_IDS.kbl, MUNICIPALITY_IDS.vaals],
    );

    const { id: budget } = await one<{ id: string }>(
      `INSERT INTO budget (municipality_id, year, amount_cents) VALUES ($1, 2021, 100000000) RETURNING id`,
      [MAASTRICHT],
    );
    const paidRequest = async (schemes: string[], cents: number) => {
      const { householdId, personId } = await household();
      const { id } = await one<{ id: string }>(
        `INSERT INTO budget_request (budget_id, household_id, municipality_id, person_id, goal_ids, amount_cents,
            justification, replaced_schemes, payee_name, wanted_on, status, requested_by, requested_on, decided_by,
            decided_at, motivation, paid_cents)
         VALUES ($1, $2, $3, $4, ARRAY[gen_random_uuid()], $5, 'Test', $6, 'Leverancier', '2021-04-01', 'betaald',
            $7, '2021-03-20', $8, '2021-03-25T10:00:00Z', 'Akkoord', $5) RETURNING id`,
        [budget, householdId, MAASTRICHT, personId, cents, schemes, consulent, teamleider],
      );
      await client.query(
        `INSERT INTO budget_payment (request_id, budget_id, household_id, municipality_id, amount_cents, paid_on, final, recorded_by)
         VALUES ($1, $2, $3, $4, $5, '2021-04-15', true, $6)`,
        [id, budget, householdId, MAASTRICHT, cents, teamleider],
      );
    };
    for (let i = 0; i < BUDGET.single; i++) await paidRequest(['bijzondere-bijstand'], BUDGET.singleCents);
    for (let i = 0; i < BUDGET.double; i++)
      await paidRequest(['bijzondere-bijstand', 'jeugdhulp'], BUDGET.doubleCents);

    await client.query('COMMIT');
    return { neighbourhoods, wijkservicepunten };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
