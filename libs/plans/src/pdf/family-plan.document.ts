/**
 * What the family's PDF may contain, and nothing else: no internal notes, no indication links, no
 * pillar details. Built from what the requesting professional may see (see PlanPdfService).
 */
export interface FamilyPlanDocument {
  members: string[];
  versionNumber: number;
  agreedOn: string;
  agreedBy: string[];
  /** Null when the requester may not see the whole plan. */
  ownWords: string | null;
  /** The requester sees only part of the plan (e.g. the financial domain without consent). */
  partial: boolean;
  domains: {
    label: string;
    goals: {
      description: string;
      owner: string;
      targetDate: string;
      status: string;
      actions: { description: string; actor: string; dueOn: string; done: boolean }[];
    }[];
  }[];
  nextEvaluationOn: string | null;
  regisseur: string | null;
  printedOn: string;
}

/** Goal status in the words a family uses. */
export const FAMILY_STATUS_LABELS: Record<string, string> = {
  open: 'nog niet begonnen',
  bezig: 'hier zijn we mee bezig',
  behaald: 'gelukt',
  gestopt: 'gestopt',
};

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2027-03-01 → "1 maart 2027". */
export function dutchDate(date: string): string {
  return DUTCH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** "Anna", "Anna en Mark", "Anna, Mark en Noah". */
export function dutchList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}
