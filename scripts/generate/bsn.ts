/**
 * Unique synthetic BSNs that pass the elfproef, in a deterministic order.
 *
 * The first eight digits walk a permutation of [10,000,000, 80,000,000) (an affine map with a
 * multiplier coprime to the range), so no two draws repeat without any bookkeeping; the ninth digit
 * is the check digit, and prefixes whose check digit would be 10 are skipped. The first digit is
 * 1..7: the demo seed uses 9 (libs/households/src/demo/demo-random.ts) and bench/bench-kit.ts uses 8,
 * so generated persons never collide with either.
 */
const RANGE = 70_000_000;
const OFFSET = 10_000_000;
// Coprime to 70,000,000 = 2^7 * 5^7 * 7: odd, not a multiple of 5 or 7.
const MULTIPLIER = 48_271_393;

export function elfproefCheckDigit(prefix8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(prefix8[i]) * (9 - i);
  return sum % 11;
}

export function isElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  return elfproefCheckDigit(bsn.slice(0, 8)) === Number(bsn[8]);
}

export class BsnAllocator {
  private index = 0;
  private readonly start: number;

  /** `stream` selects a disjoint-looking starting point; different seeds give different BSNs. */
  constructor(seed: number) {
    this.start = (Math.abs(seed) * 7_919 + 12_345) % RANGE;
  }

  next(): string {
    for (;;) {
      if (this.index >= RANGE) throw new Error('BSN range exhausted');
      const n = (this.start + ((this.index++ * MULTIPLIER) % RANGE)) % RANGE;
      const prefix = String(OFFSET + n);
      const check = elfproefCheckDigit(prefix);
      if (check <= 9) return prefix + String(check);
    }
  }
}
