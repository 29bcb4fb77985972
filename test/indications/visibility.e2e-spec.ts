import { Clock, FixedClock } from '@app/core';
import { DemoUserKey } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { ORGANISATION_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { ALL_FIELDS, IndicationsKit, SUMMARY_FIELDS, TestHousehold } from './indications-kit';

type Pillar = 'WMO' | 'JEUGD' | 'PARTICIPATIE' | 'SHV';
type Seen = 'all' | 'summary' | 'none';
const PILLARS: Pillar[] = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV'];

/**
 * DESIGN.md access rules 3-4 as a matrix: role x pillar x (on the case team or not, with consent or not).
 * Household A: everyone on the case team, no consents. Household B: the same case team, consents for
 * every pillar and every organisation. Household C: the others have left its case team; only the
 * teamleider (now regisseur) is on it.
 */
const EXPECTED: Record<string, Record<'A' | 'B' | 'C', Record<Pillar, Seen>>> = {
  consulentWmo: {
    A: { WMO: 'all', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' }, // regisseur
    B: { WMO: 'all', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  consulentJeugd: {
    A: { WMO: 'none', JEUGD: 'all', PARTICIPATIE: 'none', SHV: 'none' },
    B: { WMO: 'summary', JEUGD: 'all', PARTICIPATIE: 'summary', SHV: 'summary' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  consulentParticipatie: {
    A: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'all', SHV: 'none' },
    B: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'all', SHV: 'summary' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  // A sociaal team member of pillar WMO: Wmo details as a same-pillar member; Jeugd never beyond the summary.
  sociaalTeamMedewerker: {
    A: { WMO: 'all', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
    B: { WMO: 'all', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  // KBL and financial coaches: SHV details; Wmo and Jeugd never beyond the summary, even with consent.
  schuldhulpverlener: {
    A: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'all' },
    B: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'all' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  financialCoach: {
    A: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'all' },
    B: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'all' },
    C: { WMO: 'none', JEUGD: 'none', PARTICIPATIE: 'none', SHV: 'none' },
  },
  // Leads SZMH Team Noordwest (consulentWmo, consulentJeugd): the summary, never details.
  teamleider: {
    A: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' },
    B: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' },
    C: { WMO: 'summary', JEUGD: 'summary', PARTICIPATIE: 'summary', SHV: 'summary' },
  },
};
const ROLES = Object.keys(EXPECTED) as DemoUserKey[];
const CREATOR: Record<Pillar, DemoUserKey> = {
  WMO: 'consulentWmo',
  JEUGD: 'consulentJeugd',
  PARTICIPATIE: 'consulentParticipatie',
  SHV: 'schuldhulpverlener',
};

describe('indications: visibility per role, pillar, case team and consent (rules 3-4)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let ik: IndicationsKit;
  const households: Record<'A' | 'B' | 'C', TestHousehold> = {} as never;
  const indications: Record<'A' | 'B' | 'C', Record<Pillar, string>> = { A: {}, B: {}, C: {} } as never;

  async function withTeamAndIndications(name: 'A' | 'B' | 'C') {
    const h = await ik.household('consulentWmo');
    const members: Partial<Record<DemoUserKey, string>> = {};
    members.consulentJeugd = await ik.join(h.id, 'consulentJeugd', 'JEUGD');
    members.consulentParticipatie = await ik.join(h.id, 'consulentParticipatie', 'PARTICIPATIE');
    members.schuldhulpverlener = await ik.join(h.id, 'schuldhulpverlener', 'SHV');
    members.sociaalTeamMedewerker = await ik.join(h.id, 'sociaalTeamMedewerker', 'WMO', 'contributor');
    members.financialCoach = await ik.join(h.id, 'financialCoach', null, 'contributor');
    const body = (pillar: Pillar) =>
      ({
        WMO: { productId: PRODUCT_IDS.wmoBegeleidingIndividueel, form: 'ZiN', personId: h.adultId },
        JEUGD: { productId: PRODUCT_IDS.jeugdJeugdbescherming, form: 'ZiN', personId: h.childId },
        PARTICIPATIE: { productId: PRODUCT_IDS.participatieLevensonderhoud, personId: h.adultId },
        SHV: { productId: PRODUCT_IDS.shvStabilisatie, personId: h.adultId },
      })[pillar];
    for (const pillar of PILLARS) {
      const created = await ik.indication(CREATOR[pillar], h.id, {
        pillar,
        meldingDate: '2026-05-04',
        provider: `Aanbieder ${pillar}`,
        reason: 'Vertrouwelijke reden',
        notes: 'Vertrouwelijke notitie',
        ...body(pillar),
      });
      indications[name][pillar] = created.id;
    }
    households[name] = h;
    return members;
  }

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) =>
      b.overrideProvider(Clock).useValue(new FixedClock(new Date('2026-06-15T10:00:00Z'))),
    );
    kit = new IdentityKit(t);
    ik = new IndicationsKit(t, kit);
    await ik.init();
    await withTeamAndIndications('A');
    await withTeamAndIndications('B');
    for (const organisation of [
      ORGANISATION_IDS.szmh,
      ORGANISATION_IDS.kbl,
      ORGANISATION_IDS.sociaalTeam3,
      ORGANISATION_IDS.financialCoaches,
    ]) {
      for (const pillar of PILLARS) {
        await ik.consent(households.B.id, households.B.adultId, organisation, `PILLAR_${pillar}`);
      }
    }
    const c = await withTeamAndIndications('C');
    const path = `/api/v1/households/${households.C.id}`;
    for (const member of Object.values(c)) {
      expect((await ik.request('consulentWmo', 'delete', `${path}/case-team/${member}`)).status).toBe(204);
    }
    expect(
      (await ik.post('consulentWmo', `${path}/regisseur`, { userId: ik.userId('teamleider') })).status,
    ).toBe(204);
    const team = (await ik.get('teamleider', path)).body.caseTeam as {
      id: string;
      userId: string;
      leftAt: string | null;
    }[];
    const own = team.find((m) => m.userId === ik.userId('consulentWmo') && m.leftAt === null)!;
    expect((await ik.request('teamleider', 'delete', `${path}/case-team/${own.id}`)).status).toBe(204);
  });
  afterAll(() => t.close());

  const expectedFields = (seen: Seen) => (seen === 'all' ? ALL_FIELDS : SUMMARY_FIELDS);

  describe.each(ROLES)('%s', (role) => {
    it.each(['A', 'B', 'C'] as const)('lists exactly the permitted fields of household %s', async (name) => {
      const res = await ik.get(role, `/api/v1/households/${households[name].id}/indications`);
      expect(res.status).toBe(200);
      const seen = Object.fromEntries(
        (res.body.items as Record<string, unknown>[]).map((item) => [item.pillar, Object.keys(item).sort()]),
      );
      const expected = Object.fromEntries(
        PILLARS.filter((p) => EXPECTED[role][name][p] !== 'none').map((p) => [
          p,
          expectedFields(EXPECTED[role][name][p]),
        ]),
      );
      expect(seen).toEqual(expected);
      expect(res.body.total).toBe(Object.keys(expected).length);
    });

    it.each(['A', 'B', 'C'] as const)(
      'reads each indication of household %s as permitted, else 404',
      async (name) => {
        for (const pillar of PILLARS) {
          const res = await ik.get(role, `/api/v1/indications/${indications[name][pillar]}`);
          const seen = EXPECTED[role][name][pillar];
          if (seen === 'none') {
            expect({ pillar, status: res.status }).toEqual({ pillar, status: 404 });
            expect(res.text).not.toContain('Vertrouwelijk');
          } else {
            expect({ pillar, status: res.status }).toEqual({ pillar, status: 200 });
            expect({ pillar, fields: Object.keys(res.body).sort() }).toEqual({
              pillar,
              fields: expectedFields(seen),
            });
          }
        }
      },
    );
  });

  it('shows the dossier section exactly like the list, and only to those with the dossier', async () => {
    for (const role of ROLES) {
      for (const name of ['A', 'B', 'C'] as const) {
        const dossier = await ik.get(role, `/api/v1/households/${households[name].id}`);
        expect(dossier.status).toBe(200);
        const visible = PILLARS.filter((p) => EXPECTED[role][name][p] !== 'none');
        if (dossier.body.access !== 'full') {
          expect({ role, name, section: dossier.body.indications }).toEqual({
            role,
            name,
            section: undefined,
          });
          expect(visible).toEqual([]);
          continue;
        }
        const section = dossier.body.indications as { items: Record<string, unknown>[]; pillars: string[] };
        expect({ role, name, pillars: section.pillars }).toEqual({
          role,
          name,
          pillars: [...visible].sort(),
        });
        for (const item of section.items) {
          const seen = EXPECTED[role][name][item.pillar as Pillar];
          expect({ role, name, fields: Object.keys(item).sort() }).toEqual({
            role,
            name,
            fields: expectedFields(seen),
          });
        }
      }
    }
  });

  it('never lets Jeugd details (jeugdbescherming) reach anyone but the Jeugd consulent', async () => {
    for (const role of ROLES.filter((r) => r !== 'consulentJeugd')) {
      for (const name of ['A', 'B', 'C'] as const) {
        const list = await ik.get(role, `/api/v1/households/${households[name].id}/indications`);
        const dossier = await ik.get(role, `/api/v1/households/${households[name].id}`);
        for (const text of [list.text, dossier.text]) {
          expect(text).not.toContain('Jeugdbescherming');
          expect(text).not.toContain('Aanbieder JEUGD');
        }
      }
    }
    const jeugd = await ik.get('consulentJeugd', `/api/v1/indications/${indications.A.JEUGD}`);
    expect(jeugd.body).toMatchObject({ product: 'Jeugdbescherming', productCategory: 'jeugdhulp' });
  });

  it('answers 404 to a consulent of another municipality and 403 to the beleidsmedewerker', async () => {
    const a = households.A.id;
    expect((await ik.get('consulentHeuvelland', `/api/v1/households/${a}/indications`)).status).toBe(404);
    expect((await ik.get('consulentHeuvelland', `/api/v1/indications/${indications.A.WMO}`)).status).toBe(
      404,
    );
    const write = await ik.post('consulentHeuvelland', `/api/v1/households/${a}/indications`, {
      pillar: 'WMO',
      productId: PRODUCT_IDS.wmoHulpBijHetHuishouden,
      personId: households.A.adultId,
      meldingDate: '2026-06-01',
    });
    expect(write.status).toBe(404);
    for (const path of [
      `/api/v1/households/${a}/indications`,
      `/api/v1/indications/${indications.A.WMO}`,
      '/api/v1/worklists/procedures?scope=team',
    ]) {
      expect((await ik.get('beleidsmedewerker', path)).status).toBe(403);
    }
    for (const role of ['privacyOfficer', 'functioneelBeheerder'] as const) {
      expect((await ik.get(role, `/api/v1/indications/${indications.A.WMO}`)).status).toBe(403);
    }
  });

  it('logs every read under the pillar of the indication, one row per data subject', async () => {
    const before = await ik.lastLogSeq();
    await ik.get('consulentWmo', `/api/v1/households/${households.A.id}/indications`);
    const rows = await ik.logRowsAfter(before);
    expect(rows.map((r) => r.processing_activity_id).sort()).toEqual([
      'indications.jeugd.read',
      'indications.participatie.read',
      'indications.shv.read',
      'indications.wmo.read',
    ]);
    expect(new Set(rows.map((r) => r.household_id))).toEqual(new Set([households.A.id]));
    const persons = { JEUGD: households.A.childId, WMO: households.A.adultId };
    expect(rows.find((r) => r.processing_activity_id === 'indications.jeugd.read')!.data_subject_id).toBe(
      persons.JEUGD,
    );
    expect(rows.find((r) => r.processing_activity_id === 'indications.wmo.read')!.data_subject_id).toBe(
      persons.WMO,
    );
    const denied = await t.db.query(
      `SELECT 1 FROM access_audit WHERE outcome = 'denied' AND processing_activity_id = 'indications.read'`,
    );
    expect(denied.rowCount).toBeGreaterThan(0);
  });

  it('leaks no secret and no BSN into logs or error answers', () => {
    kit.expectNothingLeaked();
    ik.expectNoBsnInLogs();
  });
});
