import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, daysBetween, DomainError } from '@app/core';
import {
  ExportAccessRequestDto,
  ExtendAccessRequestDto,
  ListAccessRequestsQuery,
  RecordDeliveryDto,
  RegisterAccessRequestDto,
} from '../dto';
import { PersonResolver } from '../person-resolver';
import { renderAccessExport } from './access-export.pdf';
import { AccessExportService } from './access-export.service';
import { AccessRequest } from './access-request.entity';
import { avgDeadline, avgExtendedDeadline } from './avg-deadline';

/** An access request as the privacy officer's worklist shows it: the clock, no name or BSN (rule 7). */
export interface AccessRequestView {
  id: string;
  reference: string;
  personId: string;
  receivedOn: string;
  channel: string;
  /** The deadline that applies: the extended one once the term was extended. */
  deadline: string;
  /** The first deadline, one month after receipt. */
  originalDeadline: string;
  /** AVG art. 12 lid 3; null when the term was not extended. */
  extension: { deadline: string; reason: string; informedOn: string; extendedAt: string } | null;
  status: 'open' | 'delivered';
  /** Calendar days until the deadline (negative when overdue); null once delivered. */
  daysLeft: number | null;
  overdue: boolean;
  deliveredOn: string | null;
  deliveredLate: boolean | null;
  lastExportedAt: string | null;
  registeredAt: string;
}

