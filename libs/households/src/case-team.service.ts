import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, AuthenticatedUser, Pillar, PROFESSIONAL_ROLES, Role } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory, CaseWorkerProfile } from './case-worker-directory';
import { AddCaseTeamMemberDto, CaseTeamCandidateView, HandOverRegisseurDto } from './dto';
import { CaseRole, CaseTeamMember, Household } from './entities';
import { HouseholdGuard } from './household-guard';

/** The legal basis on which a pillar's professional processes a household's data (publieke taak). */
export const LEGAL_BASIS_BY_PILLAR: Record<Pillar, string> = {
  WMO: 'Wmo 2015 art. 2.3.2 (publieke taak)',
  JEUGD: 'Jeugdwet art. 2.3 en 7.4.0 (publieke taak)',
  PARTICIPATIE: 'Participatiewet art. 7 en 64 (publieke taak)',
  SHV: 'Wet gemeentelijke schuldhulpverlening art. 3 en 4a (publieke taak)',
  ONDERWIJS: 'Leerplichtwet 1969 en Wet op het primair onderwijs art. 4 (publieke taak)',
};
const GENERAL_BASIS = 'AVG art. 6 lid 1 sub e: 1Gezin1Plan-regie (publieke taak gemeente)';
const CANDIDATE_LIMIT = 20;

