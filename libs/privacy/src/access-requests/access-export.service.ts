import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HouseholdPeriod, ProcessingLogReader } from '@app/audit';
import { Clock } from '@app/core';
import { LogViews } from '../processing-log/log-views';
import { PersonDataRegistry } from '../registry/person-data.registry';
import { AccessRequest } from './access-request.entity';
import { ACCESS_EXPORT_FORMAT, AccessExportDocument, summariseAccesses } from './access-export.document';

/** Most accesses listed one by one; the summary counts the same list. */
const ACCESS_LIST_LIMIT = 5000;

/** Composes the AVG art. 15 export from every registered context's part and the processing log. */
@Injectable()
export class AccessExportService {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly reader: ProcessingLogReader,
    private readonly views: LogViews,
    private readonly clock: Clock,
  ) {}

  async compose(request: AccessRequest, manager: EntityManager): Promise<AccessExportDocument> {
    const parts: AccessExportDocument['parts'] = [];
    const householdPeriods: HouseholdPeriod[] = [];
    for (const source of this.registry.all()) {
      const part = await source.collect(request.personId, manager);
      if (!part) continue;
      parts.push({ name: source.name, title: part.title, records: part.records });
      householdPeriods.push(...(part.householdPeriods ?? []));
    }
    const { items, total } = await this.reader.search(
      { concerning: { personIds: [request.personId], householdPeriods } },
      { offset: 0, limit: ACCESS_LIST_LIMIT },
      manager,
    );
    const accesses = await this.views.forDataSubject(items);
    return {
      format: ACCESS_EXPORT_FORMAT,
      producedAt: this.clock.now().toISOString(),
      request: {
        id: request.id,
        reference: request.reference,
        receivedOn: request.receivedOn,
        channel: request.channel,
        deadline: request.deadline,
      },
      personId: request.personId,
      parts,
      accesses,
      accessesTruncated: total > items.length,
      accessSummary: summariseAccesses(accesses),
    };
  }
}
