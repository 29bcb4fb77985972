import { Clock } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { DEMO_EMAILS } from '@app/identity';
import { DemoOutreachSeeder } from '@app/outreach';
import { userId } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { expectNoBsnInLogs, fixedClock, locations } from './outreach-kit';

/** The demo data of one fresh database, in a form that can be compared across runs. */
async function seedAndDescribe() {
  const t: TestApp = await createTestApp((b) => b.overrideProvider(Clock).useValue(fixedClock()));
  try {
    const kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    await t.app.get(DemoHouseholdsSeeder).seed();
    const first = await t.app.get(DemoOutreachSeeder).seed();
    const second = await t.app.get(DemoOutreachSeeder).seed();
    const coach = await userId(t, DEMO_EMAILS.financialCoach);
    const where = await locations(t);
    const { rows: coachLocations } = await t.db.query(
      'SELECT wijkservicepunt_id, is_primary FROM coach_location WHERE user_id = $1 ORDER BY is_primary DESC',
      [coach],
    );
    const { rows: contacts } = await t.db.query(
      `SELECT w.name, c.contact_at, c.topics, c.household_id IS NOT NULL AS linked, c.referral_to, c.follow_up_on::text
         FROM spreekuur_contact c JOIN wijkservicepunt w ON w.id = c.wijkservicepunt_id ORDER BY c.contact_at, w.name`,
    );
    const { rows: signals } = await t.db.query(
      `SELECT creditor_type, creditor, bsn, address_key, arrears_cents, received_on::text, multiple, repeated, priority,
              owner_organisation_id FROM arrears_signal ORDER BY received_on, address_key, creditor`,
    );
    // Through the API: the demo coach sees their contacts and works the coaches' signals.
    const session = await kit.as('financialCoach');
    const list = await t
      .http()
      .get('/api/v1/outreach/spreekuur/contacts?pageSize=200')
      .set(kit.bearer(session));
    const worklist = await t.http().get('/api/v1/outreach/signals?pageSize=200').set(kit.bearer(session));
    expectNoBsnInLogs(
      t,
      signals.map((s) => s.bsn),
    );
    kit.expectNothingLeaked();
    return {
      first,
      second,
      where,
      coachLocations,
      contacts,
      signals,
      list: list.body,
      worklist: worklist.body,
    };
  } finally {
    await t.close();
  }
}

describe('outreach: demo data', () => {
  it('seeds the coach location, about 40 contacts and 30 signals with multiple and repeated ones; idempotent and deterministic', async () => {
    const one = await seedAndDescribe();
    expect(one.first).toEqual({ contacts: 40, signals: 30 });
    expect(one.second).toEqual({ contacts: 0, signals: 0 });
    expect(one.coachLocations).toEqual([
      { wijkservicepunt_id: one.where.nazareth, is_primary: true },
      { wijkservicepunt_id: one.where.pottenberg, is_primary: false },
    ]);
    expect(one.contacts).toHaveLength(40);
    expect(one.contacts.some((c) => c.linked)).toBe(true);
    expect(one.signals.some((s) => s.multiple)).toBe(true);
    expect(one.signals.some((s) => s.repeated)).toBe(true);
    expect(one.list.total).toBe(40);
    expect(one.worklist.total).toBeGreaterThan(20);
    const two = await seedAndDescribe();
    expect(two.contacts).toEqual(one.contacts);
    expect(two.signals).toEqual(one.signals);
  });
});
