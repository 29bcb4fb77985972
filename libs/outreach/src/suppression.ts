/** DESIGN.md rule 6: every count under 10 is shown as "<10", and no figure may be derived from others. */
export const SMALL = '<10';
export type Count = number | typeof SMALL;

export function suppress(count: number): Count {
  return count < 10 ? SMALL : count;
}

/**
 * Suppresses a breakdown whose cells add up to a total that is shown: when exactly one cell would be
 * hidden it could be computed as total minus the others, so the smallest other cell is hidden too.
 */
export function suppressBreakdown(cells: Record<string, number>): Record<string, Count> {
  const out: Record<string, Count> = Object.fromEntries(
    Object.entries(cells).map(([key, n]) => [key, suppress(n)]),
  );
  const hidden = Object.values(out).filter((n) => n === SMALL).length;
  if (hidden === 1) {
    const [smallest] = Object.entries(cells)
      .filter(([key]) => out[key] !== SMALL)
      .sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
    if (smallest) out[smallest[0]] = SMALL;
  }
  return out;
}
