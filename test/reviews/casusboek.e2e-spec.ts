import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { otherTeamleider, reviewsApp } from './review-kit';

const MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');

/** Every way a full date can be written: ISO, d-m-yyyy (with -, / or .), and "d maand yyyy". */
const dateForms = (iso: string) => {
  const [y, m, d] = iso.split('-');
  const forms = [iso];
  for (const day of new Set([d, String(Number(d))])) {
    for (const month of new Set([m, String(Number(m))])) {
      for (const sep of ['-', '/', '.']) forms.push(`${day}${sep}${month}${sep}${y}`);
    }
    forms.push(`${day} ${MONTHS[Number(m) - 1]} ${y}`);
  }
  return forms;
};

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const haystacks = new Map<string, string>();
/** Whether the text mentions the term as whole word(s), case-insensitively. */
const mentions = (text: string, term: string) => {
  if (!haystacks.has(text)) haystacks.set(text, ` ${words(text).join(' ')} `);
  return haystacks.get(text)!.includes(` ${words(term).join(' ')} `);
};

/** Issue 9: the anonymised casusboek (Markdown and PDF). */
describe('reviews: casusboek', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let auth: Record<string, string>;
  let chosen: string[];
  let dir: string;

  const pdfText = (pdf: Buffer) => {
    const file = join(dir, `casusboek-${Date.now()}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  };
  const exportBoth = async (householdIds: string[]) => {
    const md = await t.http().post('/api/v1/casusboek/markdown').set(auth).send({ householdIds });
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    const pdf = await t
      .http()
      .post('/api/v1/casusboek/pdf')
      .set(auth)
      .send({ householdIds })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return { markdown: md.text, pdf: pdfText(pdf.body as Buffer) };
  };

  beforeAll(async () => {
    ({ t, kit } = await reviewsApp());
    dir = mkdtempSync(join(tmpdir(), 'casusboek-'));
    auth = kit.bearer(await kit.as('teamleider'));
    const res = await t.http().get('/api/v1/caseload?cohort=true&pageSize=500').set(auth);
    const items = res.body.items as { householdId: string; lastReviewOn: string | null }[];
    chosen = items.filter((r) => r.lastReviewOn !== null).map((r) => r.householdId);
    // A review whose free text names the family, a professional, the BSN, address and dates.
    const [first] = chosen;
    const { rows: people } = await t.db.query<{
      given_names: string;
      family_name: string;
      bsn: string;
      birth_date: string;
      street: string;
      house_number: string;
      postcode: string;
    }>(
      `SELECT p.given_names, p.family_name, p.bsn, p.birth_date::text, h.street, h.house_number, h.postcode
         FROM household_member hm JOIN person p ON p.id = hm.person_id JOIN household h ON h.id = hm.household_id
        WHERE hm.household_id = $1 ORDER BY p.birth_date LIMIT 1`,
      [first],
    );
    const p = people[0];
    const [y, m, d] = p.birth_date.split('-');
    const written = await t
      .http()
      .post(`/api/v1/households/${first}/case-reviews`)
      .set(auth)
      .send({
        reviewedOn: '2026-11-18',
        participants: ['Joep Smeets', 'Sanne Janssen'],
        findings:
          `${p.given_names} ${p.family_name} (BSN ${p.bsn}, geboren ${Number(d)}-${Number(m)}-${y}) woont op ` +
          `${p.street} ${p.house_number}, ${p.postcode.slice(0, 4)} ${p.postcode.slice(4)}. Sanne Janssen sprak ` +
          `haar op ${p.birth_date} en op ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}.`,
        actions: [
          {
            description: `Joep Smeets belt ${p.given_names} op 2026-12-03`,
            owner: 'Joep',
            dueOn: '2026-12-03',
          },
        ],
        leerpunten: [{ theme: 'regie', text: `Mevrouw ${p.family_name} had baat bij één regisseur.` }],
        nextReviewOn: '2027-02-18',
      });
    expect(written.status).toBe(201);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('contains no name, BSN, address, postcode or full date of any person in the database', async () => {
    const { markdown, pdf } = await exportBoth(chosen);
    expect(markdown).toContain('## Casus 1');
    expect(markdown).toContain('Leerpunten per thema');
    expect(markdown).toContain('Eén gezamenlijke intake');
    expect(pdf).toContain('Casus 1');
    expect(pdf).toContain('Leerpunten per thema');

    const terms = new Set<string>();
    const { rows: persons } = await t.db.query(
      `SELECT bsn, given_names, family_name, birth_date::text FROM person WHERE bsn IS NOT NULL`,
    );
    const dates = new Set<string>();
    for (const p of persons) {
      terms.add(p.bsn);
      for (const name of `${p.given_names} ${p.family_name}`.split(/\s+/))
        if (name.length > 1) terms.add(name);
      dates.add(p.birth_date);
    }
    const { rows: addresses } = await t.db.query(
      `SELECT street, house_number, postcode FROM household WHERE street IS NOT NULL`,
    );
    for (const a of addresses) {
      terms.add(a.street);
      terms.add(a.postcode);
      terms.add(`${a.postcode.slice(0, 4)} ${a.postcode.slice(4)}`);
      terms.add(`${a.street} ${a.house_number}`);
    }
    const { rows: users } = await t.db.query(`SELECT display_name FROM user_account`);
    for (const u of users)
      for (const part of u.display_name.split(/\s+/)) if (part.length > 1) terms.add(part);
    // Dates of the case records themselves are exact dates too.
    const { rows: recordDates } = await t.db.query(
      `SELECT reviewed_on::text AS d FROM case_review UNION SELECT due_on::text FROM case_review_action
       UNION SELECT next_review_on::text FROM case_review WHERE next_review_on IS NOT NULL
       UNION SELECT agreed_on::text FROM plan_version WHERE agreed_on IS NOT NULL`,
    );
    for (const r of recordDates) dates.add(r.d);
    expect(terms.size).toBeGreaterThan(200);

    for (const [format, text] of [
      ['markdown', markdown],
      ['pdf', pdf],
    ]) {
      const leaked = [...terms].filter((term) => mentions(text, term));
      expect({ format, leaked }).toEqual({ format, leaked: [] });
      const leakedDates = [...dates].flatMap(dateForms).filter((form) => mentions(text, form));
      expect({ format, leakedDates }).toEqual({ format, leakedDates: [] });
      // No full date in any form, whatever its source.
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b/);
      expect(text).not.toMatch(new RegExp(`\\b\\d{1,2} (${MONTHS.join('|')}) \\d{4}\\b`, 'i'));
      expect(text).not.toMatch(/\b\d{9}\b/);
    }
    // Ages only in bands; dates at most as a month or a quarter.
    expect(markdown).toMatch(/\d+ volwassenen? \((\d+-\d+ jaar|67 jaar en ouder)/);
    expect(markdown).toMatch(/Bespreking \de kwartaal \d{4}/);
  });

  it('names a neighbourhood only where at least 10 cohort households live', async () => {
    const { rows: hoods } = await t.db.query<{ name: string; n: number }>(
      `SELECT nb.name, count(h.id)::int AS n FROM neighbourhood nb
         LEFT JOIN household h ON h.neighbourhood_id = nb.id AND h.cohort_50 AND h.status = 'active'
        GROUP BY nb.name`,
    );
    const before = await exportBoth(chosen);
    for (const hood of hoods.filter((h) => h.n < 10)) {
      expect({ hood: hood.name, named: mentions(before.markdown, hood.name) }).toEqual({
        hood: hood.name,
        named: false,
      });
    }
    // Move ten cohort households (among them the first chosen one) into one neighbourhood.
    const { rows } = await t.db.query<{ neighbourhood_id: string; name: string }>(
      `SELECT h.neighbourhood_id, nb.name FROM household h JOIN neighbourhood nb ON nb.id = h.neighbourhood_id
        WHERE h.id = $1`,
      [chosen[0]],
    );
    await t.db.query(
      `UPDATE household SET neighbourhood_id = $1 WHERE id IN (
         SELECT id FROM household WHERE cohort_50 AND status = 'active' AND municipality_id =
           (SELECT municipality_id FROM household WHERE id = $2) ORDER BY id = $2 DESC, id LIMIT 10)`,
      [rows[0].neighbourhood_id, chosen[0]],
    );
    const after = await exportBoth([chosen[0]]);
    expect(after.markdown).toContain(`Gebied: ${rows[0].name}, Maastricht`);
    expect(after.pdf).toContain(rows[0].name);
  });

  it('logs the export per household and refuses households the caller may not review', async () => {
    await exportBoth(chosen.slice(0, 2));
    const { rows } = await t.db.query<{ data_subject_id: string; processing_activity_id: string }>(
      `SELECT data_subject_id, processing_activity_id FROM processing_log
        WHERE resource_type = 'Casusboek' AND action = 'export'
          AND trace_id = (SELECT trace_id FROM processing_log WHERE resource_type = 'Casusboek' ORDER BY id DESC LIMIT 1)`,
    );
    expect(rows.map((r) => r.data_subject_id).sort()).toEqual(chosen.slice(0, 2).sort());
    expect(new Set(rows.map((r) => r.processing_activity_id))).toEqual(new Set(['reviews.casusboek.export']));

    const other = await otherTeamleider(t, kit);
    const refused = await t
      .http()
      .post('/api/v1/casusboek/markdown')
      .set(other)
      .send({ householdIds: chosen });
    expect(refused.status).toBe(404);
    const bad = await t
      .http()
      .post('/api/v1/casusboek/markdown')
      .set(auth)
      .send({ householdIds: ['x'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('householdIds');
  });
});
