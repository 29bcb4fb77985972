import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { addDays, Clock, manyWithTotal } from '@app/core';
import { UsersService } from '@app/identity';
import { WorklistQueryDto } from './dto';
import { Indication } from './entities';
import { recordIndicationReads } from './indication-audit';
import { IndicationView } from './indication-view';
import { IndicationsRepository } from './indications.repository';
import { DUE_SOON_DAYS } from './legal-clocks';

export interface WorklistPage {
  items: Partial<IndicationView>[];
  total: number;
  page: number;
  pageSize: number;
  /** The date daysLeft and overdue were computed for. */
  today: string;
}

/**
 * "My procedures due within 10 days or overdue", per handler or per team. Everything is decided in
 * one SQL query: the caller's access rules (andWhere, never where), the handlers and the stored deadline.
 */
@Injectable()
export class WorklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly repository: IndicationsRepository,
    private readonly clock: Clock,
  ) {}

  async procedures(user: AuthenticatedUser, dto: WorklistQueryDto): Promise<WorklistPage> {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    const today = this.clock.today();
    const empty: WorklistPage = { items: [], total: 0, page, pageSize, today };
    const ability = await this.access.abilityFor(user);
    const metadata = this.dataSource.getMetadata(Indication);
    const condition = this.access.condition(ability, 'read', 'Indication', metadata, 'i');
    if (condition === null) return empty;
    const handlers =
      (dto.scope ?? 'mine') === 'mine'
        ? [user.id]
        : await this.users.userIdsInTeams([...user.teamIds, ...user.ledTeamIds]);
    if (handlers.length === 0) return empty;

    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(Indication)
        .createQueryBuilder('i')
        .andWhere(condition)
        .andWhere('i.handler_user_id IN (:...handlers)', { handlers })
        .andWhere('i.deadline IS NOT NULL');
      const soon = addDays(today, DUE_SOON_DAYS);
      const due = dto.due ?? 'all';
      if (due === 'overdue') qb.andWhere('i.deadline < :today', { today });
      else if (due === 'soon') qb.andWhere('i.deadline >= :today AND i.deadline <= :soon', { today, soon });
      else qb.andWhere('i.deadline <= :soon', { soon });
      if (dto.pillar) qb.andWhere('i.pillar = :pillar', { pillar: dto.pillar });
      qb.orderBy('i.deadline', 'ASC')
        .addOrderBy('i.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize);
      const [rows, total] = await manyWithTotal(qb);
      const views = await this.repository.views(m, rows, today);
      const items = views
        .map((view) => this.access.project(ability, 'Indication', view))
        .filter((view): view is Partial<IndicationView> => view !== null);
      if (rows.length > 0) await recordIndicationReads(this.audit, m, rows);
      return { items, total, page, pageSize, today };
    });
  }
}
