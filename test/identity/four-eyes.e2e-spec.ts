import { randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { DEMO_EMAILS, DEMO_PASSWORD, DEMO_SECOND_BEHEERDER } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from './identity-kit';

/**
 * Vier-ogenprincipe: no single functioneel beheerder obtains a working login for an account with case
 * access. Creating such an account, granting a case role and resetting such an account's password wait
 * for a second beheerder (not the requester, not the account itself), who alone sees the one-time password.
 */
describe('identity: four eyes for account changes that give case access', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let first: Record<string, string>;
  let second: Record<string, string>;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    first = kit.bearer(await kit.as('functioneelBeheerder'));
    second = kit.bearer(await kit.secondBeheerder());
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const http = () => t.http();
  const send = async (req: Promise<Response>) => kit.seen(await req);
  const consulent = () => ({
    email: `vier.ogen.${randomUUID().slice(0, 8)}@szmh.example`,
    displayName: 'Nieuwe Consulent',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['WMO'],
    municipalityIds: [MUNICIPALITY_IDS.maastricht],
  });
  const decide = (as: Record<string, string>, id: string, decision: string, body?: object) =>
    send(http().post(`/api/v1/user-changes/${id}/${decision}`).set(as).send(body));
  const accountByEmail = async (email: string) =>
    (await t.db.query(`SELECT id, roles FROM user_account WHERE email = $1`, [email])).rows[0];
  const login = (email: string, password: string) =>
    send(http().post('/api/v1/auth/login').send({ email, password }));
  const pendingIds = async (as: Record<string, string>) =>
    (await send(http().get('/api/v1/user-changes').set(as))).body.items.map((c: { id: string }) => c.id);

  it('keeps a new case-role account pending until a second beheerder approves; only they get the password', async () => {
    const body = consulent();
    const requested = await send(http().post('/api/v1/users').set(first).send(body));
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({
      kind: 'create',
      status: 'pending',
      userId: null,
      email: body.email,
    });
    expect(JSON.stringify(requested.body)).not.toMatch(/password/i);
    expect(await accountByEmail(body.email)).toBeUndefined();
    expect(await pendingIds(first)).toContain(requested.body.id);
    // The approver sees who asked by name, not only an id.
    const requester = await t.db.query(`SELECT display_name FROM user_account WHERE id = $1`, [
      requested.body.requestedById,
    ]);
    expect(requested.body).toMatchObject({
      requestedByName: requester.rows[0].display_name,
      decidedByName: null,
    });

    const own = await decide(first, requested.body.id, 'approve');
    expect(own.status).toBe(403);
    expect(own.headers['content-type']).toMatch(PROBLEM);
    expect(own.body.detail).toContain('vier ogen');
    expect(await accountByEmail(body.email)).toBeUndefined();

    const approved = await decide(second, requested.body.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.change).toMatchObject({ status: 'approved', decidedById: expect.any(String) });
    expect(approved.body.user).toMatchObject({ email: body.email, roles: ['consulent'] });
    const oneTimePassword = approved.body.oneTimePassword as string;
    kit.secrets.add(oneTimePassword);
    expect(oneTimePassword).toHaveLength(23);
    expect(approved.body.change.userId).toBe(approved.body.user.id);

    // The one-time password opens nothing until the consulent chooses their own.
    expect((await login(body.email, oneTimePassword)).status).toBe(403);
    const chosen = await send(
      http()
        .post('/api/v1/auth/first-password')
        .send({ email: body.email, oneTimePassword, newPassword: 'Eigen-consulent-2026' }),
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.roles).toEqual(['consulent']);
    expect(await pendingIds(first)).not.toContain(requested.body.id);
  });

  it('keeps a granted case role pending: the account stays without case access until approved', async () => {
    const created = await send(
      http()
        .post('/api/v1/users')
        .set(first)
        .send({ ...consulent(), roles: ['beleidsmedewerker'], pillars: [] }),
    );
    expect(created.status).toBe(201); // no case access: at once, with a one-time password
    kit.secrets.add(created.body.oneTimePassword);
    const session = await send(
      http().post('/api/v1/auth/first-password').send({
        email: created.body.email,
        oneTimePassword: created.body.oneTimePassword,
        newPassword: 'Door-de-beheerder-gekend-1',
      }),
    );
    kit.secrets.add('Door-de-beheerder-gekend-1');
    expect(session.status).toBe(200);

    const grant = await send(
      http()
        .patch(`/api/v1/users/${created.body.id}`)
        .set(first)
        .send({ roles: ['consulent'], pillars: ['WMO'], displayName: 'Nu Consulent' }),
    );
    expect(grant.status).toBe(202);
    expect(grant.body).toMatchObject({ kind: 'update', userId: created.body.id, status: 'pending' });
    expect((await accountByEmail(created.body.email)).roles).toEqual(['beleidsmedewerker']);
    const search = await send(
      http().post('/api/v1/households/search').set(kit.bearer(session.body)).send({ name: 'Jansen' }),
    );
    expect(search.status).toBe(403);

    const twice = await send(
      http()
        .patch(`/api/v1/users/${created.body.id}`)
        .set(first)
        .send({ roles: ['teamleider'] }),
    );
    expect(twice.status).toBe(409);

    expect((await decide(first, grant.body.id, 'approve')).status).toBe(403);
    const approved = await decide(second, grant.body.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.oneTimePassword).toBeUndefined();
    expect(approved.body.user).toMatchObject({ roles: ['consulent'], displayName: 'Nu Consulent' });
  });

  it('applies a change that gives no new case role at once', async () => {
    const id = (await kit.as('consulentWmo')).body.user as { id: string };
    const res = await send(
      http().patch(`/api/v1/users/${id.id}`).set(first).send({ displayName: 'Sanne Janssen-Habets' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Sanne Janssen-Habets');
  });

  it('keeps a password reset of a case-role account pending; the old password works until approval', async () => {
    const victim = (await kit.as('consulentParticipatie')).body.user as { id: string };
    const reset = await send(http().post(`/api/v1/users/${victim.id}/password-reset`).set(first));
    expect(reset.status).toBe(202);
    expect(reset.body).toMatchObject({ kind: 'password-reset', userId: victim.id, changes: {} });
    expect(JSON.stringify(reset.body)).not.toMatch(/oneTimePassword/);
    expect((await login(DEMO_EMAILS.consulentParticipatie, DEMO_PASSWORD)).status).toBe(200);

    expect((await decide(first, reset.body.id, 'approve')).status).toBe(403);
    const approved = await decide(second, reset.body.id, 'approve');
    expect(approved.status).toBe(200);
    kit.secrets.add(approved.body.oneTimePassword);
    expect((await login(DEMO_EMAILS.consulentParticipatie, DEMO_PASSWORD)).status).toBe(401);
    expect((await login(DEMO_EMAILS.consulentParticipatie, approved.body.oneTimePassword)).status).toBe(403);
  });

  it('lets neither the requester nor the account itself approve a change of a beheerder account', async () => {
    const secondId = (await accountByEmail(DEMO_SECOND_BEHEERDER.email)).id as string;
    const reset = await send(http().post(`/api/v1/users/${secondId}/password-reset`).set(first));
    expect(reset.status).toBe(202); // a functioneel beheerder approves changes: four eyes too
    const byAccount = await decide(second, reset.body.id, 'approve');
    expect(byAccount.status).toBe(403);
    expect((await decide(second, reset.body.id, 'reject', { reason: 'Zelf' })).status).toBe(403);
    expect((await decide(first, reset.body.id, 'approve')).status).toBe(403);
    expect((await login(DEMO_SECOND_BEHEERDER.email, DEMO_PASSWORD)).status).toBe(200);
    expect((await decide(first, reset.body.id, 'withdraw')).status).toBe(200);
  });

  it('makes a new beheerder account pending too (no sock puppet to approve one’s own requests)', async () => {
    const res = await send(
      http()
        .post('/api/v1/users')
        .set(first)
        .send({ ...consulent(), roles: ['functioneel-beheerder'], pillars: [] }),
    );
    expect(res.status).toBe(202);
    expect((await decide(first, res.body.id, 'withdraw')).status).toBe(200);
  });

  it('lets the approver reject with a reason; a decided change cannot be decided again', async () => {
    const body = consulent();
    const requested = await send(http().post('/api/v1/users').set(first).send(body));
    const noReason = await decide(second, requested.body.id, 'reject', { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const rejected = await decide(second, requested.body.id, 'reject', {
      reason: 'Geen aanvraag van de teamleider',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Geen aanvraag van de teamleider',
    });
    const late = await decide(second, requested.body.id, 'approve');
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('urn:gezinsplan:problem:invalid-transition');
    expect(await accountByEmail(body.email)).toBeUndefined();
    const list = await send(http().get('/api/v1/user-changes?status=rejected').set(first));
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(requested.body.id);
  });

  it('lets only the requester withdraw, and nobody approve a withdrawn change', async () => {
    const body = consulent();
    const requested = await send(http().post('/api/v1/users').set(first).send(body));
    expect((await decide(second, requested.body.id, 'withdraw')).status).toBe(403);
    const withdrawn = await decide(first, requested.body.id, 'withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await decide(second, requested.body.id, 'approve')).status).toBe(409);
    expect(await accountByEmail(body.email)).toBeUndefined();
  });

  it('re-checks the change at approval (e-mail taken meanwhile: 409 naming email, nothing written)', async () => {
    const body = consulent();
    const requested = await send(http().post('/api/v1/users').set(first).send(body));
    expect(requested.status).toBe(202);
    const again = await send(http().post('/api/v1/users').set(first).send(body));
    expect(again.status).toBe(409); // one pending change per account or address
    await send(
      http()
        .post('/api/v1/users')
        .set(first)
        .send({ ...body, roles: ['beleidsmedewerker'], pillars: [] }),
    );
    const approval = await decide(second, requested.body.id, 'approve');
    expect(approval.status).toBe(409);
    expect(approval.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const { rows } = await t.db.query(`SELECT status FROM user_account_change WHERE id = $1`, [
      requested.body.id,
    ]);
    expect(rows[0].status).toBe('pending');
  });

  it('refuses the pending changes to everyone but the functioneel beheerders', async () => {
    const requested = await send(http().post('/api/v1/users').set(first).send(consulent()));
    for (const role of ['consulentWmo', 'teamleider', 'privacyOfficer', 'beleidsmedewerker'] as const) {
      const auth = kit.bearer(await kit.as(role));
      expect((await send(http().get('/api/v1/user-changes').set(auth))).status).toBe(403);
      expect((await decide(auth, requested.body.id, 'approve')).status).toBe(403);
      expect(
        (await send(http().post(`/api/v1/users/${requested.body.id}/password-reset`).set(auth))).status,
      ).toBe(403);
    }
    expect((await send(http().get('/api/v1/user-changes'))).status).toBe(401);
  });

  it.each([
    ['a malformed id', '/api/v1/user-changes/123/approve', {}, 400, 'id'],
    ['an unknown id', `/api/v1/user-changes/${randomUUID()}/approve`, {}, 404, undefined],
    ['an unknown user', `/api/v1/users/${randomUUID()}/password-reset`, {}, 404, undefined],
    [
      'a reason that is too long',
      `/api/v1/user-changes/${randomUUID()}/reject`,
      { reason: 'x'.repeat(1001) },
      400,
      'reason',
    ],
  ])('answers %s with a problem', async (_name, url, body, status, field) => {
    const res = await send(http().post(url).set(second).send(body));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers a bad list filter with a 400 naming the field', async () => {
    const res = await send(http().get('/api/v1/user-changes?status=open').set(first));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('status');
  });

  it('logs request and decision in the processing log, with who did them', async () => {
    const requested = await send(http().post('/api/v1/users').set(first).send(consulent()));
    await decide(second, requested.body.id, 'approve');
    const { rows } = await t.db.query(
      `SELECT a.action, a.outcome, a.processing_activity_id AS activity, u.email
         FROM access_audit a JOIN user_account u ON u.id::text = a.user_id
        WHERE a.resource_type = 'UserAccountChange' AND a.resource_id = $1 ORDER BY a.id`,
      [requested.body.id],
    );
    expect(rows).toEqual([
      {
        action: 'create',
        outcome: 'allowed',
        activity: 'identity.accounts',
        email: DEMO_EMAILS.functioneelBeheerder,
      },
      {
        action: 'update',
        outcome: 'allowed',
        activity: 'identity.accounts',
        email: DEMO_SECOND_BEHEERDER.email,
      },
    ]);
    const created = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE resource_type = 'UserAccount' AND resource_id = $1`,
      [(await accountByEmail(requested.body.email)).id],
    );
    expect(created.rows[0].n).toBe(1);
  });

  it('holds four eyes in the database too: nobody decides their own request', async () => {
    const requested = await send(http().post('/api/v1/users').set(first).send(consulent()));
    await expect(
      t.db.query(
        `UPDATE user_account_change SET status = 'approved', decided_by = requested_by, decided_at = now()
          WHERE id = $1`,
        [requested.body.id],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
