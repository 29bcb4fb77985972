import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@app/access';
import { MUNICIPALITY_IDS, TEAM_IDS } from '@app/reference';
import { DEMO_EMAILS, DEMO_PASSWORD, DEMO_USERS } from './demo-users';

describe('demo users', () => {
  const users = Object.values(DEMO_USERS);

  it('cover every role, with distinct demo e-mail addresses', () => {
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    expect(users.map((u) => u.email).sort()).toEqual(Object.values(DEMO_EMAILS).sort());
    for (const user of users) expect(user.email).toMatch(/^[a-z.-]+@demo\.gezinsplan\.nl$/);
  });

  it('include the teamleider of Team Noordwest and a consulent for Meerssen and Vaals only', () => {
    expect(DEMO_USERS.teamleider).toMatchObject({
      teams: [{ teamId: TEAM_IDS.szmhNoordwest, isLead: true }],
      mandateCents: 250000,
    });
    expect(DEMO_USERS.consulentHeuvelland.municipalityIds).toEqual([
      MUNICIPALITY_IDS.meerssen,
      MUNICIPALITY_IDS.vaals,
    ]);
  });

  it('are all listed in the README, with the demo password', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Demo accounts'));
    expect(section).toContain(DEMO_PASSWORD);
    for (const user of users) {
      expect(section).toContain(user.email);
      expect(section).toContain(user.displayName);
    }
  });
});
