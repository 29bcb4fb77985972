import { randomUUID } from 'node:crypto';
import { DEMO_EMAILS, USER_DIRECTORY, UserDirectory, UsersService } from '@app/identity';
import { ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit } from './identity-kit';

describe('identity: what other contexts ask of UsersService and the UserDirectory', () => {
  let t: TestApp;
  let users: UsersService;
  let ids: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await new IdentityKit(t).seedDemoUsers();
    users = t.app.get(UsersService);
    ids = await users.idsByEmail([...Object.values(DEMO_EMAILS), 'onbekend@demo.gezinsplan.nl']);
  });
  afterAll(() => t.close());

  it('maps demo e-mails to ids, leaving unknown ones out', () => {
    expect(ids.size).toBe(Object.keys(DEMO_EMAILS).length);
    expect(ids.get('onbekend@demo.gezinsplan.nl')).toBeUndefined();
  });

  it('gives case-worker profiles in one call, with organisation names and no e-mail', async () => {
    const coach = ids.get(DEMO_EMAILS.financialCoach)!;
    const kbl = ids.get(DEMO_EMAILS.schuldhulpverlener)!;
    const profiles = await users.caseWorkerProfiles([coach, kbl, coach, randomUUID(), 'geen-id']);
    expect(profiles).toHaveLength(2);
    expect(profiles.find((p) => p.id === kbl)).toEqual({
      id: kbl,
      displayName: 'Tom Habets',
      organisationId: ORGANISATION_IDS.kbl,
      organisationName: 'Kredietbank Limburg',
      municipalityIds: expect.any(Array),
      roles: ['schuldhulpverlener'],
      pillars: ['SHV'],
      active: true,
    });
    expect(JSON.stringify(profiles)).not.toContain('@');
  });

  it('lists the members of teams', async () => {
    const members = await users.userIdsInTeams([TEAM_IDS.szmhNoordwest]);
    expect(members.sort()).toEqual(
      [DEMO_EMAILS.consulentWmo, DEMO_EMAILS.consulentJeugd, DEMO_EMAILS.teamleider]
        .map((e) => ids.get(e))
        .sort(),
    );
    expect(await users.userIdsInTeams([])).toEqual([]);
  });

  it('resolves the authenticated user through the UserDirectory token', async () => {
    const directory = t.app.get<UserDirectory>(USER_DIRECTORY);
    const user = await directory.findActiveUser(ids.get(DEMO_EMAILS.sociaalTeamMedewerker)!);
    expect(user).toMatchObject({
      organisationKind: 'sociaal-team',
      teamIds: [TEAM_IDS.sociaalTeam3],
      ledTeamIds: [],
    });
    expect(await directory.findActiveUser(randomUUID())).toBeNull();
    expect(await directory.findActiveUser('geen-uuid')).toBeNull();
  });
});
