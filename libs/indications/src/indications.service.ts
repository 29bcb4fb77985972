import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { AuditService, DataSubject } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { Household, HouseholdGuard, HouseholdsService } from '@app/households';
import { CatalogueService } from './catalogue.service';
import { CreateIndicationDto, ListIndicationsDto, UpdateIndicationDto } from './dto';
import { Indication } from './entities';
import { activityFor, recordIndicationReads } from './indication-audit';
import { currentDeadline, IndicationView, procedureFacts } from './indication-view';
import { IndicationsRepository } from './indications.repository';
import { IndicationWriter, VersionedView } from './indication-writer';

/** What the dossier of a household shows of its indications (section 'indications'). */
export interface IndicationsDossierContent {
  /** Each indication reduced to what the caller may see of it (rules 3-4). */
  items: Partial<IndicationView>[];
  /** Pillars among the visible indications; two or more is samenloop. */
  pillars: string[];
}

/** Indications of a household: register, read, list, change details. Procedure steps: ProcedureService. */
@Injectable()
export class IndicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly guard: HouseholdGuard,
    private readonly households: HouseholdsService,
    private readonly catalogue: CatalogueService,
    private readonly repository: IndicationsRepository,
    private readonly writer: IndicationWriter,
    private readonly clock: Clock,
  ) {}

  async create(
    user: AuthenticatedUser,
    householdId: string,
    dto: CreateIndicationDto,
  ): Promise<VersionedView> {
    const today = this.clock.today();
    this.assertPillarFacts(dto);
    for (const field of ['meldingDate', 'aanvraagDate', 'firstConversationDate'] as const) {
      const value = dto[field];
      if (value && value > today) throw DomainError.invalidField(field, 'Deze datum ligt in de toekomst.');
    }
    return this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      const probe = { householdId, municipalityId: household.municipalityId, pillar: dto.pillar };
      if (!this.access.can(ability, 'create', 'Indication', probe)) {
        throw DomainError.forbidden('U kunt geen indicaties van deze pijler registreren bij dit huishouden.');
      }
      this.guard.ensureActive(household);
      await this.assertCurrentMember(m, household, dto.personId, today);
      await this.catalogue.assertUsable(m, dto.productId, dto.pillar);
      const requested = dto.pillar === 'SHV' ? dto.firstConversationDate : dto.aanvraagDate;
      const row = m.create(Indication, {
        householdId,
        municipalityId: household.municipalityId,
        personId: dto.personId,
        pillar: dto.pillar,
        productId: dto.productId,
        form: dto.form ?? null,
        provider: dto.provider ?? null,
        reason: dto.reason ?? null,
        notes: dto.notes ?? null,
        status: requested ? 'in_behandeling' : 'melding',
        meldingDate: dto.meldingDate,
        aanvraagDate: dto.aanvraagDate ?? null,
        firstConversationDate: dto.firstConversationDate ?? null,
        threat: dto.threat ?? null,
        beschikkingDate: null,
        withdrawnOn: null,
        handlerUserId: user.id,
        version: 1,
        createdBy: user.id,
      });
      const stored = await m.save(Object.assign(row, currentDeadline(procedureFacts(row, [], []))));
      return this.writer.respond(m, ability, stored, 'create');
    });
  }

  async get(user: AuthenticatedUser, id: string): Promise<VersionedView> {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOneBy(Indication, { id });
      this.access.ensureCan(ability, 'read', 'Indication', row);
      const [view] = await this.repository.views(m, [row!], this.clock.today());
      const projected = this.access.project(ability, 'Indication', view)!;
      await this.audit.record(m, {
        activityId: activityFor(row!.pillar, 'read'),
        action: 'read',
        resourceType: 'Indication',
        resourceId: row!.id,
        householdId: row!.householdId,
        dataSubjects: [{ type: 'person', id: row!.personId }],
      });
      return { view: projected, version: row!.version };
    });
  }

  /** The household's indications the caller may see, filtered in SQL, each projected per record. */
  async listForHousehold(user: AuthenticatedUser, householdId: string, dto: ListIndicationsDto) {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    return this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      const { rows, total } = await this.visibleRows(m, ability, household, dto, page, pageSize);
      const items = await this.projected(m, ability, rows);
      await recordIndicationReads(this.audit, m, rows, household.id);
      return { items, total, page, pageSize };
    });
  }

  /** Changes details (provider, form, notes, ...) or the provision period; not the procedure's dates. */
  async update(
    user: AuthenticatedUser,
    id: string,
    dto: UpdateIndicationDto,
    ifMatch?: string,
  ): Promise<VersionedView> {
    return this.dataSource.transaction(async (m) => {
      const { row, ability } = await this.writer.loadForWrite(m, user, id, ifMatch);
      if (dto.form && !['WMO', 'JEUGD'].includes(row.pillar)) {
        throw DomainError.invalidField('form', 'ZiN of PGB bestaat alleen bij Wmo en Jeugd.');
      }
      if (dto.threat && (row.pillar !== 'SHV' || row.status !== 'melding')) {
        throw DomainError.invalidField(
          'threat',
          'Een dreigende situatie geldt alleen bij SHV, zolang het eerste gesprek nog moet plaatsvinden.',
        );
      }
      if ((dto.startDate || dto.endDate) && row.status !== 'toegekend') {
        throw DomainError.invalidField(
          dto.startDate ? 'startDate' : 'endDate',
          'De periode van de voorziening kan alleen bij een toegekende indicatie worden vastgelegd.',
        );
      }
      const startDate = dto.startDate ?? row.startDate;
      if (dto.endDate && startDate && dto.endDate < startDate) {
        throw DomainError.invalidField('endDate', 'Het einde ligt vóór het begin van de voorziening.');
      }
      // Only the fields sent: the DTO's absent optional fields are own properties set to undefined,
      // which would blank the answer (and the deadline's facts) although the row keeps them.
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      const stored = await this.repository.update(m, row, changes, this.clock.now());
      return this.writer.respond(m, ability, stored, 'update');
    });
  }

  /** The dossier section: the same rules and projection as the list, logged by the dossier itself. */
  async dossierSection(context: {
    ability: AppAbility;
    household: Household;
    manager: EntityManager;
  }): Promise<{ content: IndicationsDossierContent; dataSubjects: DataSubject[] }> {
    const { ability, household, manager: m } = context;
    const { rows } = await this.visibleRows(m, ability, household, {}, 1, 500);
    const items = await this.projected(m, ability, rows);
    return {
      content: { items, pillars: [...new Set(rows.map((r) => r.pillar))].sort() },
      dataSubjects: rows.map((r) => ({ type: 'person' as const, id: r.personId })),
    };
  }

  private async visibleRows(
    m: EntityManager,
    ability: AppAbility,
    household: Household,
    filter: Pick<ListIndicationsDto, 'pillar' | 'status'>,
    page: number,
    pageSize: number,
  ): Promise<{ rows: Indication[]; total: number }> {
    const metadata = this.dataSource.getMetadata(Indication);
    const condition = this.access.condition(ability, 'read', 'Indication', metadata, 'i');
    if (condition === null) return { rows: [], total: 0 };
    const qb = m
      .getRepository(Indication)
      .createQueryBuilder('i')
      .andWhere(condition)
      .andWhere('i.household_id = :householdId', { householdId: household.id });
    if (filter.pillar) qb.andWhere('i.pillar = :pillar', { pillar: filter.pillar });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    qb.orderBy('i.pillar', 'ASC')
      .addOrderBy('i.melding_date', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }

  private async projected(m: EntityManager, ability: AppAbility, rows: Indication[]) {
    const views = await this.repository.views(m, rows, this.clock.today());
    return views
      .map((view) => this.access.project(ability, 'Indication', view))
      .filter((view): view is Partial<IndicationView> => view !== null);
  }

  private assertPillarFacts(dto: CreateIndicationDto) {
    if (dto.pillar === 'SHV' && dto.aanvraagDate) {
      throw DomainError.invalidField(
        'aanvraagDate',
        'Schuldhulpverlening kent geen aanvraag: de termijn loopt vanaf de hulpvraag en het eerste gesprek.',
      );
    }
    if (dto.pillar !== 'SHV' && (dto.firstConversationDate || dto.threat)) {
      throw DomainError.invalidField(
        dto.firstConversationDate ? 'firstConversationDate' : 'threat',
        'Een eerste gesprek en een dreigende situatie horen alleen bij schuldhulpverlening.',
      );
    }
    if (dto.form && !['WMO', 'JEUGD'].includes(dto.pillar)) {
      throw DomainError.invalidField('form', 'ZiN of PGB bestaat alleen bij Wmo en Jeugd.');
    }
  }

  private async assertCurrentMember(m: EntityManager, household: Household, personId: string, today: string) {
    if (!(await this.households.isMemberOn(household.id, personId, today, m))) {
      throw DomainError.invalidField('personId', 'Deze persoon is geen huidig lid van dit huishouden.');
    }
  }
}
