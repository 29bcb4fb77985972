import { parse } from 'csv-parse/sync';
import { DomainError, isCalendarDate, isValidBsn, POSTCODE_PATTERN } from '@app/core';
import { CREDITOR_TYPES, CreditorType } from '../outreach.vocabulary';

/**
 * The CSV format of a vroegsignalering file (libs/outreach/README.md "CSV-formaat"): UTF-8, a header
 * line, `;` or `,` as separator, one signal per line (no line breaks inside fields).
 */
export const REQUIRED_COLUMNS = [
  'schuldeiser_type',
  'schuldeiser',
  'bsn',
  'postcode',
  'huisnummer',
  'achterstand_bedrag',
  'achterstand_maanden',
  'ontvangen_op',
] as const;
export const OPTIONAL_COLUMNS = [
  'kenmerk',
  'huisnummer_toevoeging',
  'straat',
  'woonplaats',
  'dreiging',
] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

export interface SignalRow {
  creditorType: CreditorType;
  creditor: string;
  creditorKey: string;
  creditorReference: string | null;
  bsn: string;
  postcode: string;
  houseNumber: number;
  houseNumberAddition: string | null;
  street: string | null;
  city: string | null;
  addressKey: string;
  arrearsCents: number;
  arrearsMonths: number;
  receivedOn: string;
  threatening: boolean;
}

/** A problem with one field of one line. The reason never quotes the value (it may be a BSN). */
export interface LineError {
  field: string;
  reason: string;
}

export type ParsedLine = { line: number; row: SignalRow } | { line: number; errors: LineError[] };

export interface CsvRules {
  /** Lines received before this date are refused (before 2021 or past the retention period). */
  earliestReceivedOn: string;
  today: string;
}

const MAX_CENTS = 100_000_000;
const YES = new Set(['ja', 'j', 'true', '1', 'yes']);
const NO = new Set(['nee', 'n', 'false', '0', 'no', '']);

/** The natural key of a signal within one municipality: the same signal twice is one signal. */
export const naturalKey = (r: Pick<SignalRow, 'creditorType' | 'creditorKey' | 'bsn' | 'receivedOn'>) =>
  `${r.creditorType}\u001f${r.creditorKey}\u001f${r.bsn}\u001f${r.receivedOn}`;

/** Parses the whole file first; a problem with the file itself refuses it before anything is stored. */
export function parseSignalCsv(text: string, rules: CsvRules): ParsedLine[] {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (content.trim() === '') throw DomainError.invalidField('file', 'Het bestand is leeg.');
  if (content.includes('\uFFFD') || content.includes('\u0000')) {
    throw DomainError.invalidField(
      'file',
      'Het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8 en probeer opnieuw.',
    );
  }
  const lines = content.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const delimiter = lines[headerIndex].includes(';') ? ';' : ',';
  const columns = header(lines[headerIndex], delimiter);
  const parsed: ParsedLine[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    parsed.push(parseLine(lines[i], i + 1, delimiter, columns, rules));
  }
  if (parsed.length === 0)
    throw DomainError.invalidField('file', 'Het bestand bevat alleen een kopregel en geen signalen.');
  return parsed;
}

