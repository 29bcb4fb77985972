import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Response } from 'supertest';
import { DemoUserKey } from '@app/identity';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit } from '../identity/identity-kit';
import { isoDaysFromToday, PlanKit, TestHousehold } from './plan-kit';

const OWN_WORDS = 'Wij willen weer rust in ons hoofd over geld, en dat Noah met plezier naar school gaat.';
const FINANCIAL = 'Wij hebben een betalingsregeling met de energieleverancier';
const SCHOOL = 'Noah gaat elke dag naar school zonder te verzuimen';
const INTERNAL_NOTE = 'Vermoeden van spanningen tussen ouders, niet met het gezin bespreken';
const INDICATION = '7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

/** Text (pdftotext) and pages (pdftoppm) of a PDF answer, with whitespace folded so wrapped lines match. */
function inspect(res: Response): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
  try {
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length;
    return { text: text.replace(/\s+/g, ' '), pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 6: the family's PDF of an agreed version, in plain Dutch, without what the rules hide. */
describe('plans: the family PDF', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let plans: PlanKit;
  let household: TestHousehold;
  const path = (suffix = '') => `/households/${household.id}/plan${suffix}`;

  async function edit(method: 'post' | 'patch', suffix: string, body: object) {
    const { etag } = await plans.plan('consulentWmo', household.id);
    const res = await plans.write('consulentWmo', method, path(suffix), etag, body);
    if (res.status >= 300) throw new Error(`${method} ${suffix}: ${res.status} ${res.text}`);
    return res.body;
  }

  const pdf = async (user: DemoUserKey, version = 1) =>
    kit.seen(
      await t
        .http()
        .get(`/api/v1${path(`/versions/${version}/pdf`)}`)
        .set(await plans.as(user))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
    );

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    plans = new PlanKit(t, kit);
    await kit.seedDemoUsers();
    household = await plans.household();
    await plans.joinCaseTeam(household.id, 'schuldhulpverlener', 'pillar_contact', 'SHV');
    await edit('patch', '', { ownWords: OWN_WORDS });
    const body = await edit('post', '/goals', {
      lifeDomain: 'financien',
      description: FINANCIAL,
      owner: { type: 'member', id: household.members[0] },
      targetDate: isoDaysFromToday(120),
      internalNote: INTERNAL_NOTE,
      indicationIds: [INDICATION],
    });
    const financial = body.version.goals[0];
    const withSchool = await edit('post', '/goals', {
      lifeDomain: 'onderwijs',
      description: SCHOOL,
      owner: { type: 'member', id: household.members[1] },
      targetDate: isoDaysFromToday(60),
      status: 'bezig',
    });
    const school = withSchool.version.goals[1];
    await edit('post', `/goals/${financial.id}/actions`, {
      actor: { type: 'professional', id: await plans.userId('schuldhulpverlener') },
      description: 'Vraagt de betalingsregeling aan.',
      dueOn: isoDaysFromToday(14),
    });
    await edit('post', `/goals/${school.id}/actions`, {
      actor: { type: 'member', id: household.members[1] },
      description: 'Brengt Noah elke ochtend naar school.',
      dueOn: isoDaysFromToday(7),
    });
  });
  afterAll(() => t.close());

  it('refuses a concept version: only an agreed version goes to the family', async () => {
    const res = await plans.get('consulentWmo', path('/versions/1/pdf'));
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('version');
  });

  it('renders the agreed version: own words first, goals and actions with who and when, no internal notes', async () => {
    await edit('post', '/vaststellen', {
      agreedOn: isoDaysFromToday(0),
      agreedByPersonIds: [household.members[0], household.members[1]],
      nextEvaluationOn: isoDaysFromToday(56),
    });
    const res = await pdf('consulentWmo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="gezinsplan-versie-1.pdf"');
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { text, pages } = inspect(res);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Ons gezinsplan');
    expect(text).toContain(OWN_WORDS);
    expect(text.indexOf('Wat wij willen bereiken')).toBeLessThan(text.indexOf('Onze doelen'));
    expect(text).toContain(FINANCIAL);
    expect(text).toContain(SCHOOL);
    expect(text).toContain('Financiën');
    expect(text).toContain('Wie zorgt ervoor: Anouk Bemelmans');
    expect(text).toContain('Brengt Noah elke ochtend naar school. Wie: Mark Bemelmans.');
    expect(text).toContain('Vraagt de betalingsregeling aan. Wie: Tom Habets (Kredietbank Limburg).');
    expect(text).toContain('afgesproken op');
    expect(text).toContain('met Anouk Bemelmans en Mark Bemelmans');
    expect(text).toContain('Vragen? Neem contact op met uw regisseur: Sanne Janssen');
    expect(text).not.toContain('spanningen');
    expect(text).not.toContain(INDICATION);
    expect(text).not.toContain('Wmo');
  });

  it('leaves out what the viewer may not see: KBL without consent gets the financial part only', async () => {
    const res = await pdf('schuldhulpverlener');
    expect(res.status).toBe(200);
    const { text } = inspect(res);
    expect(text).toContain(FINANCIAL);
    expect(text).toContain('alleen het deel van het plan over geld');
    expect(text).not.toContain(SCHOOL);
    expect(text).not.toContain('Brengt Noah');
    expect(text).not.toContain('rust in ons hoofd');
    expect(text).not.toContain('spanningen');
  });

  it('logs the PDF as an export under plans.pdf', async () => {
    const { rows } = await t.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM access_audit
       WHERE processing_activity_id = 'plans.pdf' AND action = 'export' AND household_id = $1 AND outcome = 'allowed'`,
      [household.id],
    );
    expect(Number(rows[0].n)).toBe(2);
  });

  it('refuses the PDF to other municipalities (404) and to roles without case content (403)', async () => {
    expect((await plans.get('consulentHeuvelland', path('/versions/1/pdf'))).status).toBe(404);
    expect((await plans.get('beleidsmedewerker', path('/versions/1/pdf'))).status).toBe(403);
    expect((await plans.get('consulentWmo', path('/versions/7/pdf'))).status).toBe(404);
  });

  it('leaks nothing', () => kit.expectNothingLeaked());
});