@Injectable()
export class CaseTeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly guard: HouseholdGuard,
    private readonly clock: Clock,
  ) {}

  /** A professional who may join a case in this municipality: active, a case-work role, working there. */
  async eligibleProfessional(
    userId: string,
    municipalityId: string,
    field: string,
  ): Promise<CaseWorkerProfile> {
    return this.ensureEligible(await this.professional(userId), municipalityId, field);
  }

  /**
   * The directory's profile of a professional. Look it up before opening a transaction: the directory
   * takes a pooled connection of its own, and a transaction waiting for a second connection while
   * holding one deadlocks the pool under load.
   */
  async professional(userId: string): Promise<CaseWorkerProfile | undefined> {
    const [profile] = await this.directory.profiles([userId]);
    return profile;
  }

  /** The checks of `eligibleProfessional` on a profile looked up earlier (no database access). */
  ensureEligible(
    profile: CaseWorkerProfile | undefined,
    municipalityId: string,
    field: string,
  ): CaseWorkerProfile {
    if (!profile || !profile.active)
      throw DomainError.invalidField(field, 'Deze medewerker bestaat niet of is niet actief.');
    if (!profile.roles.some((role) => PROFESSIONAL_ROLES.includes(role as Role))) {
      throw DomainError.invalidField(field, 'Deze medewerker heeft geen rol in de casusbehandeling.');
    }
    if (!profile.municipalityIds.includes(municipalityId)) {
      throw DomainError.invalidField(
        field,
        'Deze medewerker werkt niet voor de gemeente van dit huishouden.',
      );
    }
    return profile;
  }

  insertMember(
    m: EntityManager,
    household: Household,
    professional: CaseWorkerProfile,
    caseRole: CaseRole,
    pillar: Pillar | null,
    addedBy: string,
    legalBasis?: string,
  ) {
    return m.save(
      m.create(CaseTeamMember, {
        householdId: household.id,
        municipalityId: household.municipalityId,
        userId: professional.id,
        organisationId: professional.organisationId,
        caseRole,
        pillar,
        legalBasis: legalBasis ?? (pillar ? LEGAL_BASIS_BY_PILLAR[pillar] : GENERAL_BASIS),
        joinedAt: this.clock.now(),
        addedBy,
      }),
    );
  }

  async add(user: AuthenticatedUser, householdId: string, dto: AddCaseTeamMemberDto) {
    const profile = await this.professional(dto.userId);
    return this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      this.guard.ensureActive(household);
      const professional = this.ensureEligible(profile, household.municipalityId, 'userId');
      if (await m.existsBy(CaseTeamMember, { householdId, userId: dto.userId, leftAt: IsNull() })) {
        throw DomainError.conflict('Deze medewerker zit al in het casusteam.', {
          errors: [{ field: 'userId', message: 'al lid' }],
        });
      }
      const member = await this.insertMember(
        m,
        household,
        professional,
        dto.caseRole,
        dto.pillar ?? null,
        user.id,
        dto.legalBasis,
      );
      await this.log(m, household, 'create', member.id);
      return member;
    });
  }

  /**
   * Colleagues who could join this case team (active, a case-work role, working in its municipality, not
   * on the team yet), for whoever may add members. Names are of professionals; nothing of the clients.
   */
  async candidates(
    user: AuthenticatedUser,
    householdId: string,
    q: string,
  ): Promise<CaseTeamCandidateView[]> {
    return this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      this.guard.ensureActive(household);
      const onTeam = await m.findBy(CaseTeamMember, { householdId, leftAt: IsNull() });
      const taken = new Set(onTeam.map((member) => member.userId));
      const found = await this.directory.caseWorkersNamed(
        household.municipalityId,
        q,
        CANDIDATE_LIMIT + taken.size,
        m,
      );
      await this.audit.record(m, {
        action: 'search',
        resourceType: 'CaseTeamCandidate',
        householdId: household.id,
        dataSubjects: [{ type: 'household', id: household.id }],
      });
      return found
        .filter((profile) => !taken.has(profile.id))
        .slice(0, CANDIDATE_LIMIT)
        .map((profile) => ({
          userId: profile.id,
          displayName: profile.displayName,
          organisation: profile.organisationName,
          pillars: profile.pillars,
        }));
    });
  }

  /** Leaving the case team; the regisseur of an active household must hand over first. */
  async remove(user: AuthenticatedUser, householdId: string, memberId: string) {
    await this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      const member = await m.findOneBy(CaseTeamMember, { id: memberId, householdId, leftAt: IsNull() });
      if (!member) throw DomainError.notFound('Dit casusteamlid');
      if (member.caseRole === 'regisseur' && household.status === 'active') {
        throw DomainError.conflict(
          'Draag eerst de regie over aan een ander voordat de regisseur het casusteam verlaat.',
        );
      }
      await m.update(CaseTeamMember, { id: memberId }, { leftAt: this.clock.now() });
      await this.log(m, household, 'delete', memberId);
    });
    this.access.forgetAbility();
  }

  /** Hands the regisseur role to another professional in one transaction; the old regisseur stays as contributor. */
  async handOver(user: AuthenticatedUser, householdId: string, dto: HandOverRegisseurDto) {
    const profile = await this.professional(dto.userId);
    await this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      this.guard.ensureActive(household);
      const professional = this.ensureEligible(profile, household.municipalityId, 'userId');
      const current = await m.findOneBy(CaseTeamMember, {
        householdId,
        caseRole: 'regisseur',
        leftAt: IsNull(),
      });
      if (current?.userId === dto.userId) throw DomainError.conflict('Deze medewerker is al de regisseur.');
      if (current) await m.update(CaseTeamMember, { id: current.id }, { caseRole: 'contributor' });
      const existing = await m.findOneBy(CaseTeamMember, {
        householdId,
        userId: dto.userId,
        leftAt: IsNull(),
      });
      if (existing) {
        await m.update(
          CaseTeamMember,
          { id: existing.id },
          { caseRole: 'regisseur', pillar: dto.pillar ?? existing.pillar },
        );
      } else {
        await this.insertMember(m, household, professional, 'regisseur', dto.pillar ?? null, user.id);
      }
      await this.log(m, household, 'update', current?.id);
    });
    this.access.forgetAbility();
  }

  private log(
    m: EntityManager,
    household: Household,
    action: 'create' | 'update' | 'delete',
    resourceId?: string,
  ) {
    return this.audit.record(m, {
      action,
      resourceType: 'CaseTeamMember',
      resourceId,
      householdId: household.id,
      dataSubjects: [{ type: 'household', id: household.id }],
    });
  }
}
