import PDFDocument from 'pdfkit';
import { dutchDate, dutchList, FamilyPlanDocument } from './family-plan.document';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const ACCENT = '#004699';

/** Renders the family's plan as an A4 PDF in plain Dutch, the household's own words first. */
export function renderFamilyPlan(plan: FamilyPlanDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: 'Ons gezinsplan', Subject: `Gezinsplan, versie ${plan.versionNumber}` },
  });
  const done = collect(doc);
  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(14).fillColor(ACCENT).text(text).fillColor(INK).moveDown(0.3);
  };
  const line = (label: string, value: string) => {
    doc.font(BOLD).fontSize(11).text(`${label}: `, { continued: true }).font(FONT).text(value);
  };

  doc.font(BOLD).fontSize(22).fillColor(ACCENT).text('Ons gezinsplan').fillColor(INK);
  doc.moveDown(0.3).font(FONT).fontSize(11);
  if (plan.members.length) doc.text(`Van: ${dutchList(plan.members)}`);
  doc.text(
    `Versie ${plan.versionNumber}, afgesproken op ${dutchDate(plan.agreedOn)} met ${dutchList(plan.agreedBy)}.`,
  );
  if (plan.partial) {
    doc.moveDown(0.3).text('In dit overzicht staat alleen het deel van het plan over geld (financiën).');
  }

  if (plan.ownWords !== null) {
    heading('Wat wij willen bereiken');
    doc
      .font(FONT)
      .fontSize(12)
      .text(plan.ownWords || '(nog niet ingevuld)');
  }

  heading('Onze doelen');
  if (plan.domains.length === 0) doc.font(FONT).fontSize(11).text('Er staan nog geen doelen in dit plan.');
  let number = 0;
  for (const domain of plan.domains) {
    doc.moveDown(0.4).font(BOLD).fontSize(12).text(domain.label);
    for (const goal of domain.goals) {
      number++;
      doc.moveDown(0.4).font(BOLD).fontSize(11).text(`Doel ${number}. `, { continued: true });
      doc.font(FONT).text(goal.description);
      doc.moveDown(0.1);
      line('Wie zorgt ervoor', goal.owner);
      line('Wanneer klaar', dutchDate(goal.targetDate));
      line('Hoe staat het ervoor', goal.status);
      if (goal.actions.length) {
        doc.moveDown(0.2).font(BOLD).text('Wie doet wat en wanneer:');
        for (const action of goal.actions) {
          const when = `uiterlijk ${dutchDate(action.dueOn)}`;
          const state = action.done ? 'Klaar.' : 'Nog niet klaar.';
          // Hanging indent: wrapped lines stay under the text, not under the bullet; never split from it.
          if (doc.y + 3 * doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom)
            doc.addPage();
          const top = doc.y;
          doc.font(FONT).text('•', MARGIN + 6, top);
          doc.text(
            `${action.description} Wie: ${action.actor}. Wanneer: ${when}. ${state}`,
            MARGIN + 18,
            top,
            {
              width: doc.page.width - 2 * MARGIN - 18,
            },
          );
          doc.x = MARGIN;
        }
      }
    }
  }

  heading('Hoe verder');
  doc.font(FONT).fontSize(11);
  doc.text(
    plan.nextEvaluationOn
      ? `Op ${dutchDate(plan.nextEvaluationOn)} kijken we samen hoe het gaat.`
      : 'We spreken samen af wanneer we kijken hoe het gaat.',
  );
  if (plan.regisseur) doc.text(`Vragen? Neem contact op met uw regisseur: ${plan.regisseur}.`);
  footers(doc, plan.printedOn);
  doc.end();
  return done;
}

function footers(doc: PDFKit.PDFDocument, printedOn: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor('#555555')
      .text(
        `Gemaakt op ${dutchDate(printedOn)} · pagina ${i - range.start + 1} van ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN / 2 - 9,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
