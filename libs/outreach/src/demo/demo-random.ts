/** A small deterministic PRNG (mulberry32), so the outreach demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** A synthetic BSN that passes the elfproef, in the 9xxxxxxxx test range. */
export function syntheticBsn(random: Random): string {
  for (;;) {
    const digits = [9, ...Array.from({ length: 7 }, () => random.int(0, 9))];
    const check = digits.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11;
    if (check <= 9) return [...digits, check].join('');
  }
}
