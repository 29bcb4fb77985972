import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS } from '@app/identity';
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
  const email = `teamleider.zuidwest.${Date.now()}@szmh.example`;
  const { session } = await kit.createAccount({
    email,
    displayName: 'Andere Teamleider',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['teamleider'],
    pillars: [],
    municipalityIds: [MUNICIPALITY_IDS.maastricht],
    teams: [{ teamId: TEAM_IDS.szmhZuidwest, isLead: true }],
    mandateCents: 250000,
  });
  return kit.bearer(session);
}

export const teamleiderEmail = DEMO_EMAILS.teamleider;
