import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  ChainVerification,
  DataSubject,
  HouseholdPeriod,
  ProcessingLogQuery,
  ProcessingLogReader,
} from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { HouseholdPrivacyService } from '@app/households';
import {
  ExportProcessingLogDto,
  PersonAccessesDto,
  ProcessingLogFilterDto,
  SearchProcessingLogDto,
} from '../dto';
import { PersonResolver } from '../person-resolver';
import { toCsv } from './csv';
import { LogViews, OfficerLogEntry } from './log-views';

/** Most rows one export may hold; a larger selection must be narrowed (by period, for instance). */
export const LOG_EXPORT_LIMIT = 10_000;

const CSV_HEADER = [
  'occurredAt',
  'traceId',
  'spanId',
  'userId',
  'userName',
  'roles',
  'organisationId',
  'organisationName',
  'activityId',
  'activityName',
  'purpose',
  'legalBasis',
  'action',
  'resourceType',
  'resourceId',
  'householdId',
  'outcome',
  'reason',
  'breakGlass',
  'dataSubjects',
];

/**
 * Supervision of the processing log by the privacy officer: search, "who looked at this person and
 * why", chain verification and export. Every read of the log is itself logged (same transaction), with
 * the persons searched for as data subjects and the criteria (never their values) as reason.
 */
@Injectable()
export class ProcessingLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ProcessingLogReader,
    private readonly views: LogViews,
    private readonly people: PersonResolver,
    private readonly households: HouseholdPrivacyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  search(dto: SearchProcessingLogDto) {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    return this.dataSource.transaction(async (m) => {
      const { query, subjects } = await this.query(dto, m);
      const { items, total } = await this.reader.search(
        query,
        { offset: (page - 1) * pageSize, limit: pageSize },
        m,
      );
      await this.logRead(m, 'search', dto, subjects);
      return { items: await this.views.forOfficer(items), page, pageSize, total };
    });
  }

  /** Everything logged about the person: as data subject, and about their households while they lived there. */
  personAccesses(dto: PersonAccessesDto) {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    return this.dataSource.transaction(async (m) => {
      const personId = (await this.people.resolve(dto, m, { required: true }))!;
      const householdPeriods = await this.householdPeriodsOf(personId, m);
      const { items, total } = await this.reader.search(
        { concerning: { personIds: [personId], householdPeriods }, from: dto.from, to: dto.to },
        { offset: (page - 1) * pageSize, limit: pageSize },
        m,
      );
      await this.logRead(m, 'read', dto, [{ type: 'person', id: personId }]);
      return { personId, items: await this.views.forOfficer(items), page, pageSize, total };
    });
  }

  async verifyChain(): Promise<ChainVerification & { checkedAt: string }> {
    const result = await this.audit.verifyChain();
    const checkedAt = this.clock.now().toISOString();
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        action: 'read',
        resourceType: 'ProcessingLogChain',
        dataSubjects: [],
        reason: result.ok
          ? 'ketencontrole: intact'
          : `ketencontrole: breuk in ${result.table} bij ${result.chainSeq}`,
      }),
    );
    return { ...result, checkedAt };
  }

  export(dto: ExportProcessingLogDto): Promise<StreamableFile> {
    return this.dataSource.transaction(async (m) => {
      const { query, subjects } = await this.query(dto, m);
      const { items, total } = await this.reader.search(query, { offset: 0, limit: LOG_EXPORT_LIMIT }, m);
      if (total > LOG_EXPORT_LIMIT) {
        throw DomainError.rule(
          `De selectie bevat ${total} regels; een export mag er hoogstens ${LOG_EXPORT_LIMIT} bevatten. Verklein de periode.`,
          'from',
        );
      }
      const entries = await this.views.forOfficer(items);
      await this.logRead(m, 'export', dto, subjects);
      const stamp = this.clock.today();
      if (dto.format === 'json') {
        return file(
          JSON.stringify({ exportedAt: this.clock.now().toISOString(), total, items: entries }, null, 2),
          'application/json; charset=utf-8',
          `verwerkingenlogging-${stamp}.json`,
        );
      }
      return file(
        toCsv(CSV_HEADER, entries.map(csvRow)),
        'text/csv; charset=utf-8',
        `verwerkingenlogging-${stamp}.csv`,
      );
    });
  }

  private async query(dto: ProcessingLogFilterDto, m: EntityManager) {
    const personId = await this.people.resolve(dto, m, { required: false });
    const query: ProcessingLogQuery = {
      concerning: personId ? { personIds: [personId] } : undefined,
      householdId: dto.householdId,
      userId: dto.userId,
      from: dto.from,
      to: dto.to,
      outcome: dto.outcome,
      activityId: dto.activityId,
      breakGlass: dto.breakGlass,
    };
    const subjects: DataSubject[] = [
      ...(personId ? [{ type: 'person' as const, id: personId }] : []),
      ...(dto.householdId ? [{ type: 'household' as const, id: dto.householdId }] : []),
    ];
    return { query, subjects };
  }

  private async householdPeriodsOf(personId: string, m: EntityManager): Promise<HouseholdPeriod[]> {
    const data = await this.households.personDataFor(personId, m);
    return (data?.memberships ?? []).map((ms) => ({
      householdId: ms.household.id,
      from: ms.joinedOn,
      to: ms.leftOn,
    }));
  }

  /** The criteria used, never their values (a BSN must not end up in the log's reason). */
  private logRead(
    m: EntityManager,
    action: 'read' | 'search' | 'export',
    dto: object,
    dataSubjects: DataSubject[],
  ) {
    const criteria = Object.entries(dto)
      .filter(([key, value]) => value !== undefined && !['page', 'pageSize'].includes(key))
      .map(([key]) => key)
      .sort();
    return this.audit.record(m, {
      action,
      resourceType: 'ProcessingLog',
      dataSubjects,
      reason: `criteria: ${criteria.join(', ') || 'geen'}`,
    });
  }
}

function csvRow(e: OfficerLogEntry): (string | null)[] {
  return [
    e.occurredAt,
    e.traceId,
    e.spanId,
    e.user?.id ?? null,
    e.user?.name ?? null,
    e.roles.join(' '),
    e.organisation?.id ?? null,
    e.organisation?.name ?? null,
    e.activity.id,
    e.activity.name,
    e.purpose,
    e.legalBasis,
    e.action,
    e.resourceType,
    e.resourceId,
    e.householdId,
    e.outcome,
    e.reason,
    String(e.breakGlass),
    e.dataSubjects.map((s) => `${s.type}:${s.id}`).join(' '),
  ];
}

function file(content: string, type: string, filename: string) {
  return new StreamableFile(Buffer.from(content, 'utf8'), {
    type,
    disposition: `attachment; filename="${filename}"`,
  });
}