/** AVG art. 15 requests: register (one-month clock), produce the export, record delivery. */
@Injectable()
export class AccessRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PersonResolver,
    private readonly exports: AccessExportService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  register(user: AuthenticatedUser, dto: RegisterAccessRequestDto): Promise<AccessRequestView> {
    const today = this.clock.today();
    if (dto.receivedOn > today)
      throw DomainError.invalidField('receivedOn', 'De ontvangstdatum ligt in de toekomst.');
    return this.dataSource.transaction(async (m) => {
      const personId = (await this.people.resolve({ bsn: dto.bsn }, m, { required: true }))!;
      const [{ n }] = await m.query(`SELECT nextval('access_request_number') AS n`);
      const saved = await m.save(
        m.create(AccessRequest, {
          reference: `AVG-${today.slice(0, 4)}-${String(n).padStart(4, '0')}`,
          personId,
          receivedOn: dto.receivedOn,
          channel: dto.channel,
          deadline: avgDeadline(dto.receivedOn),
          registeredBy: user.id,
          registeredAt: this.clock.now(),
        }),
      );
      await this.log(m, 'create', saved);
      return this.view(saved);
    });
  }

  list(query: ListAccessRequestsQuery) {
    const today = this.clock.today();
    return this.dataSource.transaction(async (m) => {
      const qb = m.getRepository(AccessRequest).createQueryBuilder('r');
      if (query.status === 'delivered') qb.andWhere('r.delivered_on IS NOT NULL');
      if (query.status === 'open') qb.andWhere('r.delivered_on IS NULL');
      if (query.status === 'overdue')
        qb.andWhere('r.delivered_on IS NULL AND COALESCE(r.extended_deadline, r.deadline) < :today', {
          today,
        });
      const [rows, total] = await qb
        .orderBy('r.delivered_on', 'DESC', 'NULLS FIRST')
        .addOrderBy('COALESCE(r.extended_deadline, r.deadline)', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount();
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'AccessRequest',
        dataSubjects: rows.map((r) => ({ type: 'person' as const, id: r.personId })),
      });
      return { items: rows.map((r) => this.view(r)), page: query.page, pageSize: query.pageSize, total };
    });
  }

  get(id: string): Promise<AccessRequestView> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.find(m, id);
      await this.log(m, 'read', request);
      return this.view(request);
    });
  }

  /** The export of the requested person's data: the one answer of this API that names a person. */
  export(id: string, dto: ExportAccessRequestDto): Promise<StreamableFile> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.find(m, id);
      const document = await this.exports.compose(request, m);
      await m.update(AccessRequest, { id }, { lastExportedAt: this.clock.now() });
      await this.log(m, 'export', request);
      const name = `inzage-${request.reference}`;
      if (dto.format === 'json') {
        return new StreamableFile(Buffer.from(JSON.stringify(document, null, 2), 'utf8'), {
          type: 'application/json; charset=utf-8',
          disposition: `attachment; filename="${name}.json"`,
        });
      }
      return new StreamableFile(await renderAccessExport(document), {
        type: 'application/pdf',
        disposition: `attachment; filename="${name}.pdf"`,
      });
    });
  }

  recordDelivery(user: AuthenticatedUser, id: string, dto: RecordDeliveryDto): Promise<AccessRequestView> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.find(m, id, true);
      if (request.deliveredOn) throw DomainError.conflict('Dit inzageverzoek is al afgehandeld.');
      if (!request.lastExportedAt) {
        throw DomainError.conflict(
          'Maak eerst de export voor de betrokkene voordat u de verstrekking vastlegt.',
        );
      }
      if (dto.deliveredOn > this.clock.today()) {
        throw DomainError.invalidField('deliveredOn', 'De datum van verstrekking ligt in de toekomst.');
      }
      if (dto.deliveredOn < request.receivedOn) {
        throw DomainError.invalidField('deliveredOn', 'De datum van verstrekking ligt vóór de ontvangst.');
      }
      await m.update(AccessRequest, { id }, { deliveredOn: dto.deliveredOn, deliveredBy: user.id });
      const updated = { ...request, deliveredOn: dto.deliveredOn, deliveredBy: user.id };
      await this.log(m, 'update', updated);
      return this.view(updated);
    });
  }

  /**
   * AVG art. 12 lid 3: the term may be extended once by two further months where necessary, given the
   * complexity and number of requests; the person is told within the first month, with the reasons.
   */
  extend(user: AuthenticatedUser, id: string, dto: ExtendAccessRequestDto): Promise<AccessRequestView> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.find(m, id, true);
      const today = this.clock.today();
      if (request.deliveredOn) throw DomainError.conflict('Dit inzageverzoek is al afgehandeld.');
      if (request.extendedDeadline) throw DomainError.conflict('De termijn is al eens verlengd.');
      if (today > request.deadline) {
        throw DomainError.conflict(
          'De eerste maand is voorbij: verlengen kan alleen binnen een maand na ontvangst (AVG art. 12 lid 3).',
        );
      }
      if (dto.informedOn > today) {
        throw DomainError.invalidField('informedOn', 'De dag van inlichten ligt in de toekomst.');
      }
      if (dto.informedOn < request.receivedOn) {
        throw DomainError.invalidField('informedOn', 'De dag van inlichten ligt vóór de ontvangst.');
      }
      const changes = {
        extendedDeadline: avgExtendedDeadline(request.receivedOn),
        extensionReason: dto.reason.trim(),
        extensionInformedOn: dto.informedOn,
        extendedBy: user.id,
        extendedAt: this.clock.now(),
      };
      await m.update(AccessRequest, { id }, changes);
      const updated = { ...request, ...changes };
      await this.log(m, 'update', updated);
      return this.view(updated);
    });
  }

  private async find(m: EntityManager, id: string, forUpdate = false): Promise<AccessRequest> {
    const qb = m.getRepository(AccessRequest).createQueryBuilder('r').where('r.id = :id', { id });
    if (forUpdate) qb.setLock('pessimistic_write');
    const request = await qb.getOne();
    if (!request) throw DomainError.notFound('Het inzageverzoek');
    return request;
  }

  private log(m: EntityManager, action: 'create' | 'read' | 'update' | 'export', request: AccessRequest) {
    return this.audit.record(m, {
      action,
      resourceType: 'AccessRequest',
      resourceId: request.id,
      dataSubjects: [{ type: 'person', id: request.personId }],
    });
  }

  private view(r: AccessRequest): AccessRequestView {
    const today = this.clock.today();
    const open = r.deliveredOn === null;
    const deadline = r.extendedDeadline ?? r.deadline;
    return {
      id: r.id,
      reference: r.reference,
      personId: r.personId,
      receivedOn: r.receivedOn,
      channel: r.channel,
      deadline,
      originalDeadline: r.deadline,
      extension: r.extendedDeadline
        ? {
            deadline: r.extendedDeadline,
            reason: r.extensionReason!,
            informedOn: r.extensionInformedOn!,
            extendedAt: new Date(r.extendedAt!).toISOString(),
          }
        : null,
      status: open ? 'open' : 'delivered',
      daysLeft: open ? daysBetween(today, deadline) : null,
      overdue: open && today > deadline,
      deliveredOn: r.deliveredOn,
      deliveredLate: open ? null : r.deliveredOn! > deadline,
      lastExportedAt: r.lastExportedAt ? new Date(r.lastExportedAt).toISOString() : null,
      registeredAt: new Date(r.registeredAt).toISOString(),
    };
  }
}
