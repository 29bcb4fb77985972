import { PersonDataRecord } from '../registry/person-data.registry';
import { SubjectAccessEntry } from '../processing-log/log-views';

export const ACCESS_EXPORT_FORMAT = 'gezinsplan.avg-inzage.v1';

/** Accesses grouped for the reader: who (organisation and role), why, how often, first and last time. */
export interface AccessSummaryLine {
  organisation: string;
  roles: string[];
  activity: { id: string; name: string };
  purpose: string;
  legalBasis: string;
  outcome: string;
  count: number;
  first: string;
  last: string;
}

/** The one export of an AVG art. 15 request: all data held on the person, and who processed it and why. */
export interface AccessExportDocument {
  format: typeof ACCESS_EXPORT_FORMAT;
  producedAt: string;
  request: { id: string; reference: string; receivedOn: string; channel: string; deadline: string };
  personId: string;
  parts: { name: string; title: string; records: PersonDataRecord[] }[];
  accesses: SubjectAccessEntry[];
  /** True when only the most recent accesses are listed (the summary still counts what is listed). */
  accessesTruncated: boolean;
  accessSummary: AccessSummaryLine[];
}

export function summariseAccesses(accesses: SubjectAccessEntry[]): AccessSummaryLine[] {
  const lines = new Map<string, AccessSummaryLine>();
  for (const a of accesses) {
    const organisation = a.organisation?.name ?? 'Gezinsplan';
    const key = [organisation, a.roles.join(','), a.activity.id, a.outcome].join('|');
    const line = lines.get(key);
    if (line) {
      line.count++;
      if (a.occurredAt < line.first) line.first = a.occurredAt;
      if (a.occurredAt > line.last) line.last = a.occurredAt;
    } else {
      lines.set(key, {
        organisation,
        roles: a.roles,
        activity: a.activity,
        purpose: a.purpose,
        legalBasis: a.legalBasis,
        outcome: a.outcome,
        count: 1,
        first: a.occurredAt,
        last: a.occurredAt,
      });
    }
  }
  return [...lines.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation, 'nl') || b.count - a.count,
  );
}
