import PDFDocument from 'pdfkit';
import { formatEurosNl } from '../money';
import { DecisionLetterDocument, dutchDate, REPRESENTATIVE_LABELS } from './decision-letter.document';

const MARGIN = 64;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const ACCENT = '#004699';

/** Renders the decision on a maatwerkbudget request as an A4 letter in plain Dutch. */
export function renderDecisionLetter(letter: DecisionLetterDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: 'Besluit op uw aanvraag maatwerkbudget',
      Subject: `Kenmerk ${letter.reference}`,
      Author: `Sociale Zaken Maastricht Heuvelland namens de gemeente ${letter.municipality}`,
      CreationDate: new Date(`${letter.letterDate}T12:00:00Z`),
    },
  });
  const done = collect(doc);
  const paragraph = (text: string) => doc.font(FONT).fontSize(11).fillColor(INK).text(text).moveDown(0.6);
  const heading = (text: string) =>
    doc.moveDown(0.4).font(BOLD).fontSize(12).fillColor(ACCENT).text(text).fillColor(INK).moveDown(0.2);
  const amount = formatEurosNl(letter.amountCents);

  doc.font(BOLD).fontSize(13).fillColor(ACCENT).text('Sociale Zaken Maastricht Heuvelland');
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor(INK)
    .text(`namens het college van burgemeester en wethouders van de gemeente ${letter.municipality}`);
  doc.moveDown(1.5);

  doc.fontSize(11);
  if (letter.addressee) doc.text(letter.addressee);
  else doc.text('De bewoners van');
  doc.text(`${letter.address.street} ${letter.address.houseNumber}`);
  doc.text(
    `${letter.address.postcode.slice(0, 4)} ${letter.address.postcode.slice(4)}  ${letter.address.city}`,
  );
  doc.moveDown(1.2);

  doc.text(`Datum: ${dutchDate(letter.letterDate)}`);
  doc.text(`Kenmerk: ${letter.reference}`);
  doc.text('Onderwerp: besluit op uw aanvraag maatwerkbudget');
  if (letter.representatives.length) {
    const copies = letter.representatives.map(
      (r) =>
        `${r.name}${r.organisationName ? ` (${r.organisationName})` : ''}, ${REPRESENTATIVE_LABELS[r.kind] ?? r.kind}`,
    );
    doc.text(`Afschrift aan: ${copies.join('; ')}`);
  }
  doc.moveDown(1.2);

  paragraph(letter.addressee ? `Beste ${letter.addressee},` : 'Beste bewoners,');
  paragraph(
    `Op ${dutchDate(letter.requestedOn)} is voor uw huishouden een maatwerkbudget aangevraagd van ${amount}. ` +
      `In deze brief leest u ons besluit.`,
  );

  heading('Ons besluit');
  paragraph(
    letter.outcome === 'toegekend'
      ? `Wij kennen u een maatwerkbudget toe van ${amount}. Wij betalen dit bedrag aan ${letter.payeeName}.`
      : 'Wij wijzen uw aanvraag af. U krijgt geen maatwerkbudget voor deze aanvraag.',
  );

  heading('Waarom wij zo besluiten');
  paragraph(letter.motivation);

  heading('Waarvoor is de aanvraag');
  paragraph(letter.justification);
  if (letter.goals.length) {
    paragraph(
      `Het budget hoort bij ${letter.goals.length === 1 ? 'dit doel' : 'deze doelen'} uit uw gezinsplan:`,
    );
    for (const goal of letter.goals) doc.text(`•  ${goal}`, { indent: 12 });
    doc.moveDown(0.6);
  }
  paragraph(
    `Dit maatwerkbudget komt in de plaats van: ${letter.replacedSchemes.join(', ').toLowerCase()}. ` +
      `Het geld is nodig op of rond ${dutchDate(letter.wantedOn)}.`,
  );

  heading('Bent u het niet eens met dit besluit?');
  paragraph(
    `Dan kunt u bezwaar maken. Dat moet binnen 6 weken na de dag waarop wij deze brief hebben verstuurd, ` +
      `dus uiterlijk op ${dutchDate(letter.objectionDeadline)}. Stuur uw bezwaarschrift naar het college van ` +
      `burgemeester en wethouders van de gemeente ${letter.municipality}. Zet in uw bezwaarschrift uw naam en ` +
      `adres, de datum, het kenmerk van deze brief (${letter.reference}), waarom u het niet eens bent met het ` +
      `besluit, en uw handtekening. Een bezwaarschrift schort dit besluit niet op. Is er haast, dan kunt u de ` +
      `voorzieningenrechter van de rechtbank Limburg vragen om een voorlopige voorziening.`,
  );
  if (letter.representatives.length) {
    paragraph(
      'Wij sturen een afschrift van deze brief aan uw wettelijk vertegenwoordiger of gemachtigde. ' +
        'Ook hij of zij kan namens u bezwaar maken.',
    );
  }
  paragraph(
    'Heeft u vragen? Neem dan contact op met uw regisseur of met Sociale Zaken Maastricht Heuvelland.',
  );
  doc.moveDown(0.6);
  paragraph('Met vriendelijke groet,');
  paragraph(
    `${letter.decidedBy}\nnamens het college van burgemeester en wethouders van de gemeente ${letter.municipality}`,
  );

  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
