import { DataSource } from 'typeorm';
import { Clock, FixedClock, ownerDataSourceOptions } from '@app/core';
import { MUNICIPALITY_IDS } from '@app/reference';
import { DropSignalRetentionRun1763801900000 } from '../../migrations/1763801900000-drop-signal-retention-run';
import { nextBsn } from '../households/household-kit';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { csv, csvLine, expectNoBsnInLogs, importCsv, NOW } from './outreach-kit';

const RUNS = '/api/v1/privacy/retention/runs';

interface SweepView {
  name: string;
  periodDays: number;
  deleted: string[];
  anonymised: string[];
}

/** Unanswered signals have one retention path: the outreach sweep of the privacy retention run. */
describe('outreach: retention of unanswered signals through the privacy retention run', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let coach: LoggedIn;
  let fg: LoggedIn;
  const clock = new FixedClock(new Date(NOW));
  const bsns = new Set<string>();
  const bsn = () => {
    const value = nextBsn();
    bsns.add(value);
    return value;
  };
  /** Signal id by the first letter of its creditor. */
  const ref = new Map<string, string>();
  const ids = (...keys: string[]) => keys.map((k) => ref.get(k)!).sort();
  const signalSweep = (body: { sweeps: SweepView[] }) =>
    body.sweeps.find((s) => s.name === 'outreach.signals')!;

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    coach = await kit.as('financialCoach');
    fg = await kit.as('privacyOfficer');
    const res = await importCsv(
      t,
      kit,
      coach,
      csv(
        csvLine({ bsn: bsn(), creditor: 'A-unanswered', receivedOn: '2026-06-01' }),
        csvLine({ bsn: bsn(), creditor: 'B-recent', type: 'energie', receivedOn: '2026-11-01' }),
        csvLine({ bsn: bsn(), creditor: 'C-conversation', receivedOn: '2026-06-02', houseNumber: 2 }),
        csvLine({ bsn: bsn(), creditor: 'D-help-request', receivedOn: '2026-06-03', houseNumber: 3 }),
        csvLine({ bsn: bsn(), creditor: 'E-refused', receivedOn: '2026-06-04', houseNumber: 4 }),
        csvLine({ bsn: bsn(), creditor: 'F-no-contact', receivedOn: '2026-06-05', houseNumber: 5 }),
      ),
    );
    expect(res.body.accepted).toBe(6);
    // G: KBL's, in Meerssen, at the same postcode and number as A. The run is not scoped to a municipality.
    const meerssen = await importCsv(
      t,
      kit,
      await kit.as('schuldhulpverlener'),
      csv(csvLine({ bsn: bsn(), creditor: 'G-meerssen', receivedOn: '2026-06-01' })),
      `?municipalityId=${MUNICIPALITY_IDS.meerssen}`,
    );
    expect(meerssen.body.accepted).toBe(1);
    const { rows } = await t.db.query<{ id: string; creditor: string }>(
      'SELECT id, creditor FROM arrears_signal',
    );
    for (const r of rows) ref.set(r.creditor[0], r.id);
    const patch = (key: string, body: object) =>
      t
        .http()
        .patch(`/api/v1/outreach/signals/${ref.get(key)}`)
        .set(kit.bearer(coach))
        .send(body)
        .expect(200);
    const attempt = (key: string, attemptedOn: string) =>
      t
        .http()
        .post(`/api/v1/outreach/signals/${ref.get(key)}/attempts`)
        .set(kit.bearer(coach))
        .send({ kind: 'brief', attemptedOn, reached: false })
        .expect(201);
    await patch('C', { outcome: 'eerste_gesprek_gepland', outcomeOn: '2026-06-20' });
    await patch('D', { helpRequestedOn: '2026-06-10' });
    await attempt('D', '2026-06-11');
    await patch('E', { outcome: 'geweigerd', outcomeOn: '2026-06-12' });
    await attempt('F', '2026-06-06');
    await attempt('F', '2026-06-13');
    await patch('F', { outcome: 'geen_contact', outcomeOn: '2026-06-20' });
    // A is "multiple" with B (another creditor at the same address within six months).
    const { rows: flags } = await t.db.query('SELECT multiple FROM arrears_signal WHERE id = $1', [
      ref.get('B'),
    ]);
    expect(flags[0].multiple).toBe(true);
    // Mid-December: unanswered signals received before 18 June (180 days) are due.
    clock.set(new Date('2026-12-15T09:00:00Z'));
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    expectNoBsnInLogs(t, bsns);
    await t.close();
  });

  const remaining = async () =>
    (
      await t.db.query<{ creditor: string }>('SELECT creditor FROM arrears_signal ORDER BY creditor')
    ).rows.map((r) => r.creditor[0]);
  const attemptsOf = async () =>
    (
      await t.db.query<{ signal_id: string }>('SELECT signal_id FROM arrears_signal_attempt ORDER BY 1')
    ).rows.map((r) => r.signal_id);
  const sweepLog = async () =>
    (
      await t.db.query<{ action: string; data_subject_id: string }>(
        `SELECT action, data_subject_id FROM processing_log
          WHERE processing_activity_id = 'privacy.retention' AND resource_type = 'RetentionSweep'
            AND resource_id = 'outreach.signals' ORDER BY data_subject_id`,
      )
    ).rows;

  it('has no retention routes, job or register of its own any more', async () => {
    for (const who of [fg, await kit.as('functioneelBeheerder')]) {
      expect(
        (await t.http().post('/api/v1/outreach/signals/retention/dry-run').set(kit.bearer(who))).status,
      ).toBe(404);
      expect(
        (await t.http().post('/api/v1/outreach/signals/retention/run').set(kit.bearer(who))).status,
      ).toBe(404);
    }
    const { rows } = await t.db.query(`SELECT to_regclass('arrears_signal_retention_run') AS t`);
    expect(rows[0].t).toBeNull();
    const policy = await t.http().get('/api/v1/privacy/retention/policy').set(kit.bearer(fg));
    expect(policy.body.sweeps).toContainEqual(
      expect.objectContaining({ name: 'outreach.signals', periodDays: 180 }),
    );
    expect(await remaining()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('lets only the privacy officer run retention, also as a dry run', async () => {
    for (const who of [
      coach,
      await kit.as('schuldhulpverlener'),
      await kit.as('functioneelBeheerder'),
      await kit.as('beleidsmedewerker'),
    ]) {
      for (const dryRun of [true, false])
        expect((await t.http().post(RUNS).set(kit.bearer(who)).send({ dryRun })).status).toBe(403);
    }
    expect(await remaining()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('lists in a dry run the unanswered signals past the period, without personal data, and deletes nothing', async () => {
    const before = {
      signals: (await t.db.query('SELECT * FROM arrears_signal ORDER BY id')).rows,
      attempts: await attemptsOf(),
    };
    const res = kit.seen(await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: true }));
    expect(res.status).toBe(201);
    // Refused (E) and no contact (F) are answered without help following: they go like A and G.
    expect(signalSweep(res.body)).toMatchObject({ periodDays: 180, anonymised: [] });
    expect([...signalSweep(res.body).deleted].sort()).toEqual(ids('A', 'E', 'F', 'G'));
    for (const value of bsns) expect(res.text).not.toContain(value);
    expect(res.text).not.toMatch(/unanswered|refused|no-contact|meerssen/i);
    expect({
      signals: (await t.db.query('SELECT * FROM arrears_signal ORDER BY id')).rows,
      attempts: await attemptsOf(),
    }).toEqual(before);
    expect(await sweepLog()).toEqual([]);
  });

  it('deletes exactly those in the real run, with their attempts, regroups and logs whom it concerned', async () => {
    const dry = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: true });
    const res = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: false });
    expect(res.status).toBe(201);
    expect([...signalSweep(res.body).deleted].sort()).toEqual([...signalSweep(dry.body).deleted].sort());
    expect(await remaining()).toEqual(['B', 'C', 'D']);
    // F's attempts went with it; D's stay.
    expect(await attemptsOf()).toEqual([ref.get('D')]);
    // B lost its only neighbour from another creditor (A): no longer multiple, back to normal priority.
    const { rows: flags } = await t.db.query('SELECT multiple, priority FROM arrears_signal WHERE id = $1', [
      ref.get('B'),
    ]);
    expect(flags[0]).toEqual({ multiple: false, priority: 1 });
    // None of these BSNs belongs to a known person: the log names the signal.
    expect(await sweepLog()).toEqual(
      ids('A', 'E', 'F', 'G').map((id) => ({ action: 'delete', data_subject_id: `signal:${id}` })),
    );
    const stored = await t.http().get(`${RUNS}/${res.body.id}`).set(kit.bearer(fg));
    expect(stored.status).toBe(200);
    expect([...signalSweep(stored.body).deleted].sort()).toEqual(ids('A', 'E', 'F', 'G'));

    const again = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: false });
    expect(signalSweep(again.body).deleted).toEqual([]);
  });

  it('deletes the recent signal once it is past the period, never the answered ones', async () => {
    clock.set(new Date('2027-05-20T01:15:00Z'));
    const res = await t.http().post(RUNS).set(kit.bearer(fg)).send({ dryRun: false });
    expect(signalSweep(res.body).deleted).toEqual([ref.get('B')]);
    expect(await remaining()).toEqual(['C', 'D']);
  });

  it('drops the old register in migration 1763801900000; down() restores it, append-only', async () => {
    const owner = new DataSource(ownerDataSourceOptions(t.databaseUrl));
    await owner.initialize();
    const migration = new DropSignalRetentionRun1763801900000();
    const runner = owner.createQueryRunner();
    const privilege = async (kind: string) =>
      (
        await t.db.query(
          `SELECT to_regclass('arrears_signal_retention_run') IS NOT NULL AS present,
                  CASE WHEN to_regclass('arrears_signal_retention_run') IS NOT NULL
                       THEN has_table_privilege('gezinsplan_app', 'arrears_signal_retention_run', $1) END AS granted`,
          [kind],
        )
      ).rows[0];
    try {
      await migration.down(runner);
      expect(await privilege('INSERT')).toEqual({ present: true, granted: true });
      expect(await privilege('DELETE')).toEqual({ present: true, granted: false });
      await migration.up(runner);
      expect(await privilege('INSERT')).toEqual({ present: false, granted: null });
    } finally {
      await runner.release();
      await owner.destroy();
    }
  });
});
