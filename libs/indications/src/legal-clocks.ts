import type { Pillar } from '@app/access';
import { addDays, daysBetween, isWorkingDay, nextWorkingDayFrom } from '@app/core';

/**
 * The legal clocks of DESIGN.md "Privacy and law" as pure functions of the procedure's dates: no
 * database, no current date (callers pass "today" where it matters), so every worked example can be
 * unit tested.
 *
 * Conventions:
 * - A clock starts on the day of its trigger (melding, aanvraag, first conversation, receipt of the
 *   bezwaar); that day itself does not count (Atw style: "binnen 8 weken na").
 * - Suspension periods (opschorting) are inclusive on both ends; a suspended day does not count. Days
 *   covered by several (overlapping) suspensions count once. An open-ended suspension pauses the clock:
 *   its deadline is unknown until the suspension ends.
 * - A calendar-day limit ending on a Saturday, Sunday or public holiday runs to the next working day
 *   (Algemene termijnenwet art. 1). A working-day limit counts only working days.
 */
export type ClockKind = 'eerste_gesprek' | 'beschikking' | 'bezwaar';
export type ClockUnit = 'days' | 'working_days';

export interface ClockRule {
  kind: ClockKind;
  unit: ClockUnit;
  length: number;
  /** The legal source, shown with the deadline. */
  basis: string;
}

export const CLOCK_RULES = {
  wmoBeschikking: {
    kind: 'beschikking',
    unit: 'days',
    length: 56,
    basis: 'Wmo 2015 art. 2.3.2 en 2.3.5: van melding tot beschikking 8 weken',
  },
  /** Jeugdwet, Participatiewet and onderwijs (leerlingenvervoer) have no term of their own: Awb 4:13. */
  aanvraagBeschikking: {
    kind: 'beschikking',
    unit: 'days',
    length: 56,
    basis: 'Awb art. 4:13: van aanvraag tot beschikking 8 weken',
  },
  shvFirstConversation: {
    kind: 'eerste_gesprek',
    unit: 'days',
    length: 28,
    basis: 'Wgs art. 4: eerste gesprek binnen 4 weken na de hulpvraag',
  },
  shvThreatening: {
    kind: 'eerste_gesprek',
    unit: 'working_days',
    length: 3,
    basis:
      'Wgs art. 4: eerste gesprek binnen 3 werkdagen bij dreigende huisuitzetting, afsluiting van energie of water of beëindiging van de zorgverzekering',
  },
  shvBeschikking: {
    kind: 'beschikking',
    unit: 'days',
    length: 56,
    basis: 'Wgs art. 4: beschikking binnen 8 weken na het eerste gesprek',
  },
  bezwaar: {
    kind: 'bezwaar',
    unit: 'days',
    length: 42,
    basis: 'Awb art. 7:10: beslissing op bezwaar binnen 6 weken',
  },
} as const satisfies Record<string, ClockRule>;

/** Worklists show procedures whose deadline lies at most this many days ahead (or has passed). */
export const DUE_SOON_DAYS = 10;

export interface Period {
  startDate: string;
  /** null: the suspension has not ended yet. */
  endDate: string | null;
}

export interface ClockRun {
  /** null while an open-ended suspension pauses the clock. */
  deadline: string | null;
  paused: boolean;
  /** Suspended days that moved this deadline (days after it do not count). */
  suspendedDays: number;
}

const suspendedOn = (day: string, suspensions: readonly Period[]) =>
  suspensions.find((s) => s.startDate <= day && (s.endDate === null || day <= s.endDate));

/** Runs one clock from its start, skipping suspended days (and non-working days for working-day limits). */
export function runClock(
  start: string,
  rule: Pick<ClockRule, 'unit' | 'length'>,
  suspensions: readonly Period[] = [],
): ClockRun {
  let day = start;
  let remaining = rule.length;
  let suspendedDays = 0;
  while (remaining > 0) {
    day = addDays(day, 1);
    const suspension = suspendedOn(day, suspensions);
    if (suspension) {
      if (suspension.endDate === null) return { deadline: null, paused: true, suspendedDays };
      suspendedDays++;
      continue;
    }
    if (rule.unit === 'days' || isWorkingDay(day)) remaining--;
  }
  return { deadline: rule.unit === 'days' ? nextWorkingDayFrom(day) : day, paused: false, suspendedDays };
}

