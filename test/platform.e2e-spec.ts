import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './setup/test-app';

const PROBLEM = /application\/problem\+json/;

describe('platform: HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (database reachable)', async () => {
    await t.http().get('/health').expect(200);
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
  });

  it('gives every response a request id, and echoes a valid incoming one', async () => {
    const own = await t.http().get('/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/health').set('X-Request-Id', 'trace-abc-12345');
    expect(echoed.headers['x-request-id']).toBe('trace-abc-12345');
    const refused = await t.http().get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(refused.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const res = await t.http().get('/api/v1/does-not-exist').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ type: 'urn:gezinsplan:problem:not-found', status: 404 });
  });

  it('answers malformed JSON with a 400 problem document and logs no body', async () => {
    const secret = '{"bsn": "111222333", broken';
    const res = await t
      .http()
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(secret)
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('urn:gezinsplan:problem:malformed-json');
    expect(res.body.traceId).toBe(res.headers['x-request-id']);
    expect(t.logLines.join('\n')).not.toContain('111222333');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await t
      .http()
      .post('/api/v1/anything')
      .set('Content-Type', 'text/plain')
      .send('hallo')
      .expect(415);
    expect(res.body.type).toBe('urn:gezinsplan:problem:unsupported-media-type');
  });

  it('answers an oversized body with 413', async () => {
    const huge = JSON.stringify({ note: 'x'.repeat(1_100_000) });
    const res = await t
      .http()
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(huge)
      .expect(413);
    expect(res.body.type).toBe('urn:gezinsplan:problem:payload-too-large');
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    await t
      .http()
      .get('/api/docs')
      .expect((r) => expect([200, 301]).toContain(r.status));
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('runs as its own login that owns nothing and cannot become the owner', async () => {
    const dataSource = t.app.get(DataSource);
    const [me] = await dataSource.query(`SELECT current_user AS login, session_user AS session`);
    expect(me).toEqual({ login: 'gezinsplan_api', session: 'gezinsplan_api' });
    await dataSource.query('RESET ROLE');
    const [after] = await dataSource.query(
      `SELECT current_user AS login, r.rolsuper FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(after).toEqual({ login: 'gezinsplan_api', rolsuper: false });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tableowner = 'gezinsplan_api'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('platform: hostile bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers JSON nested deeper than any document with a 400, not a stack overflow', async () => {
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(nested);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:gezinsplan:problem:malformed-json');
  });

  it('still accepts brackets and braces inside strings', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x@y.nl', password: '[[[[{{{{'.repeat(20) + '\\"' }));
    expect(res.status).toBe(401);
  });
});
