import { householdBody } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { isProblem } from './evidence-kit';

/**
 * The database goes away under a running app, and comes back (issue 13, "Fault run"; the slow version
 * with load and a stopped server is `npm run bench:fault`). The outage is made for this file's
 * database only: non-superusers may no longer connect (CONNECTION LIMIT 0; superusers are exempt, so
 * this file's inspection pool keeps working) and the app's open connections are terminated.
 */
describe('evidence: a database outage under a running app', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let database: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    await kit.as('consulentWmo');
    database = new URL(t.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    await t.db.query(`ALTER DATABASE "${database}" CONNECTION LIMIT -1`);
    await t.close();
  });

  const outage = async (on: boolean) => {
    await t.db.query(`ALTER DATABASE "${database}" CONNECTION LIMIT ${on ? 0 : -1}`);
    if (on)
      await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename <> current_user`,
      );
  };

  it('says 503 on /health/ready and answers requests with 503 problem documents and Retry-After (used to: 500, 401)', async () => {
    await outage(true);
    try {
      const ready = await t.http().get('/health/ready');
      const me = await t
        .http()
        .get('/api/v1/auth/me')
        .set(kit.bearer(await kit.as('consulentWmo')));
      const write = await t
        .http()
        .post('/api/v1/households')
        .set(kit.bearer(await kit.as('consulentWmo')))
        .send(householdBody({ street: 'Storingsstraat' }));
      const seen = [ready, me, write].map((res) => ({
        status: res.status,
        problem: isProblem(res),
        retryAfter: res.headers['retry-after'] !== undefined,
      }));
      expect(seen).toEqual([
        { status: 503, problem: true, retryAfter: true },
        { status: 503, problem: true, retryAfter: true },
        { status: 503, problem: true, retryAfter: true },
      ]);
    } finally {
      await outage(false);
    }
  });

  it('recovers without a restart once the database is back, with nothing half-written', async () => {
    await outage(false);
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await t.http().get('/health/ready')).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(200);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(kit.bearer(await kit.as('consulentWmo')));
    expect(me.status).toBe(200);
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM household WHERE street = 'Storingsstraat') AS households,
              (SELECT count(*)::int FROM person p WHERE NOT EXISTS
                 (SELECT 1 FROM household_member m WHERE m.person_id = p.id)) AS orphans`,
    );
    expect(rows[0]).toEqual({ households: 0, orphans: 0 });
  });

  it('logs a pooled connection the server closes while idle, and keeps answering', async () => {
    await outage(false);
    // Several requests at once leave several idle connections in the pool.
    await Promise.all(Array.from({ length: 5 }, () => t.http().get('/health/ready')));
    const before = t.logLines.length;
    await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename <> current_user
          AND state = 'idle'`,
    );
    let lost: string[] = [];
    for (let i = 0; i < 20 && lost.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      lost = t.logLines.slice(before).filter((line) => line.includes('database connection lost'));
    }
    expect(lost.length).toBeGreaterThan(0);
    expect(JSON.parse(lost[0])).toMatchObject({ level: 40, err: { code: '57P01' } });
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });
});
