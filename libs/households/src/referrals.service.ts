import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { ReferenceService } from '@app/reference';
import { CaseTeamService } from './case-team.service';
import { AcceptReferralDto, CreateReferralDto, DeclineReferralDto } from './dto';
import { Household, Referral } from './entities';
import { HouseholdGuard } from './household-guard';

/** Referrals between organisations; accepting puts a professional of the receiver on the case team. */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly guard: HouseholdGuard,
    private readonly caseTeam: CaseTeamService,
    private readonly clock: Clock,
  ) {}

  /** Pass `manager` to create the referral inside the caller's transaction (e.g. a spreekuur contact). */
  async create(
    user: AuthenticatedUser,
    householdId: string,
    dto: CreateReferralDto,
    manager?: EntityManager,
  ) {
    if (dto.toOrganisationId === user.organisationId) {
      throw DomainError.invalidField('toOrganisationId', 'U kunt niet naar uw eigen organisatie verwijzen.');
    }
    const work = async (m: EntityManager) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      this.guard.ensureOnHousehold(ability, 'create', 'Referral', household);
      this.guard.ensureActive(household);
      // On the transaction's connection: a second pooled one while holding this one deadlocks under load.
      if (!(await this.reference.organisation(dto.toOrganisationId, m))) {
        throw DomainError.invalidField('toOrganisationId', 'Deze organisatie bestaat niet.');
      }
      const referral = await m.save(
        m.create(Referral, {
          householdId,
          municipalityId: household.municipalityId,
          personId: dto.personId ?? null,
          fromOrganisationId: user.organisationId,
          toOrganisationId: dto.toOrganisationId,
          reason: dto.reason,
          createdBy: user.id,
        }),
      );
      await this.log(m, household, 'create', referral);
      return referral;
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Referrals my organisation sent or received, filtered in SQL by the access rules. */
  async listForMyOrganisation(user: AuthenticatedUser, direction: 'incoming' | 'outgoing', status?: string) {
    const ability = await this.access.abilityFor(user);
    const metadata = this.dataSource.getMetadata(Referral);
    const condition = this.access.condition(ability, 'read', 'Referral', metadata, 'r');
    if (!condition) return [];
    return this.dataSource.transaction(async (m) => {
      const qb = m.getRepository(Referral).createQueryBuilder('r').andWhere(condition);
      qb.andWhere(
        direction === 'incoming' ? 'r.to_organisation_id = :org' : 'r.from_organisation_id = :org',
        {
          org: user.organisationId,
        },
      );
      if (status) qb.andWhere('r.status = :status', { status });
      const referrals = await qb.orderBy('r.created_at', 'DESC').take(200).getMany();
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'Referral',
        dataSubjects: referrals.map((r) => ({ type: 'household' as const, id: r.householdId })),
      });
      return referrals;
    });
  }

  async accept(user: AuthenticatedUser, referralId: string, dto: AcceptReferralDto) {
    const profile = await this.caseTeam.professional(dto.userId);
    return this.decide(user, referralId, async (m, referral, household) => {
      const professional = this.caseTeam.ensureEligible(profile, household.municipalityId, 'userId');
      if (professional.organisationId !== referral.toOrganisationId) {
        throw DomainError.invalidField(
          'userId',
          'Deze medewerker werkt niet bij de ontvangende organisatie.',
        );
      }
      const role = dto.pillar ? 'pillar_contact' : 'contributor';
      await this.caseTeam.insertMember(m, household, professional, role, dto.pillar ?? null, user.id);
      return { status: 'accepted' as const, assignedUserId: dto.userId };
    });
  }

  async decline(user: AuthenticatedUser, referralId: string, dto: DeclineReferralDto) {
    return this.decide(user, referralId, async () => ({
      status: 'declined' as const,
      declineReason: dto.reason,
    }));
  }

  private async decide(
    user: AuthenticatedUser,
    referralId: string,
    outcome: (m: EntityManager, referral: Referral, household: Household) => Promise<Partial<Referral>>,
  ) {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      // Locked: of racing answers exactly one decides, the others see it decided.
      const referral = await m.findOne(Referral, {
        where: { id: referralId },
        lock: { mode: 'pessimistic_write' },
      });
      if (referral && referral.status !== 'open' && this.access.can(ability, 'read', 'Referral', referral)) {
        throw DomainError.conflict(
          `Deze verwijzing is al ${referral.status === 'accepted' ? 'geaccepteerd' : 'afgewezen'}.`,
        );
      }
      this.access.ensureCan(ability, 'update', 'Referral', referral);
      const household = await m.findOneByOrFail(Household, { id: referral!.householdId });
      const changes = await outcome(m, referral!, household);
      await m.update(
        Referral,
        { id: referralId },
        { ...changes, decidedBy: user.id, decidedAt: this.clock.now() },
      );
      await this.log(m, household, 'update', referral!);
      this.access.forgetAbility();
      return { ...referral!, ...changes };
    });
  }

  private log(m: EntityManager, household: Household, action: 'create' | 'update', referral: Referral) {
    return this.audit.record(m, {
      action,
      resourceType: 'Referral',
      resourceId: referral.id,
      householdId: household.id,
      dataSubjects: referral.personId
        ? [{ type: 'person', id: referral.personId }]
        : [{ type: 'household', id: household.id }],
    });
  }
}
