import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory } from './case-worker-directory';
import { BreakGlassDto, ReviewBreakGlassDto } from './dto';
import { BreakGlassGrant } from './entities';
import { HouseholdGuard } from './household-guard';

const GRANT_HOURS = 24;

/** Emergency access (DESIGN.md rule 8): 24 hours, flagged, reviewed by the privacy officer. */
@Injectable()
export class BreakGlassService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly guard: HouseholdGuard,
    private readonly clock: Clock,
  ) {}

  async open(user: AuthenticatedUser, householdId: string, dto: BreakGlassDto) {
    const grant = await this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'breakGlass', m);
      if (
        this.access.can(ability, 'read', 'Member', { householdId, municipalityId: household.municipalityId })
      ) {
        throw DomainError.conflict('U heeft al toegang tot dit dossier; de noodtoegang is niet nodig.');
      }
      const now = this.clock.now();
      const saved = await m.save(
        m.create(BreakGlassGrant, {
          householdId,
          municipalityId: household.municipalityId,
          userId: user.id,
          category: dto.category,
          reason: dto.reason,
          grantedAt: now,
          expiresAt: new Date(now.getTime() + GRANT_HOURS * 3600_000),
        }),
      );
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'BreakGlassGrant',
        resourceId: saved.id,
        householdId,
        dataSubjects: [{ type: 'household', id: householdId }],
        reason: `${dto.category}: ${dto.reason}`,
      });
      return saved;
    });
    this.access.forgetAbility();
    return grant;
  }

  /** For the privacy officer (all in their municipalities) and a teamleider (grants of their team members). */
  async list(user: AuthenticatedUser, status?: string) {
    const ability = await this.access.abilityFor(user);
    const qb = this.dataSource.getRepository(BreakGlassGrant).createQueryBuilder('g');
    const condition = this.access.condition(
      ability,
      'read',
      'BreakGlassGrant',
      qb.expressionMap.mainAlias!.metadata,
      'g',
    );
    if (condition) {
      qb.andWhere(condition);
    } else if (user.roles.includes('teamleider') && user.ledTeamIds.length) {
      qb.andWhere({ userId: In(await this.directory.userIdsInTeams(user.ledTeamIds)) });
    } else {
      return [];
    }
    if (status) qb.andWhere('g.review_status = :status', { status });
    const grants = await qb.orderBy('g.granted_at', 'DESC').take(200).getMany();
    const names = new Map((await this.directory.profiles(grants.map((g) => g.userId))).map((p) => [p.id, p]));
    return grants.map((g) => ({
      ...g,
      userName: names.get(g.userId)?.displayName ?? 'onbekend',
      organisation: names.get(g.userId)?.organisationName ?? 'onbekend',
      active: g.expiresAt > this.clock.now(),
    }));
  }

  async review(user: AuthenticatedUser, grantId: string, dto: ReviewBreakGlassDto) {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const grant = await m.findOneBy(BreakGlassGrant, { id: grantId });
      this.access.ensureCan(ability, 'update', 'BreakGlassGrant', grant);
      if (grant!.reviewStatus !== 'pending') throw DomainError.conflict('Deze noodtoegang is al beoordeeld.');
      const changes = {
        reviewStatus: dto.outcome,
        reviewNote: dto.note ?? null,
        reviewedBy: user.id,
        reviewedAt: this.clock.now(),
      };
      await m.update(BreakGlassGrant, { id: grantId }, changes);
      await this.audit.record(m, {
        action: 'update',
        resourceType: 'BreakGlassGrant',
        resourceId: grantId,
        householdId: grant!.householdId,
        dataSubjects: [],
      });
      return { ...grant!, ...changes };
    });
  }
}
