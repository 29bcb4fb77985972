import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { manyWithTotal } from '@app/core';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory } from './case-worker-directory';
import { SearchHouseholdsDto } from './dto';
import { Household } from './entities';
import { indexFactsOf } from './household-index';

const SORTS = {
  address: [
    ['h.street', 'ASC'],
    ['h.house_number', 'ASC'],
  ],
  postcode: [
    ['h.postcode', 'ASC'],
    ['h.house_number', 'ASC'],
  ],
  createdAt: [['h.created_at', 'DESC']],
} as const;

export const SEARCH_BSN_ACTIVITY = 'households.search.bsn';

/**
 * Household search. The access rules become part of the one SQL query (never filtered in memory);
 * each hit is then shaped per record: the dossier fields for the case team, the index for others.
 */
@Injectable()
export class HouseholdSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async search(user: AuthenticatedUser, dto: SearchHouseholdsDto) {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 25;
    const ability = await this.access.abilityFor(user);
    const metadata = this.dataSource.getMetadata(Household);
    const condition = this.access.condition(ability, 'read', 'Household', metadata, 'h');
    if (condition === null) return { items: [], page, pageSize, total: 0 };

    // Read outside a transaction, like the dossier: the regisseurs' names come from the directory,
    // which takes a pooled connection of its own; the log row is written before anything is returned.
    const m = this.dataSource.manager;
    const qb = m.getRepository(Household).createQueryBuilder('h').andWhere(condition);
    const member = (clause: string) =>
      `EXISTS (SELECT 1 FROM household_member hm JOIN person p ON p.id = hm.person_id
             WHERE hm.household_id = h.id AND hm.left_on IS NULL AND ${clause})`;
    if (dto.name) {
      qb.andWhere(member(`(lower(p.family_name) LIKE :name OR lower(p.given_names) LIKE :name)`), {
        name: `%${dto.name.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    if (dto.birthDate) qb.andWhere(member('p.birth_date = :birthDate'), { birthDate: dto.birthDate });
    if (dto.bsn) qb.andWhere(member('p.bsn = :bsn'), { bsn: dto.bsn });
    if (dto.postcode) qb.andWhere('h.postcode = :postcode', { postcode: dto.postcode });
    if (dto.houseNumber)
      qb.andWhere('lower(h.house_number) = :houseNumber', { houseNumber: dto.houseNumber.toLowerCase() });
    if (dto.street) qb.andWhere('lower(h.street) LIKE :street', { street: `%${dto.street.toLowerCase()}%` });
    if (dto.municipalityId)
      qb.andWhere('h.municipality_id = :municipalityId', { municipalityId: dto.municipalityId });
    if (dto.cohort50 !== undefined) qb.andWhere('h.cohort_50 = :cohort50', { cohort50: dto.cohort50 });
    if (dto.status) qb.andWhere('h.status = :status', { status: dto.status });
    if (dto.mine) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM case_team_member ct WHERE ct.household_id = h.id AND ct.user_id = :me AND ct.left_at IS NULL)',
        { me: user.id },
      );
    }
    for (const [column, direction] of SORTS[dto.sort ?? 'address']) qb.addOrderBy(column, direction);
    qb.addOrderBy('h.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);

    const [rows, total] = await manyWithTotal(qb);
    const facts = await indexFactsOf(
      m,
      this.directory,
      rows.map((h) => h.id),
    );
    const items = rows.map((h) => this.access.project(ability, 'Household', { ...h, ...facts.get(h.id)! })!);
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        activityId: dto.bsn ? SEARCH_BSN_ACTIVITY : undefined,
        action: 'search',
        resourceType: 'Household',
        dataSubjects: rows.map((h) => ({ type: 'household' as const, id: h.id })),
      }),
    );
    return { items, page, pageSize, total };
  }
}
