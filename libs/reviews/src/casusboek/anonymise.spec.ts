import { ageBand, ageOn, monthOf, quarterOf, redact } from './anonymise';

describe('casusboek anonymisation', () => {
  it('puts ages in bands, also for a birth date after the reference day', () => {
    expect(ageBand(ageOn('2026-12-10', '2026-11-22'))).toBe('0-3 jaar');
    expect(ageBand(ageOn('2008-11-23', '2026-11-22'))).toBe('12-17 jaar');
    expect(ageBand(ageOn('2008-11-22', '2026-11-22'))).toBe('18-26 jaar');
    expect(ageBand(90)).toBe('67 jaar en ouder');
  });

  it('coarsens dates to a month or quarter', () => {
    expect(monthOf('2026-03-09')).toBe('maart 2026');
    expect(quarterOf('2026-03-31')).toBe('1e kwartaal 2026');
    expect(quarterOf('2026-10-01')).toBe('4e kwartaal 2026');
  });

  it('removes names, numbers, postcodes and exact dates from free text', () => {
    const text =
      'Fatima El Amrani (BSN 123456782) woont op de Brusselsestraat 12, 6211 PG. ' +
      'Gesproken op 2026-03-09, 9-3-2026 en 9 maart 2026.';
    const out = redact(text, ['Fatima El Amrani', 'Fatima', 'El Amrani', 'Amrani', 'Brusselsestraat']);
    expect(out).not.toMatch(/Fatima|Amrani|123456782|Brusselsestraat|6211|2026-03-09|9-3-2026|9 maart/);
    expect(out).toContain('maart 2026');
  });

  it('removes a name with a tussenvoegsel but keeps the ordinary words it contains', () => {
    const out = redact('Jan de Vries sprak met de moeder van het kind.', [
      'Jan de Vries',
      'Jan',
      'de',
      'Vries',
    ]);
    expect(out).toBe('[…] sprak met de moeder van het kind.');
  });
});
