import { INestApplicationContext, Injectable, Logger } from '@nestjs/common';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_SECOND_BEHEERDER, DEMO_USERS, DemoUser } from './demo-users';

export interface DemoSeedResult {
  created: string[];
  skipped: string[];
}

/**
 * Creates one demo account per role and a second functioneel beheerder (see README "Demo accounts"). Idempotent: existing e-mails are
 * skipped. Only the demo start script and tests call it; demo users never go into a migration.
 */
@Injectable()
export class DemoUsersSeeder {
  private readonly logger = new Logger(DemoUsersSeeder.name);

  constructor(private readonly users: UsersService) {}

  async seed(
    users: readonly DemoUser[] = [...Object.values(DEMO_USERS), DEMO_SECOND_BEHEERDER],
  ): Promise<DemoSeedResult> {
    const result: DemoSeedResult = { created: [], skipped: [] };
    for (const user of users) {
      if (await this.users.emailExists(user.email)) {
        result.skipped.push(user.email);
        continue;
      }
      // A lasting password, not a one-time one: demo accounts are seeded, not administered.
      await this.users.seedAccount(
        {
          email: user.email,
          displayName: user.displayName,
          organisationId: user.organisationId,
          roles: user.roles,
          pillars: user.pillars,
          municipalityIds: user.municipalityIds,
          teams: user.teams,
          mandateCents: user.mandateCents,
        },
        DEMO_PASSWORD,
      );
      result.created.push(user.email);
    }
    this.logger.log({ created: result.created.length, skipped: result.skipped.length }, 'demo users seeded');
    return result;
  }
}

/** For the demo start script: `await seedDemoUsers(app)`. */
export function seedDemoUsers(app: INestApplicationContext): Promise<DemoSeedResult> {
  return app.get(DemoUsersSeeder).seed();
}
