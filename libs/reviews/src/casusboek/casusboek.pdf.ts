import PDFDocument from 'pdfkit';
import { CasusboekDocument } from './casusboek.document';

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ACCENT = '#004699';
const INK = '#1a1a1a';

/** The casusboek as an A4 PDF with the same content as the Markdown. */
export function renderCasusboek(doc: CasusboekDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: 'Casusboek 50-gezinnenaanpak', Subject: 'Geanonimiseerde casussen en leerpunten' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const heading = (text: string, size: number) =>
    pdf.moveDown(0.6).font(BOLD).fontSize(size).fillColor(ACCENT).text(text).fillColor(INK).moveDown(0.2);
  const body = (text: string) => pdf.font(FONT).fontSize(11).text(text);
  const bullet = (text: string) => pdf.font(FONT).fontSize(11).text(`•  ${text}`, { indent: 8 });

  pdf.font(BOLD).fontSize(20).fillColor(ACCENT).text('Casusboek 50-gezinnenaanpak').fillColor(INK);
  body(
    `Gemaakt in ${doc.madeIn}. Geanonimiseerd: geen namen, BSN, adressen of precieze data; leeftijden in ` +
      'klassen; een wijk wordt alleen genoemd als er minstens 10 gezinnen uit de aanpak wonen.',
  );
  for (const c of doc.cases) {
    heading(`Casus ${c.number}`, 15);
    body(`Gebied: ${c.area}`);
    body(`Gezin: ${c.composition}`);
    body(`Betrokken pijlers: ${c.pillars.length ? c.pillars.join(', ') : 'geen'}`);
    body(`Gezinsplan: ${c.plan}`);
    for (const r of c.reviews) {
      heading(`Bespreking ${r.quarter} (${r.participantCount} deelnemers)`, 12);
      body(r.findings);
      if (r.actions.length) {
        pdf.moveDown(0.3).font(BOLD).fontSize(11).text('Afspraken:');
        for (const a of r.actions) bullet(`${a.description} (${a.month}; ${a.done ? 'klaar' : 'open'})`);
      }
      if (r.leerpunten.length) {
        pdf.moveDown(0.3).font(BOLD).fontSize(11).text('Leerpunten:');
        for (const l of r.leerpunten) bullet(`${l.theme}: ${l.text}`);
      }
    }
  }
  heading('Leerpunten per thema', 15);
  for (const t of doc.themes) {
    heading(t.label, 12);
    for (const l of t.leerpunten) bullet(`${l.text} (casus ${l.caseNumber})`);
  }
  pdf.end();
  return done;
}
