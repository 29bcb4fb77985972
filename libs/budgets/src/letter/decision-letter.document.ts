/** Everything a decision letter says, gathered by DecisionLetterService; rendering adds nothing else. */
export interface DecisionLetterDocument {
  municipality: string;
  /** Kenmerk: quoted in a bezwaarschrift; no personal data. */
  reference: string;
  /** The day of the decision, which is also the day the letter is sent. */
  letterDate: string;
  addressee: string | null;
  address: { street: string; houseNumber: string; postcode: string; city: string };
  /** Each receives a copy (bewindvoerder, mentor, curator, gemachtigde). */
  representatives: { kind: string; name: string; organisationName: string | null }[];
  outcome: 'toegekend' | 'afgewezen';
  amountCents: number;
  requestedOn: string;
  justification: string;
  motivation: string;
  goals: string[];
  replacedSchemes: string[];
  payeeName: string;
  wantedOn: string;
  decidedBy: string;
  /** Last day for a bezwaarschrift: six weeks after the day the letter is sent (Awb art. 6:7, 6:8). */
  objectionDeadline: string;
}

export const OBJECTION_PERIOD_DAYS = 42;

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2026-11-22 → "22 november 2026". */
export function dutchDate(date: string): string {
  return DUTCH_DATE.format(new Date(`${date}T00:00:00Z`));
}

export const REPRESENTATIVE_LABELS: Record<string, string> = {
  bewindvoerder: 'bewindvoerder',
  mentor: 'mentor',
  curator: 'curator',
  gemachtigde: 'gemachtigde',
};
