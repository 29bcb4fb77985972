import { formatEuros, formatEurosNl, parseEuros } from './money';

describe('money: exact euro cents', () => {
  it.each([
    ['0.01', 1],
    ['10.10', 1010],
    ['1234.56', 123_456],
    ['999999999999.99', 99_999_999_999_999],
  ])('parses %s to %i cents', (text, cents) => expect(parseEuros(text)).toBe(cents));

  it.each(['10.005', '10.1', '10', '-5.00', '+5.00', '01.00', '1e3', '10,00', ' 1.00', '', '0x10.00'])(
    'refuses %j',
    (text) => expect(parseEuros(text)).toBeNull(),
  );

  it('refuses numbers: a JSON number is a binary float', () => {
    expect(parseEuros(10.1)).toBeNull();
    expect(parseEuros(1000)).toBeNull();
  });

  it('formats without floating point, also where floats go wrong', () => {
    expect(formatEuros(30)).toBe('0.30');
    expect(formatEuros(10 + 20)).toBe('0.30'); // 0.1 + 0.2 in cents is exact
    expect(formatEuros(-1205)).toBe('-12.05');
    expect(formatEurosNl(123_456_789)).toBe('€ 1.234.567,89');
    expect(formatEurosNl(5)).toBe('€ 0,05');
    expect(() => formatEuros(1.5)).toThrow();
  });

  it('round-trips every cent of a range', () => {
    for (let cents = 0; cents < 20_000; cents += 7) expect(parseEuros(formatEuros(cents))).toBe(cents);
  });
});
