import PDFDocument from 'pdfkit';
import { isCalendarDate } from '@app/core';
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  dutchDate,
  dutchDateTime,
  OUTCOME_LABELS,
  rolesLabel,
} from '../labels';
import { AccessExportDocument } from './access-export.document';

const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const ACCENT = '#004699';

/** The export for reading: plain Dutch, the person's data first, then who processed it and why. */
export function renderAccessExport(doc: AccessExportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: 'Inzage in uw persoonsgegevens', Subject: `Inzageverzoek ${doc.request.reference}` },
  });
  const done = collect(pdf);
  const heading = (text: string) =>
    pdf.moveDown(0.8).font(BOLD).fontSize(14).fillColor(ACCENT).text(text).fillColor(INK).moveDown(0.3);
  const line = (label: string, value: string) =>
    pdf.font(BOLD).fontSize(10).text(`${label}: `, { continued: true }).font(FONT).text(value);

  pdf.font(BOLD).fontSize(20).fillColor(ACCENT).text('Inzage in uw persoonsgegevens').fillColor(INK);
  pdf.moveDown(0.3).font(FONT).fontSize(10);
  line('Kenmerk', doc.request.reference);
  line(
    'Uw verzoek',
    `ontvangen op ${dutchDate(doc.request.receivedOn)} (${CHANNEL_LABELS[doc.request.channel] ?? doc.request.channel})`,
  );
  line('Gemaakt op', dutchDateTime(doc.producedAt));
  pdf
    .moveDown(0.5)
    .fontSize(11)
    .text(
      'U heeft gevraagd welke persoonsgegevens de gemeente over u verwerkt (artikel 15 van de Algemene ' +
        'verordening gegevensbescherming). Hieronder staan alle gegevens die in Gezinsplan over u zijn ' +
        'vastgelegd, en daarna welke organisaties, in welke functie, uw gegevens hebben gebruikt en waarom.',
    );

  for (const part of doc.parts) {
    heading(part.title);
    if (part.records.length === 0) pdf.font(FONT).fontSize(10).text('Hierover is niets over u vastgelegd.');
    for (const record of part.records) {
      pdf.moveDown(0.3).font(BOLD).fontSize(11).text(record.kind);
      for (const field of record.fields) line(field.label, display(field.value));
      if (record.note) pdf.font(FONT).fontSize(9).fillColor('#555555').text(record.note).fillColor(INK);
    }
  }

  heading('Wie heeft uw gegevens gebruikt, en waarom');
  if (doc.accessSummary.length === 0) pdf.font(FONT).fontSize(10).text('Er is geen gebruik vastgelegd.');
  for (const s of doc.accessSummary) {
    pdf
      .moveDown(0.3)
      .font(BOLD)
      .fontSize(10)
      .text(`${s.organisation} (${rolesLabel(s.roles)})`);
    pdf.font(FONT).fontSize(10);
    pdf.text(`${s.activity.name}: ${s.purpose}.`);
    pdf.text(`Grondslag: ${s.legalBasis}.`);
    const times =
      s.count === 1
        ? `1 keer, op ${dutchDateTime(s.first)}`
        : `${s.count} keer, van ${dutchDateTime(s.first)} tot ${dutchDateTime(s.last)}`;
    pdf.text(s.outcome === 'denied' ? `Geweigerd: ${times}. De toegang is niet verleend.` : `${times}.`);
  }

  heading('Alle keren dat uw gegevens zijn gebruikt');
  if (doc.accessesTruncated) {
    pdf.font(FONT).fontSize(9).text(`Alleen de laatste ${doc.accesses.length} keer staan hieronder.`);
  }
  for (const a of doc.accesses) {
    pdf
      .font(FONT)
      .fontSize(9)
      .text(
        `${dutchDateTime(a.occurredAt)} · ${a.organisation?.name ?? 'Gezinsplan'} · ${rolesLabel(a.roles)} · ` +
          `${a.activity.name} · ${ACTION_LABELS[a.action] ?? a.action}` +
          (a.outcome === 'denied' ? ` · ${OUTCOME_LABELS.denied}` : '') +
          (a.breakGlass ? ' · noodtoegang (iemand buiten het casusteam, in een spoedsituatie)' : ''),
      );
  }

  heading('Uw rechten');
  pdf
    .font(FONT)
    .fontSize(10)
    .text(
      'Kloppen uw gegevens niet, dan kunt u vragen ze te verbeteren of aan te vullen (artikel 16 AVG). U kunt ' +
        'ook vragen gegevens te wissen (artikel 17) of het gebruik te beperken (artikel 18), en bezwaar maken ' +
        'tegen het gebruik (artikel 21). Bent u het niet eens met hoe de gemeente met uw gegevens omgaat, dan ' +
        'kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
    );
  footers(pdf, doc);
  pdf.end();
  return done;
}

function display(value: string | number | boolean | null): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  // Only a real date is shown as one: free text such as a street may look like "9999-99-99".
  if (isCalendarDate(value)) return dutchDate(value);
  return String(value);
}

function footers(pdf: PDFKit.PDFDocument, doc: AccessExportDocument) {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font(FONT)
      .fontSize(8)
      .fillColor('#555555')
      .text(
        `${doc.request.reference} · pagina ${i - range.start + 1} van ${range.count}`,
        MARGIN,
        pdf.page.height - MARGIN / 2 - 8,
        { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    pdf.page.margins.bottom = bottom;
  }
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
