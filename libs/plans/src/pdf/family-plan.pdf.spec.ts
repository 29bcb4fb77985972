import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dutchDate, dutchList, FamilyPlanDocument } from './family-plan.document';
import { renderFamilyPlan } from './family-plan.pdf';

const plan = (goals: number): FamilyPlanDocument => ({
  members: ['Fatima El Amrani', 'Amir El Amrani'],
  versionNumber: 3,
  agreedOn: '2026-03-01',
  agreedBy: ['Fatima El Amrani'],
  ownWords: 'Wij willen een rustig huis en geen schulden meer.',
  partial: false,
  domains: [
    {
      label: 'Financiën',
      goals: Array.from({ length: goals }, (_, i) => ({
        description: `Doel nummer ${i + 1} over geld en rekeningen`,
        owner: 'Fatima El Amrani',
        targetDate: '2026-09-01',
        status: 'hier zijn we mee bezig',
        actions: [
          {
            description: `Actie ${i + 1}: een lange omschrijving die over meer dan één regel doorloopt, zodat het afbreken van regels en pagina's getest wordt.`,
            actor: 'Sanne Janssen (SZMH)',
            dueOn: '2026-05-01',
            done: i % 2 === 0,
          },
        ],
      })),
    },
  ],
  nextEvaluationOn: '2026-06-01',
  regisseur: 'Sanne Janssen (SZMH)',
  printedOn: '2026-03-02',
});

describe('family plan PDF', () => {
  it('writes Dutch dates and lists', () => {
    expect(dutchDate('2027-03-01')).toBe('1 maart 2027');
    expect(dutchList(['Anna'])).toBe('Anna');
    expect(dutchList(['Anna', 'Mark', 'Noah'])).toBe('Anna, Mark en Noah');
  });

  it('flows a long plan over several pages without losing text (pdftoppm, pdftotext)', async () => {
    const pdf = await renderFamilyPlan(plan(40));
    const dir = mkdtempSync(join(tmpdir(), 'family-plan-'));
    try {
      writeFileSync(join(dir, 'plan.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '20', '-png', join(dir, 'plan.pdf'), join(dir, 'page')]);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).length;
      expect(pages).toBeGreaterThan(2);
      const text = execFileSync('pdftotext', [join(dir, 'plan.pdf'), '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      for (let i = 1; i <= 40; i++) expect(text).toContain(`Doel nummer ${i} over geld`);
      expect(text).toContain(`pagina ${pages} van ${pages}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
