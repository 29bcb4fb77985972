import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { AccessService, AppAbility, AuthenticatedUser, defineAbilityFor } from '@app/access';
import { CoachLocationsService } from './spreekuur/coach-locations.service';

const ABILITY_KEY = 'outreach:ability';

/**
 * The caller's ability including what the outreach context knows (the wijkservicepunten where a coach
 * holds spreekuur), built by the one access-rule factory and cached for the request.
 */
@Injectable()
export class OutreachAccess {
  constructor(
    private readonly access: AccessService,
    private readonly locations: CoachLocationsService,
    private readonly cls: ClsService,
  ) {}

  async abilityFor(user: AuthenticatedUser): Promise<AppAbility> {
    const cached = this.cls.isActive()
      ? this.cls.get<{ userId: string; ability: AppAbility }>(ABILITY_KEY)
      : undefined;
    if (cached?.userId === user.id) return cached.ability;
    const [relations, spreekuurLocationIds] = await Promise.all([
      this.access.relationsFor(user),
      user.roles.includes('financial-coach') ? this.locations.locationIdsOf(user.id) : Promise.resolve([]),
    ]);
    const ability = defineAbilityFor(user, relations, { spreekuurLocationIds });
    if (this.cls.isActive()) this.cls.set(ABILITY_KEY, { userId: user.id, ability });
    return ability;
  }
}
