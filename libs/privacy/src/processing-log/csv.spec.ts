import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes every field and doubles quotes', () => {
    expect(toCsv(['a', 'b'], [['x "y"', null]])).toBe('"a","b"\r\n"x ""y""",""\r\n');
  });

  it('defuses values a spreadsheet would run as a formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-1'], ['@SUM(1)']])).toBe(
      '"a"\r\n"\'=HYPERLINK(""x"")"\r\n"\'-1"\r\n"\'@SUM(1)"\r\n',
    );
  });
});
