import { routeDeclarations } from '@app/audit';
import { Clock, FixedClock } from '@app/core';
import { createHousehold, householdBody, nextBsn } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { binary, pdfText } from './privacy-kit';

/**
 * DESIGN.md rule 7: the privacy officer sees no case content. Every privacy route is called here as the
 * privacy officer; none may answer with a name, BSN or address, except the AVG export of the person who
 * asked. The sweep fails when a privacy route is added without being called here.
 */
describe('privacy: the privacy officer sees no case content (rule 7)', () => {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00Z'));
  let t: TestApp;
  let kit: IdentityKit;
  const bsn = nextBsn();
  const partnerBsn = nextBsn();
  const closedBsn = nextBsn();
  const secrets = ['Xanthe', 'Quarlesworth', 'Zonnewijzerpad', 'Ysolde', bsn, partnerBsn, closedBsn];
  const called = new Set<string>();
  const bodies: { route: string; text: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    for (const secret of [bsn, partnerBsn, closedBsn]) kit.secrets.add(secret);
    const member = (b: string, givenNames: string, relation: string) => ({
      ...householdBody().members[0],
      bsn: b,
      givenNames,
      familyName: 'Quarlesworth',
      relation,
    });
    const wmo = await kit.as('consulentWmo');
    await createHousehold(t, kit, wmo, {
      street: 'Zonnewijzerpad',
      members: [member(bsn, 'Xanthe', 'parent'), member(partnerBsn, 'Ysolde', 'partner')],
    });
    const closed = await createHousehold(t, kit, wmo, {
      street: 'Zonnewijzerpad',
      members: [member(closedBsn, 'Xanthe Ysolde', 'parent')],
    });
    await t.db.query(`UPDATE household SET status = 'closed', closed_on = '2001-01-01' WHERE id = $1`, [
      closed.household.id,
    ]);
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const call = async (method: 'GET' | 'POST', route: string, path: string, body?: object) => {
    called.add(`${method} ${route}`);
    const session = kit.bearer(await kit.as('privacyOfficer'));
    const request =
      method === 'GET'
        ? t.http().get(path)
        : t
            .http()
            .post(path)
            .send(body ?? {});
    const res = kit.seen(await request.set(session).buffer(true).parse(binary));
    expect(res.status).toBeLessThan(300);
    const text = (res.body as Buffer).toString('utf8');
    return { res, text };
  };
  const neutral = async (method: 'GET' | 'POST', route: string, path: string, body?: object) => {
    const { text } = await call(method, route, path, body);
    bodies.push({ route: `${method} ${route}`, text });
    return text.startsWith('{') ? JSON.parse(text) : text;
  };

  it('answers every privacy route without naming anyone, except the export for the person who asked', async () => {
    const log = '/privacy/processing-log';
    await neutral('POST', `${log}/search`, `/api/v1${log}/search`, { bsn });
    await neutral('POST', `${log}/person-accesses`, `/api/v1${log}/person-accesses`, { bsn });
    await neutral('GET', `${log}/integrity`, `/api/v1${log}/integrity`);
    await neutral('POST', `${log}/export`, `/api/v1${log}/export`, { bsn, format: 'csv' });
    await neutral('POST', `${log}/export`, `/api/v1${log}/export`, { format: 'json' });

    const requests = '/privacy/access-requests';
    const request = await neutral('POST', requests, `/api/v1${requests}`, {
      bsn,
      receivedOn: '2026-11-19',
      channel: 'e-mail',
    });
    await neutral('GET', requests, `/api/v1${requests}`);
    await neutral('GET', `${requests}/:id`, `/api/v1${requests}/${request.id}`);
    // The one exception: the requested person's own data, for them.
    const json = await call('POST', `${requests}/:id/export`, `/api/v1${requests}/${request.id}/export`, {
      format: 'json',
    });
    expect(json.text).toContain('Quarlesworth');
    expect(json.text).toContain(bsn);
    expect(json.text).not.toContain(partnerBsn);
    expect(json.text).not.toContain('Ysolde');
    const pdf = await call('POST', `${requests}/:id/export`, `/api/v1${requests}/${request.id}/export`, {
      format: 'pdf',
    });
    const text = pdfText(pdf.res.body as Buffer);
    expect(text).toContain('Xanthe');
    expect(text).not.toContain('Ysolde');
    await neutral('POST', `${requests}/:id/extension`, `/api/v1${requests}/${request.id}/extension`, {
      reason: 'Gegevens uit vier domeinen; veel verzoeken tegelijk.',
      informedOn: '2026-11-20',
    });
    await neutral('POST', `${requests}/:id/delivery`, `/api/v1${requests}/${request.id}/delivery`, {
      deliveredOn: '2026-11-20',
    });

    const retention = '/privacy/retention';
    await neutral('GET', `${retention}/policy`, `/api/v1${retention}/policy`);
    const dry = await neutral('POST', `${retention}/runs`, `/api/v1${retention}/runs`, { dryRun: true });
    expect(dry.householdsDue).toBe(1);
    await neutral('POST', `${retention}/runs`, `/api/v1${retention}/runs`, { dryRun: false });
    await neutral('GET', `${retention}/runs`, `/api/v1${retention}/runs`);
    await neutral('GET', `${retention}/runs/:id`, `/api/v1${retention}/runs/${dry.id}`);

    for (const { route, text } of bodies) {
      for (const secret of secrets) {
        if (text.includes(secret))
          throw new Error(`${route} answers with personal data (${secret.length} chars)`);
      }
    }
    const declared = routeDeclarations(t.app)
      .filter((r) => r.path.startsWith('/privacy/'))
      .map((r) => `${r.method} ${r.path.replace(/:[a-zA-Z]+/g, ':id')}`);
    expect([...called].sort()).toEqual([...new Set(declared)].sort());
  });
});
