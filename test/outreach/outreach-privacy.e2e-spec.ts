import { DataSource } from 'typeorm';
import { DEMO_USERS } from '@app/identity';
import { Clock, FixedClock } from '@app/core';
import { PersonDataRegistry } from '@app/privacy';
import { MUNICIPALITY_IDS } from '@app/reference';
import { createHousehold, nextBsn, userId } from '../households/household-kit';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { csv, csvLine, importCsv, locations, NOW } from './outreach-kit';

const RUNS = '/api/v1/privacy/retention/runs';
/** A person id that holds nothing in outreach. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** What the spreekuur figures count: visitors per location and week, topics and referrals. */
const FIGURES = `SELECT wijkservicepunt_id, date_trunc('week', contact_at) AS week, topics, referral_to, count(*)::int AS n
                   FROM spreekuur_contact GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

describe('outreach: AVG art. 15 export and retention through libs/privacy', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let kit: IdentityKit;
  let coach: LoggedIn;
  let personId: string;
  let householdId: string;
  const signal = new Map<string, string>();
  const contact = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    coach = await kit.as('financialCoach');
    const { household, members } = await createHousehold(t, kit, await kit.as('consulentWmo'));
    householdId = household.id;
    personId = members[0].personId;
    const bsn = members[0].person.bsn;
    kit.secrets.add(bsn);
    const res = await importCsv(
      t,
      kit,
      coach,
      csv(
        csvLine({ bsn, creditor: 'Mine-old', receivedOn: '2026-06-01' }),
        csvLine({ bsn, creditor: 'Mine-recent', type: 'energie', receivedOn: '2026-11-01' }),
        csvLine({ bsn: nextBsn(), creditor: 'Other-answered', receivedOn: '2026-06-02', houseNumber: 9 }),
      ),
    );
    expect(res.body.accepted).toBe(3);
    for (const r of (await t.db.query('SELECT id, creditor FROM arrears_signal')).rows)
      signal.set(r.creditor, r.id);
    await t
      .http()
      .patch(`/api/v1/outreach/signals/${signal.get('Other-answered')}`)
      .set(kit.bearer(coach))
      .send({ outcome: 'eerste_gesprek_gepland', outcomeOn: '2026-06-20' })
      .expect(200);

    const where = await locations(t);
    const coachId = await userId(t, DEMO_USERS.financialCoach.email);
    const add = async (name: string, values: Record<string, unknown>) => {
      const row = {
        municipality_id: MUNICIPALITY_IDS.maastricht,
        wijkservicepunt_id: where.nazareth,
        topics: ['schulden'],
        created_by: coachId,
        ...values,
      };
      const columns = Object.keys(row);
      const { rows } = await t.db.query(
        `INSERT INTO spreekuur_contact (${columns.join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(row),
      );
      contact.set(name, rows[0].id);
    };
    const linked = { household_id: householdId, basis: 'publieke-taak', legal_basis: 'Wgs art. 3' };
    await add('linked-old', {
      ...linked,
      person_id: personId,
      contact_at: '2026-05-04T09:00:00Z',
      note: 'Huur',
    });
    await add('linked-follow-up', {
      ...linked,
      person_id: personId,
      contact_at: '2026-05-05T09:00:00Z',
      follow_up_on: '2028-12-01',
    });
    await add('household-old', { ...linked, contact_at: '2026-05-06T09:00:00Z', referral_to: 'kbl' });
    await add('anonymous-note', { contact_at: '2026-05-06T10:00:00Z', note: 'Vroeg naar de regeling' });
    await add('anonymous', { contact_at: '2026-05-07T09:00:00Z', topics: ['budget', 'inkomen'] });
    await add('linked-recent', { ...linked, person_id: personId, contact_at: '2028-06-20T09:00:00Z' });
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  it("puts the person's signals (by person or BSN), their attempts and linked contacts in the export", async () => {
    await t
      .http()
      .post(`/api/v1/outreach/signals/${signal.get('Mine-old')}/attempts`)
      .set(kit.bearer(coach))
      .send({ kind: 'brief', attemptedOn: '2026-06-05', reached: false })
      .expect(201);
    // A signal received before the person was known carries only the BSN.
    await t.db.query(`UPDATE arrears_signal SET person_id = NULL, household_id = NULL WHERE id = $1`, [
      signal.get('Mine-recent'),
    ]);
    const source = t.app
      .get(PersonDataRegistry)
      .all()
      .find((s) => s.name === 'outreach')!;
    const part = await source.collect(personId, t.app.get(DataSource).manager);
    const sources = part!.records.map((r) => `${r.source.type}:${r.source.id}`).sort();
    const attempt = (await t.db.query('SELECT id FROM arrears_signal_attempt')).rows[0].id;
    expect(sources).toEqual(
      [
        `arrears_signal:${signal.get('Mine-old')}`,
        `arrears_signal:${signal.get('Mine-recent')}`,
        `arrears_signal_attempt:${attempt}`,
        `spreekuur_contact:${contact.get('linked-old')}`,
        `spreekuur_contact:${contact.get('linked-follow-up')}`,
        `spreekuur_contact:${contact.get('linked-recent')}`,
      ].sort(),
    );
    const old = part!.records.find((r) => r.source.id === contact.get('linked-old'))!;
    expect(old.fields.find((f) => f.key === 'location')!.value).toBe('Wijkservicepunt Nazareth');
    expect(old.fields.find((f) => f.key === 'note')!.value).toBe('Huur');
    expect(await source.collect(NOBODY, t.app.get(DataSource).manager)).toBeNull();
  });

  it('states the outreach periods and their source with the retention policy', async () => {
    const res = await t
      .http()
      .get('/api/v1/privacy/retention/policy')
      .set(kit.bearer(await kit.as('privacyOfficer')));
    expect(res.status).toBe(200);
    expect(res.body.sweeps).toEqual([
      expect.objectContaining({
        name: 'outreach.signals',
        periodDays: 180,
        source: expect.stringMatching(/Wgs/),
      }),
      expect.objectContaining({
        name: 'outreach.spreekuur',
        periodDays: 730,
        source: expect.stringMatching(/AVG/),
      }),
    ]);
  });

  it('lists in a dry run exactly what the real run then deletes and anonymises; figures stay equal', async () => {
    clock.set(new Date('2028-07-01T01:00:00Z'));
    const fg = await kit.as('privacyOfficer');
    const snapshot = async () => ({
      signals: (await t.db.query('SELECT * FROM arrears_signal ORDER BY id')).rows,
      contacts: (await t.db.query('SELECT * FROM spreekuur_contact ORDER BY id')).rows,
    });
    const before = await snapshot();
    const figures = (await t.db.query(FIGURES)).rows;

    const dry = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: true });
    expect(dry.status).toBe(201);
    const sweeps = (body: { sweeps: { name: string; deleted: string[]; anonymised: string[] }[] }) =>
      Object.fromEntries(
        body.sweeps.map((s) => [
          s.name,
          { deleted: [...s.deleted].sort(), anonymised: [...s.anonymised].sort() },
        ]),
      );
    const expected = {
      'outreach.signals': {
        deleted: [signal.get('Mine-old'), signal.get('Mine-recent')].sort(),
        anonymised: [],
      },
      'outreach.spreekuur': {
        deleted: [],
        anonymised: ['linked-old', 'household-old', 'anonymous-note'].map((k) => contact.get(k)!).sort(),
      },
    };
    expect(sweeps(dry.body)).toEqual(expected);
    expect(await snapshot()).toEqual(before);

    const real = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: false });
    expect(real.status).toBe(201);
    expect(sweeps(real.body)).toEqual(sweeps(dry.body));
    const after = await snapshot();
    expect(after.signals.map((s) => s.creditor)).toEqual(['Other-answered']);
    expect(
      after.contacts
        .filter((c) => c.person_id)
        .map((c) => c.id)
        .sort(),
    ).toEqual([contact.get('linked-follow-up'), contact.get('linked-recent')].sort());
    const old = after.contacts.find((c) => c.id === contact.get('linked-old'))!;
    expect(old).toMatchObject({ household_id: null, basis: null, legal_basis: null, note: null });
    expect(after.contacts.find((c) => c.id === contact.get('household-old'))).toMatchObject({
      household_id: null,
      referral_to: 'kbl',
    });
    expect((await t.db.query(FIGURES)).rows).toEqual(figures);

    const { rows: log } = await t.db.query(
      `SELECT action, data_subject_id FROM processing_log
        WHERE processing_activity_id = 'privacy.retention' AND resource_type = 'RetentionSweep'`,
    );
    const entry = (r: { action: string; data_subject_id: string }) => `${r.action} ${r.data_subject_id}`;
    expect(log.map(entry).sort()).toEqual(
      [
        `delete ${personId}`,
        // Its person link was removed in the first test: logged under the signal itself.
        `delete signal:${signal.get('Mine-recent')}`,
        `update ${householdId}`,
        `update ${personId}`,
      ].sort(),
    );
    const again = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: false });
    expect(sweeps(again.body)).toEqual({
      'outreach.signals': { deleted: [], anonymised: [] },
      'outreach.spreekuur': { deleted: [], anonymised: [] },
    });
  });
});
