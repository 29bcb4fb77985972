/**
 * The anonymisation rules of the casusboek: no names, BSN, addresses or exact dates; ages in bands;
 * dates as month or quarter at most.
 */
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

export const monthOf = (isoDate: string) =>
  `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;

export const quarterOf = (isoDate: string) =>
  `${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}e kwartaal ${isoDate.slice(0, 4)}`;

/** CBS-like age bands. */
const AGE_BANDS: [number, number | null, string][] = [
  [0, 3, '0-3 jaar'],
  [4, 11, '4-11 jaar'],
  [12, 17, '12-17 jaar'],
  [18, 26, '18-26 jaar'],
  [27, 44, '27-44 jaar'],
  [45, 66, '45-66 jaar'],
  [67, null, '67 jaar en ouder'],
];

export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A birth date after the reference day (a registered expected child) counts as the youngest band. */
export function ageBand(age: number): string {
  const years = Math.max(0, age);
  return AGE_BANDS.find(([from, to]) => years >= from && (to === null || years <= to))![2];
}

/** Tussenvoegsels: parts of names, but removing them from Dutch prose would remove ordinary words. */
const NAME_PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  'in',
  'op',
  "'t",
  'la',
  'le',
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = '\\p{L}\\p{N}';

/** Free text with every identifying term, number and date removed or coarsened. */
export function redact(text: string, identifyingTerms: string[]): string {
  let out = text;
  // Dates first, so their digits are not mistaken for numbers below.
  out = out.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, mo: string) => monthOf(`${y}-${mo}-01`));
  out = out.replace(/\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g, (_m, _d, mo: string, y: string) =>
    Number(mo) >= 1 && Number(mo) <= 12 ? monthOf(`${y}-${mo.padStart(2, '0')}-01`) : '[datum]',
  );
  out = out.replace(new RegExp(`\\b\\d{1,2}\\s+(${MONTHS.join('|')})\\b`, 'giu'), '$1');
  out = out.replace(/\b\d{8,9}\b/g, '[nummer]');
  out = out.replace(/\b\d{4}\s?[A-Z]{2}\b/g, '[postcode]');
  const terms = [
    ...new Set(
      identifyingTerms
        .map((t) => t.trim())
        .filter((t) => t.length > 1 && !NAME_PARTICLES.has(t.toLowerCase())),
    ),
  ].sort((a, b) => b.length - a.length);
  for (const term of terms) {
    const pattern = new RegExp(`(?<![${LETTER}])${escapeRegExp(term)}(?![${LETTER}])`, 'giu');
    out = out.replace(pattern, '[…]');
  }
  return out;
}
