import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS, DEMO_PASSWORD } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { seedDemoData } from '../../apps/api/src/demo-seed';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

/** The fixed "today" of the reviews tests (the demo data is seeded relative to it). */
export const TODAY = '2026-11-22';

/** A test app on a fixed clock with the whole demo seed (users, households, ..., reviews). */
export async function reviewsApp(): Promise<{ t: TestApp; kit: IdentityKit; clock: FixedClock }> {
  process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
  const clock = new FixedClock(new Date(`${TODAY}T10:00:00Z`));
  const t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
  await seedDemoData(t.app);
  return { t, kit: new IdentityKit(t), clock };
}

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [email]);
  return rows[0].id;
}

/** A second teamleider in Maastricht, leading another SZMH team (Zuidwest) than the demo teamleider. */
export async function otherTeamleider(t: TestApp, kit: IdentityKit) {
  const admin = kit.bearer(await kit.as('functioneelBeheerder'));
  const email = `teamleider.zuidwest.${Date.now()}@szmh.example`;
  const res = await t
    .http()
    .post('/api/v1/users')
    .set(admin)
    .send({
      email,
      displayName: 'Andere Teamleider',
      password: DEMO_PASSWORD,
      organisationId: ORGANISATION_IDS.szmh,
      roles: ['teamleider'],
      pillars: [],
      municipalityIds: [MUNICIPALITY_IDS.maastricht],
      teams: [{ teamId: TEAM_IDS.szmhZuidwest, isLead: true }],
      mandateCents: 250000,
    });
  if (res.status !== 201) throw new Error(`creating a teamleider failed: ${res.status} ${res.text}`);
  return kit.bearer(await kit.login(email));
}

export const teamleiderEmail = DEMO_EMAILS.teamleider;
