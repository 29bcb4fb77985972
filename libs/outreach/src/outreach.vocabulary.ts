/** The fixed lists of the outreach context (DESIGN.md "Spreekuur contact" and "Vroegsignaleringssignaal"). */

export const SPREEKUUR_TOPICS = [
  'budget',
  'schulden',
  'regelingen',
  'inkomen',
  'administratie',
  'other',
] as const;
export type SpreekuurTopic = (typeof SPREEKUUR_TOPICS)[number];

/** Where a spreekuur visitor is referred to. KBL, SZMH and the sociale teams are organisations in the system. */
export const REFERRAL_TARGETS = ['kbl', 'szmh', 'sociaal-team', 'trajekt', 'other'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** The legal ground on which a contact is linked to a person or household. */
export const LINK_BASES = ['publieke-taak', 'toestemming'] as const;
export type LinkBasis = (typeof LINK_BASES)[number];
export const CONSENT_METHODS = ['schriftelijk', 'mondeling', 'digitaal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const DEFAULT_LEGAL_BASIS = 'Wgs art. 3 en 4a (publieke taak schuldhulpverlening)';

/** Creditors that send vroegsignalering signals under the Wgs (vaste lasten). */
export const CREDITOR_TYPES = ['huur', 'energie', 'water', 'zorgverzekering'] as const;
export type CreditorType = (typeof CREDITOR_TYPES)[number];

export const ATTEMPT_KINDS = ['brief', 'telefoon', 'huisbezoek'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

export const SIGNAL_OUTCOMES = [
  'aanbod_gedaan',
  'eerste_gesprek_gepland',
  'al_in_traject',
  'geen_contact',
  'geweigerd',
] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

/** Outcomes after which help follows: such signals are kept beyond the retention period of unanswered ones. */
export const ANSWERED_OUTCOMES: readonly SignalOutcome[] = ['eerste_gesprek_gepland', 'al_in_traject'];
/** Outcomes that count as "an offer of help was made" in the indicators. */
export const OFFER_OUTCOMES: readonly SignalOutcome[] = [
  'aanbod_gedaan',
  'eerste_gesprek_gepland',
  'geweigerd',
];
/** "Geen contact na pogingen": at least this many recorded outreach attempts. */
export const MIN_ATTEMPTS_FOR_NO_CONTACT = 2;

/** Signals of one address within this many months are "multiple" (other creditor) or "repeated" (same). */
export const GROUPING_WINDOW_MONTHS = 6;

export const PRIORITY_LABELS: Record<number, string> = { 1: 'normaal', 2: 'verhoogd', 3: 'hoog' };

/** Reports with this topic are the outreach indicators (ability condition `topic`). */
export const OUTREACH_REPORT_TOPIC = 'outreach';
