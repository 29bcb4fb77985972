import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Action, AppAbility, AuthenticatedUser, SubjectName } from '@app/access';
import { DomainError } from '@app/core';
import { Household } from './entities';

/** Loads a household and checks the caller's right on it; the shared first step of every household route. */
@Injectable()
export class HouseholdGuard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async load(
    user: AuthenticatedUser,
    householdId: string,
    action: Action,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ household: Household; ability: AppAbility }> {
    const ability = await this.access.abilityFor(user);
    const household = await manager.findOneBy(Household, { id: householdId });
    this.access.ensureCan(ability, action, 'Household', household);
    return { household: household!, ability };
  }

  /** Checks a case record of the household (Member, Consent, ...) as the access rules describe it. */
  ensureOnHousehold(ability: AppAbility, action: Action, type: SubjectName, household: Household) {
    const probe = { householdId: household.id, municipalityId: household.municipalityId };
    if (!this.access.can(ability, action, type, probe)) {
      throw this.access.can(ability, 'read', type, probe) ? DomainError.forbidden() : DomainError.notFound();
    }
  }

  ensureActive(household: Household) {
    if (household.status !== 'active') throw DomainError.conflict('Dit huishouden is gesloten.');
  }
}