function header(line: string, delimiter: string): Column[] {
  const names = splitLine(line, delimiter)?.map((n) => n.trim().toLowerCase()) ?? [];
  const unknown = names.map((n, i) => (KNOWN.has(n) ? -1 : i + 1)).filter((i) => i > 0);
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const doubled = names.filter((n, i) => KNOWN.has(n) && names.indexOf(n) !== i);
  const problems = [
    unknown.length ? `onbekende kolom op positie ${unknown.join(', ')}` : '',
    missing.length ? `ontbrekende kolom ${missing.join(', ')}` : '',
    doubled.length ? `dubbele kolom ${[...new Set(doubled)].join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) {
    throw DomainError.invalidField(
      'header',
      `De kopregel klopt niet (${problems.join('; ')}). Verwacht: ${REQUIRED_COLUMNS.join(';')} en eventueel ${OPTIONAL_COLUMNS.join(';')}.`,
    );
  }
  return names as Column[];
}

/** Fast path for lines without quotes; csv-parse for the rest. Null when the line is not valid CSV. */
function splitLine(line: string, delimiter: string): string[] | null {
  if (!line.includes('"')) return line.split(delimiter);
  try {
    const [record] = parse(line, { delimiter, relax_column_count: true }) as string[][];
    return record ?? [];
  } catch {
    return null;
  }
}

function parseLine(
  text: string,
  line: number,
  delimiter: string,
  columns: Column[],
  rules: CsvRules,
): ParsedLine {
  const cells = splitLine(text, delimiter);
  if (!cells)
    return {
      line,
      errors: [{ field: '(regel)', reason: 'De regel is geen geldige CSV (aanhalingstekens).' }],
    };
  if (cells.length !== columns.length) {
    return {
      line,
      errors: [
        { field: '(regel)', reason: `Verwacht ${columns.length} kolommen, gevonden ${cells.length}.` },
      ],
    };
  }
  const value = (column: Column) => {
    const i = columns.indexOf(column);
    return i < 0 ? '' : cells[i].trim();
  };
  const errors: LineError[] = [];
  const fail = (field: Column, reason: string) => {
    errors.push({ field, reason });
    return null;
  };
  const creditorType = value('schuldeiser_type').toLowerCase();
  if (!(CREDITOR_TYPES as readonly string[]).includes(creditorType)) {
    fail('schuldeiser_type', `Moet een van ${CREDITOR_TYPES.join(', ')} zijn.`);
  }
  const creditor = value('schuldeiser').replace(/\s+/g, ' ');
  if (!creditor) fail('schuldeiser', 'Ontbreekt.');
  else if (creditor.length > 200) fail('schuldeiser', 'Langer dan 200 tekens.');
  const creditorReference = value('kenmerk') || null;
  if (creditorReference && creditorReference.length > 100) fail('kenmerk', 'Langer dan 100 tekens.');
  const rawBsn = value('bsn');
  const bsn = /^\d{8}$/.test(rawBsn) ? `0${rawBsn}` : rawBsn;
  if (!bsn) fail('bsn', 'Ontbreekt.');
  else if (!isValidBsn(bsn)) fail('bsn', 'Geen geldig BSN (9 cijfers en de elfproef).');
  const postcode = value('postcode').replace(/\s+/g, '').toUpperCase();
  if (!POSTCODE_PATTERN.test(postcode)) fail('postcode', 'Moet de vorm 1234AB hebben.');
  const houseNumberText = value('huisnummer');
  const houseNumber = Number(houseNumberText);
  if (!/^\d{1,5}$/.test(houseNumberText) || houseNumber < 1)
    fail('huisnummer', 'Moet een getal van 1 tot 99999 zijn.');
  const addition = value('huisnummer_toevoeging').toUpperCase() || null;
  if (addition && addition.length > 10) fail('huisnummer_toevoeging', 'Langer dan 10 tekens.');
  const street = value('straat') || null;
  if (street && street.length > 200) fail('straat', 'Langer dan 200 tekens.');
  const city = value('woonplaats') || null;
  if (city && city.length > 100) fail('woonplaats', 'Langer dan 100 tekens.');
  const amount = value('achterstand_bedrag');
  const cents = /^\d{1,9}([.,]\d{1,2})?$/.test(amount)
    ? Math.round(Number(amount.replace(',', '.')) * 100)
    : NaN;
  if (!(cents > 0 && cents <= MAX_CENTS)) {
    fail(
      'achterstand_bedrag',
      'Moet een bedrag in euro zijn groter dan 0 en hooguit 1.000.000 (bijv. 412,50).',
    );
  }
  const monthsText = value('achterstand_maanden');
  const months = Number(monthsText);
  if (!/^\d{1,3}$/.test(monthsText) || months < 1 || months > 120) {
    fail('achterstand_maanden', 'Moet een heel aantal maanden van 1 tot 120 zijn.');
  }
  const receivedOn = value('ontvangen_op');
  if (!isCalendarDate(receivedOn)) fail('ontvangen_op', 'Moet een bestaande datum zijn (JJJJ-MM-DD).');
  else if (receivedOn > rules.today) fail('ontvangen_op', 'Ligt in de toekomst.');
  else if (receivedOn < rules.earliestReceivedOn) {
    fail(
      'ontvangen_op',
      `Ligt vóór ${rules.earliestReceivedOn}: buiten de bewaartermijn van onbeantwoorde signalen.`,
    );
  }
  const threat = value('dreiging').toLowerCase();
  if (!YES.has(threat) && !NO.has(threat)) fail('dreiging', 'Moet ja of nee zijn.');
  if (errors.length) return { line, errors };
  return {
    line,
    row: {
      creditorType: creditorType as CreditorType,
      creditor,
      creditorKey: creditor.toLowerCase(),
      creditorReference,
      bsn,
      postcode,
      houseNumber,
      houseNumberAddition: addition,
      street,
      city,
      addressKey: `${postcode}|${houseNumber}|${addition ?? ''}`,
      arrearsCents: cents,
      arrearsMonths: months,
      receivedOn,
      threatening: YES.has(threat),
    },
  };
}
