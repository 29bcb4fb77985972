import { MUNICIPALITY_IDS } from '@app/reference';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

let counter = 0;

/** A fresh BSN that passes the elfproef, different on every call. */
export function nextBsn(): string {
  for (;;) {
    counter++;
    const digits = [
      9,
      ...String(1_000_000 + counter * 7919)
        .slice(-7)
        .split('')
        .map(Number),
    ];
    const check = digits.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11;
    if (check <= 9) return [...digits, check].join('');
  }
}

export function householdBody(overrides: Record<string, unknown> = {}) {
  return {
    municipalityId: MUNICIPALITY_IDS.maastricht,
    street: 'Brusselseweg',
    houseNumber: '12',
    postcode: '6217 aa',
    city: 'Maastricht',
    cohort50: true,
    regisseurPillar: 'WMO',
    members: [
      {
        bsn: nextBsn(),
        givenNames: 'Anouk',
        familyName: 'Bemelmans',
        birthDate: '1986-03-14',
        relation: 'parent',
        joinedOn: '2020-01-01',
      },
      {
        bsn: nextBsn(),
        givenNames: 'Noah',
        familyName: 'Bemelmans',
        birthDate: '2014-09-02',
        relation: 'child',
        joinedOn: '2020-01-01',
      },
    ],
    ...overrides,
  };
}

export async function createHousehold(
  t: TestApp,
  kit: IdentityKit,
  as: LoggedIn,
  overrides: Record<string, unknown> = {},
) {
  const res = kit.seen(
    await t.http().post('/api/v1/households').set(kit.bearer(as)).send(householdBody(overrides)),
  );
  if (res.status !== 201) throw new Error(`creating a household failed: ${res.status} ${res.text}`);
  return res.body as {
    household: { id: string };
    members: { personId: string; id: string; person: { bsn: string } }[];
    caseTeam: { id: string; userId: string; caseRole: string }[];
  };
}

const TABLES = [
  'household',
  'person',
  'household_member',
  'case_team_member',
  'consent',
  'representative',
  'referral',
];

/** Row counts of the household tables, to prove a refused write changed nothing. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.query('SELECT id FROM user_account WHERE email = $1', [email]);
  return rows[0].id;
}
