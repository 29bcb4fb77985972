/**
 * Looks for personal data in log output: every BSN and every given or family name of the dataset,
 * matched as whole tokens (a BSN as a 9-digit run, a name as a capitalised word; tussenvoegsels such
 * as "van" are not names on their own).
 */
export interface Person {
  bsn: string | null;
  given_names: string | null;
  family_name: string | null;
}

export interface LogHit {
  kind: 'bsn' | 'name';
  value: string;
  line: number;
  excerpt: string;
}

export function nameWords(people: Person[]): Set<string> {
  const words = new Set<string>();
  for (const p of people) {
    for (const word of `${p.given_names ?? ''} ${p.family_name ?? ''}`.split(/[\s-]+/u)) {
      if (word.length >= 3 && /^\p{Lu}/u.test(word)) words.add(word);
    }
  }
  return words;
}

export function scanLog(log: string, people: Person[]) {
  const bsns = new Set(people.map((p) => p.bsn).filter((b): b is string => !!b));
  const names = nameWords(people);
  const hits: LogHit[] = [];
  const lines = log.split('\n');
  lines.forEach((text, i) => {
    const excerpt = (at: number) => text.slice(Math.max(0, at - 60), at + 60);
    for (const m of text.matchAll(/(?<!\d)\d{9}(?!\d)/gu)) {
      if (bsns.has(m[0]))
        hits.push({ kind: 'bsn', value: m[0], line: i + 1, excerpt: excerpt(m.index ?? 0) });
    }
    for (const m of text.matchAll(/\p{L}[\p{L}'’]*/gu)) {
      if (names.has(m[0]))
        hits.push({ kind: 'name', value: m[0], line: i + 1, excerpt: excerpt(m.index ?? 0) });
    }
  });
  return { lines: lines.length, bsns: bsns.size, names: names.size, hits };
}
