import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, CONSULENT, DOSSIER_READ } from './audit-context';

describe('audit: recording processing', () => {
  let t: TestApp;
  let h: ReturnType<typeof auditHarness>;
  beforeAll(async () => {
    t = await createTestApp();
    h = auditHarness(t);
  });
  afterAll(() => t.close());

  const rowsOfTrace = async (traceId: string) => ({
    log: (await t.db.query(`SELECT * FROM processing_log WHERE trace_id = $1 ORDER BY id`, [traceId])).rows,
    audit: (await t.db.query(`SELECT * FROM access_audit WHERE trace_id = $1`, [traceId])).rows,
  });
  const counts = async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*) FROM processing_log)::int AS log, (SELECT count(*) FROM access_audit)::int AS audit`,
    );
    return rows[0] as { log: number; audit: number };
  };

  it('writes one processing_log row per data subject and one access_audit row, sharing trace and span', async () => {
    const requestId = randomUUID();
    await h.asUser(() => h.dataSource.transaction((m) => h.audit.record(m, DOSSIER_READ)), { requestId });

    const { log, audit } = await rowsOfTrace(requestId.replace(/-/g, ''));
    expect(log.map((r) => [r.data_subject_type, r.data_subject_id])).toEqual([
      ['household', 'hh-1'],
      ['person', 'person-1'],
      ['person', 'person-2'],
    ]);
    expect(new Set(log.map((r) => r.span_id)).size).toBe(1);
    expect(log[0]).toMatchObject({
      name: 'households.dossier.read',
      status_code: 'OK',
      processing_activity_id: 'households.dossier.read',
      resource_type: 'household',
      resource_id: 'hh-1',
      household_id: 'hh-1',
      action: 'read',
      parent_span_id: null,
    });
    expect(log[0]).not.toHaveProperty('user_id');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      span_id: log[0].span_id,
      user_id: CONSULENT.id,
      roles: CONSULENT.roles,
      organisation_id: 'szmh',
      processing_activity_id: 'households.dossier.read',
      legal_basis: expect.stringContaining('Wmo 2015 art. 2.3.2'),
      purpose: expect.stringContaining('huishouden'),
      outcome: 'allowed',
      reason: null,
    });
  });

  it('gives each call its own span within the request trace', async () => {
    const requestId = randomUUID();
    await h.asUser(
      () =>
        h.dataSource.transaction(async (m) => {
          await h.audit.record(m, DOSSIER_READ);
          await h.audit.record(m, {
            ...DOSSIER_READ,
            action: 'update',
            activityId: 'households.dossier.write',
          });
        }),
      { requestId },
    );
    const { log, audit } = await rowsOfTrace(requestId.replace(/-/g, ''));
    expect(log).toHaveLength(6);
    expect(new Set(audit.map((r) => r.span_id)).size).toBe(2);
  });

  it("takes the route's activity from the request context, and refuses to log without one", async () => {
    await h.asUser(async () => {
      h.setActivity('plans.read');
      await h.dataSource.transaction((m) =>
        h.audit.record(m, { ...DOSSIER_READ, activityId: undefined, resourceId: 'hh-ctx' }),
      );
    });
    const { rows } = await t.db.query(
      `SELECT processing_activity_id FROM access_audit WHERE resource_id = 'hh-ctx'`,
    );
    expect(rows).toEqual([{ processing_activity_id: 'plans.read' }]);

    const before = await counts();
    await expect(
      h.asUser(() =>
        h.dataSource.transaction((m) => h.audit.record(m, { ...DOSSIER_READ, activityId: undefined })),
      ),
    ).rejects.toThrow(/processing activity/);
    expect(await counts()).toEqual(before);
  });

  it('logs an entry without data subjects in access_audit only, also for an anonymous caller', async () => {
    const requestId = randomUUID();
    await h.asUser(
      () =>
        h.dataSource.transaction((m) =>
          h.audit.record(m, {
            activityId: 'identity.authentication',
            action: 'create',
            resourceType: 'session',
            dataSubjects: [],
          }),
        ),
      { requestId, principal: null },
    );
    const { log, audit } = await rowsOfTrace(requestId.replace(/-/g, ''));
    expect(log).toHaveLength(0);
    expect(audit).toEqual([
      expect.objectContaining({ user_id: null, roles: [], organisation_id: null, resource_type: 'session' }),
    ]);
  });

  it('leaves no row when the surrounding transaction is rolled back', async () => {
    const before = await counts();
    await expect(
      h.asUser(() =>
        h.dataSource.transaction(async (m) => {
          await h.audit.record(m, DOSSIER_READ);
          throw new Error('the work failed');
        }),
      ),
    ).rejects.toThrow('the work failed');
    expect(await counts()).toEqual(before);
  });

  it('fails the surrounding transaction when the log insert fails', async () => {
    const typeormErrorLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const before = await counts();
    await expect(
      h.asUser(() =>
        h.dataSource.transaction(async (m) => {
          await h.audit.record(m, DOSSIER_READ);
          await h.audit
            .record(m, { ...DOSSIER_READ, activityId: 'households.does-not-exist' })
            .catch(() => undefined);
          // Swallowing the error does not help: PostgreSQL has aborted the transaction.
          await m.query('SELECT 1');
        }),
      ),
    ).rejects.toThrow(/current transaction is aborted/);
    typeormErrorLog.mockRestore();
    expect(await counts()).toEqual(before);
  });

  it('refuses to log outside a transaction', async () => {
    await expect(h.asUser(() => h.audit.record(h.dataSource.manager, DOSSIER_READ))).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('records a denied attempt in a transaction of its own, with status ERROR', async () => {
    const requestId = randomUUID();
    await expect(
      h.asUser(
        () =>
          h.dataSource.transaction(async () => {
            await h.audit.recordDenied({ ...DOSSIER_READ, reason: 'geen lid van het casusteam' });
            throw new Error('forbidden');
          }),
        { requestId },
      ),
    ).rejects.toThrow('forbidden');
    const { log, audit } = await rowsOfTrace(requestId.replace(/-/g, ''));
    expect(log.map((r) => r.status_code)).toEqual(['ERROR', 'ERROR', 'ERROR']);
    expect(audit).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        reason: 'geen lid van het casusteam',
        user_id: CONSULENT.id,
      }),
    ]);
  });

  it('seals 50 concurrent transactions into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.asUser(() =>
          h.dataSource.transaction((m) =>
            h.audit.record(m, {
              ...DOSSIER_READ,
              resourceId: `concurrent-${i}`,
              householdId: `concurrent-${i}`,
            }),
          ),
        ),
      ),
    );
    await expect(h.audit.verifyChain()).resolves.toEqual({ ok: true, rows: expect.any(Number), unsealed: 0 });
    const sealed = async (table: string) =>
      (
        await t.db.query(
          `SELECT count(DISTINCT s.chain_seq)::int AS n FROM ${table} t JOIN ${table}_seal s ON s.log_id = t.id
            WHERE t.resource_id LIKE 'concurrent-%'`,
        )
      ).rows[0].n;
    expect(await sealed('access_audit')).toBe(50);
    expect(await sealed('processing_log')).toBe(150);
  });

  it('seals committed rows in the background within seconds, without anyone asking', async () => {
    await h.asUser(() =>
      h.dataSource.transaction((m) => h.audit.record(m, { ...DOSSIER_READ, resourceId: 'hh-background' })),
    );
    const sealedCount = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM processing_log l JOIN processing_log_seal s ON s.log_id = l.id
            WHERE l.resource_id = 'hh-background'`,
        )
      ).rows[0].n as number;
    const deadline = Date.now() + 10_000;
    while ((await sealedCount()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await sealedCount()).toBe(3);
  });

  it('logs from a REPEATABLE READ transaction without a serialization failure, sealed once committed', async () => {
    let release!: () => void;
    let snapshotTaken!: () => void;
    const otherCommitted = new Promise<void>((resolve) => (release = resolve));
    const snapshot = new Promise<void>((resolve) => (snapshotTaken = resolve));
    const stale = h.asUser(() =>
      h.dataSource.transaction('REPEATABLE READ', async (m) => {
        await m.query('SELECT 1');
        snapshotTaken();
        await otherCommitted;
        await h.audit.record(m, { ...DOSSIER_READ, resourceId: 'hh-stale' });
      }),
    );
    await snapshot;
    await h.asUser(() => h.dataSource.transaction((m) => h.audit.record(m, DOSSIER_READ)));
    // The other transaction's rows are sealed while the stale one is still open: no conflict either way.
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
    release();
    await expect(stale).resolves.toBeUndefined();
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit a JOIN access_audit_seal s ON s.log_id = a.id
        WHERE a.resource_id = 'hh-stale'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('derives a 32-hex trace id from a request id that is not a UUID', async () => {
    await h.asUser(
      () => h.dataSource.transaction((m) => h.audit.record(m, { ...DOSSIER_READ, resourceId: 'hh-trace' })),
      { requestId: 'trace-abc-12345' },
    );
    const { rows } = await t.db.query(`SELECT trace_id FROM access_audit WHERE resource_id = 'hh-trace'`);
    expect(rows[0].trace_id).toMatch(/^[0-9a-f]{32}$/);
  });
});
