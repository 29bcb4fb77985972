import { INestApplicationContext, Logger, Type } from '@nestjs/common';
import { RequestContext } from '@app/core';
import { DemoBudgetsSeeder } from '@app/budgets';
import { DemoHouseholdsSeeder } from '@app/households';
import { DemoUsersSeeder } from '@app/identity';
import { DemoIndicationsSeeder } from '@app/indications';
import { DemoOutreachSeeder } from '@app/outreach';
import { DemoPlansSeeder } from '@app/plans';
import { DemoReviewsSeeder } from '@app/reviews';

interface Seeder {
  seed(): Promise<unknown>;
}

/** In dependency order; each seeder is idempotent and deterministic. */
const SEEDERS: Type<Seeder>[] = [
  DemoUsersSeeder,
  DemoHouseholdsSeeder,
  DemoIndicationsSeeder,
  DemoPlansSeeder,
  DemoBudgetsSeeder,
  DemoOutreachSeeder,
  DemoReviewsSeeder,
];

/** Loads the synthetic demo data (users, households, ...). Safe to run at every start. */
export async function seedDemoData(app: INestApplicationContext) {
  const logger = new Logger('DemoData');
  await app.get(RequestContext).run(async () => {
    for (const seeder of SEEDERS) await app.get(seeder).seed();
  });
  logger.log('demo data ready');
}
