import { Injectable } from '@nestjs/common';
import { BREAK_GLASS_REASON, ProcessingLogSpan } from '@app/audit';
import { UsersService } from '@app/identity';
import { ReferenceService } from '@app/reference';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One logged processing as the privacy officer sees it: who (by name), in which role and organisation, why. */
export interface OfficerLogEntry {
  traceId: string;
  spanId: string;
  occurredAt: string;
  user: { id: string; name: string } | null;
  roles: string[];
  organisation: { id: string; name: string } | null;
  activity: { id: string; name: string };
  purpose: string;
  legalBasis: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  householdId: string | null;
  outcome: string;
  reason: string | null;
  /** Made possible only by break the glass. */
  breakGlass: boolean;
  /** Ids only: the privacy officer sees no case content (DESIGN.md rule 7). */
  dataSubjects: { type: string; id: string }[];
}

/** One access as the data subject sees it (AVG art. 15): organisation and role, never the employee. */
export interface SubjectAccessEntry {
  occurredAt: string;
  organisation: { id: string; name: string } | null;
  roles: string[];
  activity: { id: string; name: string };
  purpose: string;
  legalBasis: string;
  action: string;
  outcome: string;
  /** Emergency access (break the glass) by someone not on the case. */
  breakGlass: boolean;
}

/** Adds the names of professionals and organisations to log spans, each in one round trip. */
@Injectable()
export class LogViews {
  constructor(
    private readonly users: UsersService,
    private readonly reference: ReferenceService,
  ) {}

  async forOfficer(spans: ProcessingLogSpan[]): Promise<OfficerLogEntry[]> {
    const [users, organisations] = await Promise.all([
      this.userNames(spans.map((s) => s.userId)),
      this.organisationNames(spans.map((s) => s.organisationId)),
    ]);
    return spans.map((s) => ({
      traceId: s.traceId,
      spanId: s.spanId,
      occurredAt: s.occurredAt,
      user: s.userId ? { id: s.userId, name: users.get(s.userId) ?? 'onbekend' } : null,
      roles: s.roles,
      organisation: this.organisation(s.organisationId, organisations),
      activity: { id: s.activityId, name: s.activityName },
      purpose: s.purpose,
      legalBasis: s.legalBasis,
      action: s.action,
      resourceType: s.resourceType,
      resourceId: s.resourceId,
      householdId: s.householdId,
      outcome: s.outcome,
      reason: s.reason,
      breakGlass: isBreakGlass(s),
      dataSubjects: s.dataSubjects,
    }));
  }

  async forDataSubject(spans: ProcessingLogSpan[]): Promise<SubjectAccessEntry[]> {
    const organisations = await this.organisationNames(spans.map((s) => s.organisationId));
    return spans.map((s) => ({
      occurredAt: s.occurredAt,
      organisation: this.organisation(s.organisationId, organisations),
      roles: s.roles,
      activity: { id: s.activityId, name: s.activityName },
      purpose: s.purpose,
      legalBasis: s.legalBasis,
      action: s.action,
      outcome: s.outcome,
      breakGlass: isBreakGlass(s),
    }));
  }

  private organisation(id: string | null, names: Map<string, string>) {
    return id ? { id, name: names.get(id) ?? 'onbekend' } : null;
  }

  private async userNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id && UUID.test(id)))];
    const profiles = unique.length ? await this.users.caseWorkerProfiles(unique) : [];
    return new Map(profiles.map((p) => [p.id, p.displayName]));
  }

  private async organisationNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id && UUID.test(id)))];
    return new Map((await this.reference.organisationsByIds(unique)).map((o) => [o.id, o.name]));
  }
}

const isBreakGlass = (s: ProcessingLogSpan) => s.reason?.startsWith(BREAK_GLASS_REASON) ?? false;
