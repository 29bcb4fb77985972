import { AccessService, Action, AppAbility, FINANCIAL_LIFE_DOMAIN } from '@app/access';
import { DomainError } from '@app/core';

interface HouseholdRef {
  id: string;
  municipalityId: string;
}

/**
 * What one caller may see and change of one household's plan, decided per record by the access rules:
 * goals (and their actions and outcomes) by their life domain. Plan-wide content that belongs to no
 * life domain (the household's own words) is shown only to those who may see goals of any domain:
 * KBL and financial coaches without a PLAN consent see the financial domain only (DESIGN.md rule 4).
 */
export class PlanVisibility {
  readonly wholePlan: boolean;

  constructor(
    private readonly access: AccessService,
    private readonly ability: AppAbility,
    private readonly household: HouseholdRef,
  ) {
    this.wholePlan = access.can(ability, 'read', 'PlanGoal', this.record(null));
  }

  /** 'whole', or the one life domain the caller is limited to. */
  get scope(): 'whole' | typeof FINANCIAL_LIFE_DOMAIN {
    return this.wholePlan ? 'whole' : FINANCIAL_LIFE_DOMAIN;
  }

  /** The row as the caller may see it, or null: checked per record with the row's own life domain. */
  goal<T extends { lifeDomain: string; householdId: string; municipalityId: string }>(row: T): T | null {
    return this.access.project(this.ability, 'PlanGoal', row) as T | null;
  }

  canSeeDomain(lifeDomain: string | null): boolean {
    return this.access.can(this.ability, 'read', 'PlanGoal', this.record(lifeDomain));
  }

  /** Refuses a goal write: unknown (404) when the caller may not even see it, forbidden (403) otherwise. */
  ensureGoalWrite(action: Extract<Action, 'create' | 'update'>, lifeDomain: string) {
    const record = this.record(lifeDomain);
    if (this.access.can(this.ability, action, 'PlanGoal', record)) return;
    if (action === 'update' && !this.canSeeDomain(lifeDomain)) throw DomainError.notFound('Dit doel');
    throw DomainError.forbidden(
      'U mag in dit leefgebied van het gezinsplan geen doelen of acties vastleggen.',
    );
  }

  /**
   * Refuses (403) a content write by someone who may write no goal at all (teamleider, break the
   * glass), before the plan's revision or version is compared: a refusal tells nothing about versions.
   */
  ensureSomeGoalWrite() {
    const writable = [null, FINANCIAL_LIFE_DOMAIN].some((domain) =>
      this.access.can(this.ability, 'update', 'PlanGoal', this.record(domain)),
    );
    if (!writable)
      throw DomainError.forbidden('U mag het gezinsplan van dit huishouden lezen, niet wijzigen.');
  }

  private record(lifeDomain: string | null) {
    return { householdId: this.household.id, municipalityId: this.household.municipalityId, lifeDomain };
  }
}
