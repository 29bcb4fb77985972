import { Bezwaar, Indication, IndicationSuspension, Product } from './entities';
import { allowedNextStates, IndicationStatus } from './indication-state-machine';
import {
  CLOCK_RULES,
  DueState,
  dueState,
  LegalClock,
  legalClocks,
  ProcedureFacts,
  runClock,
  runningClock,
} from './legal-clocks';

export interface SuspensionView {
  id: string;
  startDate: string;
  endDate: string | null;
  reason: string;
}

export interface BezwaarView {
  id: string;
  receivedDate: string;
  /** Lodged within 6 weeks after the beschikking (Awb 6:7, Atw). */
  filedInTime: boolean | null;
  decisionDate: string | null;
  outcome: string | null;
}

export interface ProcedureView {
  handlerUserId: string | null;
  meldingDate: string;
  aanvraagDate: string | null;
  firstConversationDate: string | null;
  threat: string | null;
  beschikking: { date: string; outcome: string } | null;
  withdrawnOn: string | null;
  suspensions: SuspensionView[];
  bezwaren: BezwaarView[];
  clocks: (LegalClock & DueState)[];
  allowedNextStates: IndicationStatus[];
}

/**
 * An indication as the API shows it, before projection. Its keys are exactly
 * INDICATION_SUMMARY_FIELDS + INDICATION_DETAIL_FIELDS (libs/access/src/subjects.ts), so
 * AccessService.project decides per record which of them the caller sees.
 */
export interface IndicationView {
  id: string;
  householdId: string;
  municipalityId: string;
  personId: string;
  pillar: string;
  productCategory: string;
  startDate: string | null;
  endDate: string | null;
  status: IndicationStatus;
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
  product: string;
  productId: string;
  provider: string | null;
  form: string | null;
  reason: string | null;
  notes: string | null;
  procedure: ProcedureView;
}

export function procedureFacts(
  row: Indication,
  suspensions: readonly Pick<IndicationSuspension, 'startDate' | 'endDate'>[],
  bezwaren: readonly Pick<Bezwaar, 'id' | 'receivedDate' | 'decisionDate'>[],
): ProcedureFacts {
  return {
    pillar: row.pillar,
    meldingDate: row.meldingDate,
    aanvraagDate: row.aanvraagDate,
    firstConversationDate: row.firstConversationDate,
    threat: row.threat,
    beschikkingDate: row.beschikkingDate,
    withdrawnOn: row.withdrawnOn,
    suspensions: suspensions.map((s) => ({ startDate: s.startDate, endDate: s.endDate })),
    bezwaren: bezwaren.map((b) => ({ id: b.id, receivedDate: b.receivedDate, decisionDate: b.decisionDate })),
  };
}

/** The deadline column kept on the row for the worklists' SQL. */
export function currentDeadline(facts: ProcedureFacts): Pick<Indication, 'deadline' | 'deadlineClock'> {
  const running = runningClock(legalClocks(facts));
  return { deadline: running?.deadline ?? null, deadlineClock: running?.kind ?? null };
}

export function toView(
  row: Indication,
  product: Product,
  suspensions: IndicationSuspension[],
  bezwaren: Bezwaar[],
  today: string,
): IndicationView {
  const clocks = legalClocks(procedureFacts(row, suspensions, bezwaren));
  const running = runningClock(clocks);
  const due = dueState(running?.deadline ?? null, today);
  const lodgeBy = row.beschikkingDate ? runClock(row.beschikkingDate, CLOCK_RULES.bezwaar).deadline : null;
  return {
    id: row.id,
    householdId: row.householdId,
    municipalityId: row.municipalityId,
    personId: row.personId,
    pillar: row.pillar,
    productCategory: product.category,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    deadline: running?.deadline ?? null,
    daysLeft: due.daysLeft,
    overdue: due.overdue,
    product: product.name,
    productId: row.productId,
    provider: row.provider,
    form: row.form,
    reason: row.reason,
    notes: row.notes,
    procedure: {
      handlerUserId: row.handlerUserId,
      meldingDate: row.meldingDate,
      aanvraagDate: row.aanvraagDate,
      firstConversationDate: row.firstConversationDate,
      threat: row.threat,
      beschikking:
        row.beschikkingDate && row.beschikkingOutcome
          ? { date: row.beschikkingDate, outcome: row.beschikkingOutcome }
          : null,
      withdrawnOn: row.withdrawnOn,
      suspensions: [...suspensions]
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((s) => ({ id: s.id, startDate: s.startDate, endDate: s.endDate, reason: s.reason })),
      bezwaren: [...bezwaren]
        .sort((a, b) => a.receivedDate.localeCompare(b.receivedDate))
        .map((b) => ({
          id: b.id,
          receivedDate: b.receivedDate,
          filedInTime: lodgeBy ? b.receivedDate <= lodgeBy : null,
          decisionDate: b.decisionDate,
          outcome: b.outcome,
        })),
      clocks: clocks.map((c) =>
        c.stoppedOn || c.paused
          ? { ...c, daysLeft: null, overdue: false }
          : { ...c, ...dueState(c.deadline, today) },
      ),
      allowedNextStates: allowedNextStates(row.status),
    },
  };
}
