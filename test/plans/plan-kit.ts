import { Response } from 'supertest';
import { DEMO_EMAILS, DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

export const PLAN_TABLES = [
  'plan',
  'plan_version',
  'plan_goal',
  'plan_action',
  'plan_evaluation',
  'plan_evaluation_outcome',
  'plan_change',
] as const;

export interface TestHousehold {
  id: string;
  /** personIds of the members, in the order they were created: two adults, then a child. */
  members: string[];
}

let bsnCounter = 0;

/** A valid (elfproef) synthetic BSN, unique within this process. */
export function nextBsn(): string {
  for (;;) {
    bsnCounter++;
    const seed = String(90_000_000 + ((process.pid * 7919 + bsnCounter * 104_729) % 9_999_999)).slice(0, 8);
    const digits = [...seed].map(Number);
    const check = digits.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11;
    if (check <= 9) return `${seed}${check}`;
  }
}

export const isoDaysFromToday = (days: number) => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
};

/** Households, case teams, consents and plan requests for the plan tests, over the public API. */
export class PlanKit {
  constructor(
    private readonly t: TestApp,
    readonly kit: IdentityKit,
  ) {}

  async userId(user: DemoUserKey): Promise<string> {
    const { rows } = await this.t.db.query<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [
      DEMO_EMAILS[user],
    ]);
    return rows[0].id;
  }

  /** A Maastricht household created by the Wmo consulent (its regisseur): two parents and a child. */
  async household(familyName = 'Bemelmans'): Promise<TestHousehold> {
    const member = (givenNames: string, birthDate: string, relation: string) => ({
      bsn: nextBsn(),
      givenNames,
      familyName,
      birthDate,
      relation,
      joinedOn: '2020-01-01',
    });
    const res = this.kit.seen(
      await this.t
        .http()
        .post('/api/v1/households')
        .set(await this.as('consulentWmo'))
        .send({
          municipalityId: MUNICIPALITY_IDS.maastricht,
          street: 'Mergelweg',
          houseNumber: '12',
          postcode: '6218AB',
          city: 'Maastricht',
          regisseurPillar: 'WMO',
          members: [
            member('Anouk', '1984-03-02', 'parent'),
            member('Mark', '1982-07-19', 'partner'),
            member('Noah', '2014-05-30', 'child'),
          ],
        }),
    );
    if (res.status !== 201) throw new Error(`household not created: ${res.status} ${res.text}`);
    const members = (res.body.members as { personId: string; relation: string }[]).map((m) => m.personId);
    return { id: res.body.household.id, members };
  }

  async joinCaseTeam(householdId: string, user: DemoUserKey, caseRole = 'contributor', pillar?: string) {
    const res = this.kit.seen(
      await this.t
        .http()
        .post(`/api/v1/households/${householdId}/case-team`)
        .set(await this.as('consulentWmo'))
        .send({ userId: await this.userId(user), caseRole, ...(pillar ? { pillar } : {}) }),
    );
    if (res.status !== 201) throw new Error(`case team: ${res.status} ${res.text}`);
  }

  async givePlanConsent(household: TestHousehold, organisationId: string = ORGANISATION_IDS.kbl) {
    const res = this.kit.seen(
      await this.t
        .http()
        .post(`/api/v1/households/${household.id}/consents`)
        .set(await this.as('consulentWmo'))
        .send({
          personId: household.members[0],
          organisationId,
          category: 'PLAN',
          givenOn: isoDaysFromToday(0),
          method: 'schriftelijk',
        }),
    );
    if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  }

  async as(user: DemoUserKey) {
    return this.kit.bearer(await this.kit.as(user));
  }

  async get(user: DemoUserKey, path: string): Promise<Response> {
    return this.kit.seen(
      await this.t
        .http()
        .get(this.url(path))
        .set(await this.as(user)),
    );
  }

  /** A plan write; `etag` undefined sends no If-Match at all. */
  async write(
    user: DemoUserKey,
    method: 'post' | 'patch' | 'delete',
    path: string,
    etag: string | undefined,
    body?: object,
  ): Promise<Response> {
    const http = this.t.http();
    let req = http[method](this.url(path)).set(await this.as(user));
    if (etag !== undefined) req = req.set('If-Match', etag);
    return this.kit.seen(await (body ? req.send(body) : req));
  }

  /** The plan as the user sees it now, with its ETag. */
  async plan(user: DemoUserKey, householdId: string) {
    const res = await this.get(user, `/households/${householdId}/plan`);
    if (res.status !== 200) throw new Error(`plan read: ${res.status} ${res.text}`);
    return { body: res.body, etag: res.headers.etag as string };
  }

  goal(overrides: Record<string, unknown> & { owner: { type: string; id: string } }) {
    return {
      lifeDomain: 'financien',
      description: 'Wij hebben een betalingsregeling met de energieleverancier',
      targetDate: isoDaysFromToday(120),
      ...overrides,
    };
  }

  async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of PLAN_TABLES) {
      const { rows } = await this.t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(rows[0].n);
    }
    const { rows } = await this.t.db.query<{ r: string }>(`SELECT coalesce(sum(revision), 0) AS r FROM plan`);
    counts.revisions = Number(rows[0].r);
    return counts;
  }

  private url(path: string) {
    return path.startsWith('/api/') ? path : `/api/v1${path}`;
  }
}
