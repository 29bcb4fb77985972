import { Clock, FixedClock } from '@app/core';
import { SignalRetentionService } from '@app/outreach';
import { nextBsn } from '../households/household-kit';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { csv, csvLine, expectNoBsnInLogs, importCsv, NOW } from './outreach-kit';

describe('outreach: retention of unanswered signals', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let coach: LoggedIn;
  let fb: LoggedIn;
  const clock = new FixedClock(new Date(NOW));
  const bsns = new Set<string>();
  const bsn = () => {
    const value = nextBsn();
    bsns.add(value);
    return value;
  };
  const ref = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    coach = await kit.as('financialCoach');
    fb = await kit.as('functioneelBeheerder');
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

  it('lists in a dry run what would be deleted, without personal data, and deletes nothing', async () => {
    const res = kit.seen(
      await t.http().post('/api/v1/outreach/signals/retention/dry-run').set(kit.bearer(fb)),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ receivedBefore: '2026-06-18', retentionDays: 180, count: 3 });
    expect(res.body.signals.map((s: { creditor: string }) => s.creditor)).toEqual([
      'A-unanswered',
      'E-refused',
      'F-no-contact',
    ]);
    expect(Object.keys(res.body.signals[0]).sort()).toEqual(
      ['creditor', 'creditorType', 'id', 'municipalityId', 'outcome', 'receivedOn', 'reference'].sort(),
    );
    for (const value of bsns) expect(res.text).not.toContain(value);
    expect(await remaining()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const privacyOfficer = await kit.as('privacyOfficer');
    expect(
      (await t.http().post('/api/v1/outreach/signals/retention/dry-run').set(kit.bearer(privacyOfficer)))
        .status,
    ).toBe(200);
    for (const who of [coach, await kit.as('schuldhulpverlener'), await kit.as('beleidsmedewerker')]) {
      expect(
        (await t.http().post('/api/v1/outreach/signals/retention/dry-run').set(kit.bearer(who))).status,
      ).toBe(403);
      expect(
        (await t.http().post('/api/v1/outreach/signals/retention/run').set(kit.bearer(who))).status,
      ).toBe(403);
    }
    expect(await remaining()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('deletes exactly those in a real run, with their attempts, regroups, and logs the run', async () => {
    const res = await t.http().post('/api/v1/outreach/signals/retention/run').set(kit.bearer(fb));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'done',
      dryRun: false,
      receivedBefore: '2026-06-18',
      signals: 3,
    });
    expect(await remaining()).toEqual(['B', 'C', 'D']);
    const { rows: attempts } = await t.db.query('SELECT count(*)::int AS n FROM arrears_signal_attempt');
    expect(attempts[0].n).toBe(0);
    const { rows: flags } = await t.db.query('SELECT multiple, priority FROM arrears_signal WHERE id = $1', [
      ref.get('B'),
    ]);
    expect(flags[0]).toEqual({ multiple: false, priority: 1 });
    const { rows: log } = await t.db.query(
      `SELECT data_subject_id FROM processing_log
        WHERE processing_activity_id = 'privacy.retention' AND action = 'delete' ORDER BY 1`,
    );
    expect(log.map((r) => r.data_subject_id)).toEqual(
      ['A', 'E', 'F'].map((k) => `signal:${ref.get(k)}`).sort(),
    );
    const runs = (await t.http().get('/api/v1/outreach/signals/retention/runs').set(kit.bearer(fb))).body;
    expect(
      runs.map((r: { trigger: string; dryRun: boolean; signalCount: number }) => [
        r.trigger,
        r.dryRun,
        r.signalCount,
      ]),
    ).toEqual([
      ['manual', false, 3],
      ['manual', true, 3],
      ['manual', true, 3],
    ]);
    const dry = (await t.http().post('/api/v1/outreach/signals/retention/dry-run').set(kit.bearer(fb))).body;
    expect(dry.count).toBe(0);
  });

  it('runs the nightly job once, however many instances fire at the same time', async () => {
    const retention = t.app.get(SignalRetentionService);
    clock.set(new Date('2027-05-20T01:15:00Z'));
    const results = await Promise.all([
      retention.runScheduled(),
      retention.runScheduled(),
      retention.runScheduled(),
    ]);
    const done = results.filter((r) => r.status === 'done');
    expect(done).toHaveLength(1);
    // B (received 1 November) is now past 180 days; C and D were answered and stay.
    expect(done[0]).toMatchObject({ receivedBefore: '2026-11-21', signals: 1 });
    expect(await remaining()).toEqual(['C', 'D']);
    expect(await retention.runScheduled()).toEqual({
      status: 'skipped',
      reason: 'retention already ran today',
    });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM arrears_signal_retention_run WHERE trigger = 'schedule' AND NOT dry_run`,
    );
    expect(rows[0].n).toBe(1);
    expect(t.logLines.join('\n')).toContain('signal retention run');
  });
});
