import { DomainError } from '@app/core';
import { naturalKey, parseSignalCsv, ParsedLine } from './signal-csv';

const RULES = { today: '2026-11-20', earliestReceivedOn: '2026-05-24' };
const HEADER =
  'schuldeiser_type;schuldeiser;bsn;postcode;huisnummer;achterstand_bedrag;achterstand_maanden;ontvangen_op';
const parse = (...lines: string[]) => parseSignalCsv([HEADER, ...lines].join('\n'), RULES);
const fieldError = (error: unknown) => (error as DomainError).extensions.errors?.[0];

describe('vroegsignalering CSV', () => {
  it('reads a valid line into a signal with cents, a normalised postcode and an address key', () => {
    const [line] = parse('Huur;Maasvallei ;12345672;6217 aa;12;1234,5;3;2026-11-02');
    expect(line).toEqual({
      line: 2,
      row: expect.objectContaining({
        creditorType: 'huur',
        creditor: 'Maasvallei',
        creditorKey: 'maasvallei',
        bsn: '012345672',
        postcode: '6217AA',
        houseNumber: 12,
        addressKey: '6217AA|12|',
        arrearsCents: 123450,
        arrearsMonths: 3,
        receivedOn: '2026-11-02',
        threatening: false,
      }),
    });
  });

  it('reports every bad field of a line by name, never its value', () => {
    const [line] = parse('gas;;123456789;62;0;-5;0;2026-02-30') as [Extract<ParsedLine, { errors: unknown }>];
    expect(line.errors.map((e) => e.field)).toEqual([
      'schuldeiser_type',
      'schuldeiser',
      'bsn',
      'postcode',
      'huisnummer',
      'achterstand_bedrag',
      'achterstand_maanden',
      'ontvangen_op',
    ]);
    expect(JSON.stringify(line)).not.toContain('123456789');
  });

  it('counts physical line numbers, skips blank lines and reports broken CSV per line', () => {
    const lines = parse(
      '',
      'huur;A;111222333;6217AA;1;10;1;2026-11-01',
      '"water;B',
      'water;B;111222333;6217AA;1;10;1',
    );
    expect(lines.map((l) => [l.line, 'row' in l ? 'ok' : l.errors[0].field])).toEqual([
      [3, 'ok'],
      [4, '(regel)'],
      [5, '(regel)'],
    ]);
  });

  it('accepts comma-separated files with quotes, a BOM and optional columns in any order', () => {
    const text =
      '\uFEFFdreiging,bsn,schuldeiser,schuldeiser_type,postcode,huisnummer,huisnummer_toevoeging,achterstand_bedrag,achterstand_maanden,ontvangen_op,kenmerk\n' +
      'ja,111222333,"Enexis, Maastricht",energie,6211AB,3,a,"99.99",2,2026-11-01,K-1';
    const [line] = parseSignalCsv(text, RULES);
    expect(line).toMatchObject({
      row: {
        creditor: 'Enexis, Maastricht',
        threatening: true,
        addressKey: '6211AB|3|A',
        arrearsCents: 9999,
      },
    });
  });

  it('refuses dates in the future or past the retention period', () => {
    const errors = (date: string) =>
      (parse(`huur;A;111222333;6217AA;1;10;1;${date}`)[0] as { errors?: { reason: string }[] }).errors;
    expect(errors('2026-11-21')?.[0].reason).toMatch(/toekomst/);
    expect(errors('2026-05-23')?.[0].reason).toMatch(/bewaartermijn/);
    expect(errors('2026-05-24')).toBeUndefined();
  });

  it('refuses an empty file, a wrong header, a header only and a file that is not UTF-8', () => {
    expect(fieldError(catchError(() => parseSignalCsv('  \n', RULES)))).toMatchObject({ field: 'file' });
    const wrong = fieldError(catchError(() => parseSignalCsv('huur;Maasvallei;111222333\n', RULES)));
    expect(wrong).toMatchObject({ field: 'header' });
    expect(wrong?.message).not.toContain('111222333');
    expect(fieldError(catchError(() => parseSignalCsv(HEADER + '\n', RULES)))?.message).toMatch(
      /alleen een kopregel/,
    );
    expect(fieldError(catchError(() => parseSignalCsv(`${HEADER}\nhuur;Caf\uFFFD`, RULES)))?.message).toMatch(
      /UTF-8/,
    );
  });

  it('keys a signal by creditor type, creditor, BSN and received date', () => {
    const row = {
      creditorType: 'huur' as const,
      creditorKey: 'a',
      bsn: '111222333',
      receivedOn: '2026-11-01',
    };
    expect(naturalKey(row)).toBe(naturalKey({ ...row }));
    expect(naturalKey(row)).not.toBe(naturalKey({ ...row, receivedOn: '2026-11-02' }));
  });
});

function catchError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
