import { SMALL, suppress, suppressBreakdown } from './suppression';

describe('small-cell suppression', () => {
  it('shows every count under 10 as <10', () => {
    expect([0, 9, 10, 42].map(suppress)).toEqual([SMALL, SMALL, 10, 42]);
  });

  it('hides a second cell when a single hidden one could be derived from the total', () => {
    expect(suppressBreakdown({ anonymous: 30, linked: 4 })).toEqual({ anonymous: SMALL, linked: SMALL });
    expect(suppressBreakdown({ kbl: 12, szmh: 3, none: 40, trajekt: 15 })).toEqual({
      kbl: SMALL,
      szmh: SMALL,
      none: 40,
      trajekt: 15,
    });
  });

  it('leaves a breakdown alone when nothing or at least two cells are hidden', () => {
    expect(suppressBreakdown({ a: 12, b: 20 })).toEqual({ a: 12, b: 20 });
    expect(suppressBreakdown({ a: 2, b: 3, c: 20 })).toEqual({ a: SMALL, b: SMALL, c: 20 });
  });
});