export interface ProcedureFacts {
  pillar: Pillar;
  meldingDate: string;
  aanvraagDate: string | null;
  firstConversationDate: string | null;
  /** SHV: a threatening situation (eviction, cut-off, end of health insurance) shortens the first clock. */
  threat: string | null;
  beschikkingDate: string | null;
  withdrawnOn: string | null;
  suspensions: readonly Period[];
  bezwaren: readonly { id?: string; receivedDate: string; decisionDate: string | null }[];
}

export interface LegalClock extends ClockRun {
  kind: ClockKind;
  unit: ClockUnit;
  length: number;
  basis: string;
  /** null: the clock has not started (e.g. no aanvraag yet). */
  startDate: string | null;
  /** The date the clock stopped: beschikking, first conversation, decision on bezwaar, withdrawal. */
  stoppedOn: string | null;
  /** Whether the clock stopped on or before its deadline; null while it runs or is paused. */
  onTime: boolean | null;
  bezwaarId?: string;
}

function clock(
  rule: ClockRule,
  startDate: string | null,
  stoppedOn: string | null,
  suspensions: readonly Period[],
): LegalClock {
  const base = { kind: rule.kind, unit: rule.unit, length: rule.length, basis: rule.basis };
  if (!startDate) {
    return {
      ...base,
      startDate: null,
      deadline: null,
      paused: false,
      suspendedDays: 0,
      stoppedOn: null,
      onTime: null,
    };
  }
  const run = runClock(startDate, rule, suspensions);
  const onTime = stoppedOn && run.deadline ? stoppedOn <= run.deadline : null;
  return { ...base, startDate, ...run, stoppedOn, onTime };
}

/** Every clock of one procedure, in the order they run. */
export function legalClocks(facts: ProcedureFacts): LegalClock[] {
  const stop = (date: string | null) => date ?? facts.withdrawnOn;
  const clocks: LegalClock[] = [];
  if (facts.pillar === 'SHV') {
    const first = facts.threat ? CLOCK_RULES.shvThreatening : CLOCK_RULES.shvFirstConversation;
    clocks.push(clock(first, facts.meldingDate, stop(facts.firstConversationDate), facts.suspensions));
    clocks.push(
      clock(
        CLOCK_RULES.shvBeschikking,
        facts.firstConversationDate,
        stop(facts.beschikkingDate),
        facts.suspensions,
      ),
    );
  } else if (facts.pillar === 'WMO') {
    clocks.push(
      clock(CLOCK_RULES.wmoBeschikking, facts.meldingDate, stop(facts.beschikkingDate), facts.suspensions),
    );
  } else {
    clocks.push(
      clock(
        CLOCK_RULES.aanvraagBeschikking,
        facts.aanvraagDate,
        stop(facts.beschikkingDate),
        facts.suspensions,
      ),
    );
  }
  for (const bezwaar of facts.bezwaren) {
    const run = clock(CLOCK_RULES.bezwaar, bezwaar.receivedDate, bezwaar.decisionDate, []);
    clocks.push(bezwaar.id ? { ...run, bezwaarId: bezwaar.id } : run);
  }
  return clocks;
}

/** The clock running now (started, not stopped, not paused), the earliest deadline first. */
export function runningClock(clocks: readonly LegalClock[]): LegalClock | null {
  const running = clocks.filter((c) => c.startDate && !c.stoppedOn && c.deadline);
  running.sort((a, b) => a.deadline!.localeCompare(b.deadline!));
  return running[0] ?? null;
}

export interface DueState {
  /** Calendar days from today to the deadline; negative when overdue; null without a running clock. */
  daysLeft: number | null;
  overdue: boolean;
}

export function dueState(deadline: string | null, today: string): DueState {
  if (!deadline) return { daysLeft: null, overdue: false };
  const daysLeft = daysBetween(today, deadline);
  return { daysLeft, overdue: daysLeft < 0 };
}
