import { CLOCK_RULES, dueState, legalClocks, ProcedureFacts, runClock, runningClock } from './legal-clocks';

const facts = (overrides: Partial<ProcedureFacts>): ProcedureFacts => ({
  pillar: 'WMO',
  meldingDate: '2026-01-05',
  aanvraagDate: null,
  firstConversationDate: null,
  threat: null,
  beschikkingDate: null,
  withdrawnOn: null,
  suspensions: [],
  bezwaren: [],
  ...overrides,
});
const wmo = (melding: string, suspensions: ProcedureFacts['suspensions'] = []) =>
  runClock(melding, CLOCK_RULES.wmoBeschikking, suspensions);
const threeWorkingDays = (request: string, suspensions: ProcedureFacts['suspensions'] = []) =>
  runClock(request, CLOCK_RULES.shvThreatening, suspensions).deadline;

describe('legal clocks: calendar days', () => {
  it('Wmo: 56 days from the melding, the melding day itself not counted', () => {
    expect(wmo('2026-01-05')).toEqual({ deadline: '2026-03-02', paused: false, suspendedDays: 0 });
  });

  it('runs across the leap day: 56 days from 5 January is 1 March in 2028 but 2 March in 2027', () => {
    expect(wmo('2028-01-05').deadline).toBe('2028-03-01');
    expect(wmo('2027-01-05').deadline).toBe('2027-03-02');
    // Jeugd aanvraag on 1 February: 8 weeks later is 28 March in a leap year, 29 March otherwise
    // (and 29 March 2027 is Easter Monday, so that deadline runs to Tuesday 30 March).
    expect(runClock('2028-02-01', CLOCK_RULES.aanvraagBeschikking).deadline).toBe('2028-03-28');
    expect(runClock('2027-02-01', CLOCK_RULES.aanvraagBeschikking).deadline).toBe('2027-03-30');
    expect(runClock('2029-02-01', CLOCK_RULES.aanvraagBeschikking).deadline).toBe('2029-03-29');
    // Wgs: 4 weeks from 1 February 2028 ends on the leap day itself (a Tuesday).
    expect(runClock('2028-02-01', CLOCK_RULES.shvFirstConversation).deadline).toBe('2028-02-29');
  });

  it('counts a suspended leap day like any other day', () => {
    // 28 Feb - 1 Mar 2028 is three days; 1 Mar + 3 = Saturday 4 Mar, so Monday 6 Mar (Atw art. 1).
    const run = wmo('2028-01-05', [{ startDate: '2028-02-28', endDate: '2028-03-01' }]);
    expect(run).toEqual({ deadline: '2028-03-06', paused: false, suspendedDays: 3 });
  });

  it('adds back-to-back suspensions up: 7 + 7 days move the deadline 14 days', () => {
    const run = wmo('2026-01-05', [
      { startDate: '2026-01-12', endDate: '2026-01-18' },
      { startDate: '2026-01-19', endDate: '2026-01-25' },
    ]);
    expect(run).toEqual({ deadline: '2026-03-16', paused: false, suspendedDays: 14 });
  });

  it('counts days covered by overlapping suspensions once', () => {
    // 12-20 Jan (9 days) and 15-25 Jan (11 days) together cover 12-25 Jan: 14 days, not 20.
    const run = wmo('2026-01-05', [
      { startDate: '2026-01-12', endDate: '2026-01-20' },
      { startDate: '2026-01-15', endDate: '2026-01-25' },
    ]);
    expect(run).toEqual({ deadline: '2026-03-16', paused: false, suspendedDays: 14 });
    const nested = wmo('2026-01-05', [
      { startDate: '2026-01-12', endDate: '2026-01-25' },
      { startDate: '2026-01-14', endDate: '2026-01-16' },
    ]);
    expect(nested.deadline).toBe('2026-03-16');
  });

  it('ignores suspensions after the deadline and suspended days before the clock started', () => {
    expect(wmo('2026-01-05', [{ startDate: '2026-03-10', endDate: '2026-03-20' }])).toEqual({
      deadline: '2026-03-02',
      paused: false,
      suspendedDays: 0,
    });
    const jeugd = runClock('2026-01-05', CLOCK_RULES.aanvraagBeschikking, [
      { startDate: '2025-12-20', endDate: '2026-01-05' },
    ]);
    expect(jeugd.deadline).toBe('2026-03-02');
  });

  it('pauses while a suspension is open, unless the deadline passed before it began', () => {
    expect(wmo('2026-01-05', [{ startDate: '2026-02-01', endDate: null }])).toEqual({
      deadline: null,
      paused: true,
      suspendedDays: 0,
    });
    expect(wmo('2026-01-05', [{ startDate: '2026-03-03', endDate: null }]).deadline).toBe('2026-03-02');
  });

  it('runs a deadline that ends on Christmas Day to the next working day (Atw art. 1)', () => {
    // 30 Oct 2025 + 56 = Thursday 25 Dec; 26 Dec is a holiday, then the weekend: Monday 29 Dec.
    expect(wmo('2025-10-30').deadline).toBe('2025-12-29');
    // A deadline that merely runs across Christmas is not moved: 1 Dec + 42 = Monday 12 Jan.
    expect(runClock('2025-12-01', CLOCK_RULES.bezwaar).deadline).toBe('2026-01-12');
  });

  it('runs a deadline that ends on Easter Monday or Koningsdag to the next working day', () => {
    expect(runClock('2026-02-09', CLOCK_RULES.aanvraagBeschikking).deadline).toBe('2026-04-07');
    expect(runClock('2026-03-02', CLOCK_RULES.aanvraagBeschikking).deadline).toBe('2026-04-28');
  });

  it('gives a bezwaar 6 weeks', () => {
    expect(runClock('2026-03-02', CLOCK_RULES.bezwaar).deadline).toBe('2026-04-13');
  });
});

