import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser, SubjectName } from '@app/access';
import { AuditService, DataSubject } from '@app/audit';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory, CaseWorkerProfile } from './case-worker-directory';
import { DossierSectionRegistry } from './dossier-sections';
import { CaseTeamMember, Consent, Household, HouseholdMember, Referral, Representative } from './entities';
import { HouseholdGuard } from './household-guard';
import { indexFactsFrom } from './household-index';

/** The dossier of one household, each part shaped by what the caller may see. Logged as one read. */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly guard: HouseholdGuard,
    private readonly sections: DossierSectionRegistry,
  ) {}

  async dossier(user: AuthenticatedUser, householdId: string) {
    // Reads run outside a transaction so that one request never holds two pooled connections at once
    // (nested lookups in other contexts use their own); the log row is then written in its own
    // transaction before anything is returned.
    const m = this.dataSource.manager;
    const { household, ability } = await this.guard.load(user, householdId, 'read', m);
    // The case team is read once, with its profiles: for the index facts and for the case-team section.
    const caseTeam = await m.find(CaseTeamMember, {
      where: { householdId: household.id },
      order: { joinedAt: 'ASC' },
    });
    const profiles = await this.directory.profiles([...new Set(caseTeam.map((c) => c.userId))], m);
    const facts = indexFactsFrom([household.id], caseTeam, profiles).get(household.id)!;
    const subjects: DataSubject[] = [{ type: 'household', id: household.id }];
    const relations = await this.access.relationsFor(user);
    const fullAccess = this.access.can(ability, 'read', 'Member', probe(household));
    const dossier: Record<string, unknown> = {
      household: this.access.project(ability, 'Household', { ...household, ...facts }),
      access: fullAccess ? 'full' : 'index',
      breakGlass: relations.breakGlass.includes(household.id) && !relations.caseTeam.includes(household.id),
      // What the household's consents open up for the caller's organisation beyond the legal task.
      consentedToMe: relations.consents
        .filter((c) => c.householdId === household.id)
        .map((c) => c.category)
        .sort(),
    };
    if (fullAccess) {
      const members = await this.members(m, ability, household);
      dossier.members = members;
      subjects.push(...members.map((member) => ({ type: 'person' as const, id: member.personId as string })));
      dossier.caseTeam = this.caseTeam(ability, caseTeam, profiles);
      dossier.representatives = await this.visible(m, ability, Representative, 'Representative', household);
      dossier.consents = await this.visible(m, ability, Consent, 'Consent', household);
      dossier.referrals = await this.visible(m, ability, Referral, 'Referral', household);
      for (const section of this.sections.all()) {
        const loaded = await section.load({ user, ability, household, manager: m });
        if (!loaded) continue;
        dossier[section.name] = loaded.content;
        subjects.push(...loaded.dataSubjects.filter((s) => !subjects.some((t) => t.id === s.id)));
      }
    }
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        action: 'read',
        resourceType: 'Household',
        resourceId: household.id,
        householdId: household.id,
        dataSubjects: subjects,
        // Emergency access is flagged on every read it makes possible, for the privacy officer's review.
        reason: dossier.breakGlass ? 'noodtoegang (break the glass)' : undefined,
      }),
    );
    return dossier;
  }

  private async members(m: EntityManager, ability: AppAbility, household: Household) {
    const members = await m.find(HouseholdMember, {
      where: { householdId: household.id },
      relations: { person: true },
      order: { leftOn: { direction: 'DESC', nulls: 'FIRST' }, joinedOn: 'ASC' },
    });
    return members
      .map(({ person, ...member }) => this.access.project(ability, 'Member', { ...member, person }))
      .filter((member): member is NonNullable<typeof member> => member !== null) as Record<string, unknown>[];
  }

  private caseTeam(ability: AppAbility, members: CaseTeamMember[], profileList: CaseWorkerProfile[]) {
    const profiles = new Map(profileList.map((p) => [p.id, p]));
    return members
      .map((member) =>
        this.access.project(ability, 'CaseTeamMember', {
          ...member,
          name: profiles.get(member.userId)?.displayName ?? 'onbekend',
          organisation: profiles.get(member.userId)?.organisationName ?? 'onbekend',
        }),
      )
      .filter(Boolean);
  }

  private async visible<T extends { householdId: string }>(
    m: EntityManager,
    ability: AppAbility,
    entity: new () => T,
    type: SubjectName,
    household: Household,
  ) {
    const rows = await m.find(entity, { where: { householdId: household.id } as never });
    return rows.map((row) => this.access.project(ability, type, row as object)).filter(Boolean);
  }
}

const probe = (household: Household) => ({
  householdId: household.id,
  municipalityId: household.municipalityId,
});