describe('legal clocks: 3 working days (Wgs, threatening situation)', () => {
  it('skips the weekend: a request on Friday or Saturday is due on Wednesday', () => {
    expect(threeWorkingDays('2026-03-05')).toBe('2026-03-10'); // Thursday -> Tuesday
    expect(threeWorkingDays('2026-03-06')).toBe('2026-03-11'); // Friday -> Wednesday
    expect(threeWorkingDays('2026-03-07')).toBe('2026-03-11'); // Saturday -> Wednesday
    expect(threeWorkingDays('2026-03-08')).toBe('2026-03-11'); // Sunday -> Wednesday
  });

  it('skips Christmas and Boxing Day', () => {
    expect(threeWorkingDays('2025-12-24')).toBe('2025-12-31');
  });

  it('skips Easter Monday but not Good Friday', () => {
    expect(threeWorkingDays('2026-04-02')).toBe('2026-04-08');
  });

  it("skips King's Day, Liberation Day, Ascension Day and Whit Monday", () => {
    expect(threeWorkingDays('2026-04-24')).toBe('2026-04-30');
    expect(threeWorkingDays('2026-05-01')).toBe('2026-05-07');
    expect(threeWorkingDays('2026-05-13')).toBe('2026-05-19');
    expect(threeWorkingDays('2026-05-22')).toBe('2026-05-28');
  });

  it('skips suspended days too', () => {
    expect(threeWorkingDays('2026-03-02', [{ startDate: '2026-03-03', endDate: '2026-03-04' }])).toBe(
      '2026-03-09',
    );
  });
});

describe('legal clocks of a procedure', () => {
  it('Wmo: one clock from the melding, stopped by the beschikking', () => {
    const [clock] = legalClocks(facts({ aanvraagDate: '2026-01-20', beschikkingDate: '2026-02-27' }));
    expect(clock).toMatchObject({
      kind: 'beschikking',
      startDate: '2026-01-05',
      deadline: '2026-03-02',
      stoppedOn: '2026-02-27',
      onTime: true,
    });
  });

  it('Jeugd and Participatie: the clock starts at the aanvraag, not the melding', () => {
    const before = legalClocks(facts({ pillar: 'JEUGD' }));
    expect(before[0]).toMatchObject({ startDate: null, deadline: null });
    expect(runningClock(before)).toBeNull();
    const after = legalClocks(facts({ pillar: 'PARTICIPATIE', aanvraagDate: '2026-01-12' }));
    expect(runningClock(after)).toMatchObject({ kind: 'beschikking', deadline: '2026-03-09' });
  });

  it('SHV: first conversation within 4 weeks (3 working days when threatened), beschikking 8 weeks later', () => {
    const intake = legalClocks(facts({ pillar: 'SHV', meldingDate: '2026-03-02' }));
    expect(runningClock(intake)).toMatchObject({ kind: 'eerste_gesprek', deadline: '2026-03-30' });
    const threatened = legalClocks(
      facts({ pillar: 'SHV', meldingDate: '2026-03-06', threat: 'huisuitzetting' }),
    );
    expect(runningClock(threatened)).toMatchObject({ kind: 'eerste_gesprek', deadline: '2026-03-11' });
    const late = legalClocks(
      facts({
        pillar: 'SHV',
        meldingDate: '2026-03-06',
        threat: 'afsluiting_energie',
        firstConversationDate: '2026-03-12',
      }),
    );
    expect(late[0]).toMatchObject({ stoppedOn: '2026-03-12', onTime: false });
    expect(runningClock(late)).toMatchObject({
      kind: 'beschikking',
      startDate: '2026-03-12',
      deadline: '2026-05-07',
    });
  });

  it('withdrawal stops the running clock; a bezwaar starts its own', () => {
    const withdrawn = legalClocks(facts({ withdrawnOn: '2026-01-20' }));
    expect(withdrawn[0]).toMatchObject({ stoppedOn: '2026-01-20', onTime: true });
    expect(runningClock(withdrawn)).toBeNull();
    const bezwaar = legalClocks(
      facts({
        aanvraagDate: '2026-01-10',
        beschikkingDate: '2026-02-20',
        bezwaren: [{ id: 'b-1', receivedDate: '2026-03-02', decisionDate: null }],
      }),
    );
    expect(runningClock(bezwaar)).toMatchObject({
      kind: 'bezwaar',
      deadline: '2026-04-13',
      bezwaarId: 'b-1',
    });
  });

  it('keeps the Wmo clock paused during an open suspension', () => {
    const clocks = legalClocks(facts({ suspensions: [{ startDate: '2026-01-20', endDate: null }] }));
    expect(clocks[0]).toMatchObject({ paused: true, deadline: null });
    expect(runningClock(clocks)).toBeNull();
  });
});

describe('days left and overdue', () => {
  it('counts calendar days to the deadline; overdue from the day after it', () => {
    expect(dueState('2026-03-02', '2026-02-20')).toEqual({ daysLeft: 10, overdue: false });
    expect(dueState('2026-03-02', '2026-03-02')).toEqual({ daysLeft: 0, overdue: false });
    expect(dueState('2026-03-02', '2026-03-03')).toEqual({ daysLeft: -1, overdue: true });
    expect(dueState(null, '2026-03-03')).toEqual({ daysLeft: null, overdue: false });
  });
});
