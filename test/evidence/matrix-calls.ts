/**
 * How each endpoint of the matrix is called: its targets, the caller's relation to each target, the
 * request, and (for lists) the membership check of the answer. The expectations are in
 * authorization-matrix.ts; this file only drives.
 */
import { Response } from 'supertest';
import { DEMO_PASSWORD, DEMO_EMAILS, DEMO_USERS, DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { householdBody, nextBsn } from '../households/household-kit';
import {
  CASE_TEAM,
  FixtureKey,
  GRANT_VISIBILITY,
  REFERRAL_VISIBILITY,
  Relation,
  SEARCH_ITEM,
  SEARCH_VISIBILITY,
  Shape,
  WORLD_RELATIONS,
} from './authorization-matrix';
import { Actor, ACTORS, Call } from './evidence-kit';
import { FixtureHousehold, MATRIX_STREET, MATRIX_TOMORROW, World } from './matrix-world';
import { shapeProblems } from './response-shape';
import { DOMAIN_DRIVERS } from './matrix-calls-domain';

export interface Target {
  target: string;
  relation: (actor: Actor) => Relation;
  /** May look up what the call needs now (a plan's current ETag). */
  call: (actor: Actor, n: number) => Call | Promise<Call>;
  /** Extra checks of a 2xx answer (membership of lists); returns what is wrong. */
  verify?: (actor: Actor, res: Response) => string[];
}

export interface Driver {
  /**
   * read: before any write. write: refusals first (proving they change nothing), then the allowed
   * cells. last: after all writes (opening a grant changes the caller's relation to the household).
   */
  phase: 'read' | 'write' | 'last';
  targets: (w: World) => Target[];
  /** Arranges what the cells need, before the endpoint's first cell (and before its no-change check). */
  prepare?: (w: World, send: (actor: DemoUserKey, call: Call) => Promise<Response>) => Promise<void>;
  /** A valid request of an allowed actor, into which the mass-assignment rows smuggle fields. */
  valid?: (w: World, n: number) => Call;
}

const api = (path: string) => `/api/v1${path}`;
const none = () => 'none' as const;
const global = (call: Target['call'], verify?: Target['verify']): Target[] => [
  { target: '-', relation: none, call, verify },
];
const FIXTURES: FixtureKey[] = ['H1', 'H2', 'H3', 'H4'];
const isDemoUser = (actor: Actor): actor is DemoUserKey => actor in DEMO_USERS;

/** One target per fixture household; the relation comes from WORLD_RELATIONS. */
function perHousehold(build: (h: FixtureHousehold, w: World, n: number) => Call) {
  return (w: World): Target[] =>
    FIXTURES.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, key),
      call: (_actor: Actor, n: number) => build(w.households[key], w, n),
    }));
}

const reason = 'Matrix: noodtoegang voor de toegangsmatrix, regisseur onbereikbaar';

export const DRIVERS: Record<string, Driver> = {
  // ------------------------------------------------------------------ public surface
  'GET /health': { phase: 'read', targets: () => global(() => ({ method: 'GET', url: '/health' })) },
  'GET /health/ready': {
    phase: 'read',
    targets: () => global(() => ({ method: 'GET', url: '/health/ready' })),
  },
  'POST /auth/login': {
    phase: 'read',
    targets: () => [
      {
        target: 'unknownAccount',
        relation: none,
        call: (_a, n) => ({
          method: 'POST',
          url: api('/auth/login'),
          body: { email: `niemand.${n}@demo.gezinsplan.nl`, password: 'verkeerd-wachtwoord' },
        }),
      },
      {
        target: 'demoAccount',
        relation: none,
        call: () => ({
          method: 'POST',
          url: api('/auth/login'),
          body: { email: DEMO_EMAILS.consulentJeugd, password: DEMO_PASSWORD },
        }),
      },
    ],
  },
  'POST /auth/refresh': {
    phase: 'read',
    targets: () => global(() => ({ method: 'POST', url: api('/auth/refresh') })),
  },
  'POST /auth/logout': {
    phase: 'read',
    targets: () => global(() => ({ method: 'POST', url: api('/auth/logout') })),
  },
  'GET /auth/me': {
    phase: 'read',
    targets: (w) =>
      global(
        () => ({ method: 'GET', url: api('/auth/me') }),
        (actor, res) =>
          isDemoUser(actor) && res.body.id !== w.userIds[actor] ? [`me is ${res.body.id}, not ${actor}`] : [],
      ),
  },
  'POST /auth/first-password': {
    phase: 'read',
    targets: () => [
      {
        target: 'unknownAccount',
        relation: none,
        call: (_a, n) => ({
          method: 'POST',
          url: api('/auth/first-password'),
          body: {
            email: `niemand.${n}@demo.gezinsplan.nl`,
            oneTimePassword: 'verkeerd-wachtwoord',
            newPassword: 'Een-lang-genoeg-wachtwoord-1',
          },
        }),
      },
      {
        target: 'lastingPassword',
        relation: none,
        call: () => ({
          method: 'POST',
          url: api('/auth/first-password'),
          body: {
            email: DEMO_EMAILS.consulentJeugd,
            oneTimePassword: DEMO_PASSWORD,
            newPassword: 'Een-lang-genoeg-wachtwoord-1',
          },
        }),
      },
    ],
  },
  'POST /auth/password': {
    phase: 'write',
    targets: () =>
      global(() => ({
        method: 'POST',
        url: api('/auth/password'),
        body: { currentPassword: 'x', newPassword: 'kort' },
      })),
    valid: () => ({
      method: 'POST',
      url: api('/auth/password'),
      body: { currentPassword: 'niet-het-wachtwoord', newPassword: 'Een-lang-genoeg-wachtwoord-1' },
    }),
  },

  // ------------------------------------------------------------------ reference data
  ...Object.fromEntries(
    (
      [
        ['municipalities', (n: number) => ({ code: `matrix-${n}`, name: `Matrixgemeente ${n}` })],
        [
          'neighbourhoods',
          (n: number) => ({
            municipalityId: MUNICIPALITY_IDS.maastricht,
            name: `Matrixbuurt ${n}`,
            inhabitants: 100,
          }),
        ],
        [
          'wijkservicepunten',
          (n: number) => ({ municipalityId: MUNICIPALITY_IDS.maastricht, name: `Matrixpunt ${n}` }),
        ],
        ['organisations', (n: number) => ({ name: `Matrixorganisatie ${n}`, kind: 'sociaal-team' })],
        ['teams', (n: number) => ({ organisationId: ORGANISATION_IDS.szmh, name: `Matrixteam ${n}` })],
      ] as const
    ).flatMap(([name, newBody]): [string, Driver][] => [
      [
        `GET /reference/${name}`,
        { phase: 'read', targets: () => global(() => ({ method: 'GET', url: api(`/reference/${name}`) })) },
      ],
      [
        `POST /reference/${name}`,
        {
          phase: 'write',
          targets: () =>
            global((_a, n) => ({ method: 'POST', url: api(`/reference/${name}`), body: newBody(n) })),
          valid: (_w, n) => ({ method: 'POST', url: api(`/reference/${name}`), body: newBody(n) }),
        },
      ],
      [
        `PATCH /reference/${name}/:id`,
        {
          phase: 'write',
          targets: (w) =>
            global(() => ({
              method: 'PATCH',
              url: api(`/reference/${name}/${w.reference[name].id}`),
              body: { name: w.reference[name].name },
            })),
          valid: (w) => ({
            method: 'PATCH',
            url: api(`/reference/${name}/${w.reference[name].id}`),
            body: { name: w.reference[name].name },
          }),
        },
      ],
    ]),
  ),

  // ------------------------------------------------------------------ users
  'GET /users': {
    phase: 'read',
    targets: () => global(() => ({ method: 'GET', url: api('/users?limit=5') })),
  },
  'GET /users/:id': {
    phase: 'read',
    targets: (w) => global(() => ({ method: 'GET', url: api(`/users/${w.userIds.consulentWmo}`) })),
  },
  'POST /users': {
    phase: 'write',
    targets: () => global((_a, n) => ({ method: 'POST', url: api('/users'), body: newUser(n) })),
    valid: (_w, n) => ({ method: 'POST', url: api('/users'), body: newUser(n) }),
  },
  'PATCH /users/:id': {
    phase: 'write',
    targets: (w) =>
      global(() => ({
        method: 'PATCH',
        url: api(`/users/${w.spareUserId}`),
        body: { displayName: 'Matrix Reserve' },
      })),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/users/${w.spareUserId}`),
      body: { displayName: 'Matrix Reserve' },
    }),
  },

  'POST /users/:id/password-reset': {
    phase: 'write',
    targets: (w) => global(() => ({ method: 'POST', url: api(`/users/${w.spareUserId}/password-reset`) })),
  },
  'GET /user-changes': {
    phase: 'read',
    targets: () => global(() => ({ method: 'GET', url: api('/user-changes?status=pending&limit=5') })),
  },
  ...Object.fromEntries(
    (['approve', 'reject', 'withdraw'] as const).map((decision): [string, Driver] => {
      // Each decision gets a pending change of its own, requested by the demo functioneel beheerder.
      let changeId = '00000000-0000-4000-8000-000000000000';
      return [
        `POST /user-changes/:id/${decision}`,
        {
          phase: 'write',
          prepare: async (_w, send) => {
            const body = { ...newUser(0), email: `matrix.vier-ogen.${decision}@demo.gezinsplan.nl` };
            const res = await send('functioneelBeheerder', { method: 'POST', url: api('/users'), body });
            if (res.status !== 202) throw new Error(`pending change: ${res.status} ${res.text}`);
            changeId = res.body.id;
          },
          targets: () =>
            global(() => ({
              method: 'POST',
              url: api(`/user-changes/${changeId}/${decision}`),
              body: decision === 'reject' ? { reason: 'Matrix: geen aanvraag ontvangen' } : undefined,
            })),
        },
      ];
    }),
  ),

  // ------------------------------------------------------------------ households
  'POST /households': {
    phase: 'write',
    targets: () =>
      (['maastricht', 'vaals'] as const).map((municipality) => ({
        target: municipality,
        relation: (actor: Actor) =>
          !isDemoUser(actor)
            ? 'none'
            : DEMO_USERS[actor].municipalityIds.includes(MUNICIPALITY_IDS[municipality])
              ? 'sameMunicipality'
              : 'otherMunicipality',
        call: () => ({
          method: 'POST',
          url: api('/households'),
          body: householdBody({
            street: 'Aanmaakstraat',
            municipalityId: MUNICIPALITY_IDS[municipality],
            city: municipality === 'vaals' ? 'Vaals' : 'Maastricht',
          }),
        }),
      })),
    valid: () => ({
      method: 'POST',
      url: api('/households'),
      body: householdBody({ street: 'Aanmaakstraat' }),
    }),
  },
  'POST /households/search': {
    phase: 'read',
    targets: (w) => SEARCHES(w),
  },
  'GET /households/:id': {
    phase: 'read',
    targets: perHousehold((h) => ({ method: 'GET', url: api(`/households/${h.id}`) })),
  },
  'PATCH /households/:id': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'PATCH',
      url: api(`/households/${h.id}`),
      body: { cohort50: true },
    })),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/households/${w.households.H1.id}`),
      body: { cohort50: true },
    }),
  },
  'POST /households/:id/close': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/close`),
      body: { closedOn: MATRIX_TOMORROW, reason: 'Matrix: proef' },
    })),
  },
  'POST /households/:householdId/members': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/members`),
      body: newMember(h),
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/members`),
      body: newMember(w.households.H1),
    }),
  },
  'POST /households/:householdId/members/:memberId/end': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/members/${h.childMemberId}/end`),
      body: { leftOn: '1900-01-01' },
    })),
  },
  'POST /households/:householdId/members/:memberId/move': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/members/${h.childMemberId}/move`),
      body: { toHouseholdId: h.hubId, movedOn: '1900-01-01', relation: 'child' },
    })),
  },
  'POST /households/:householdId/case-team': {
    phase: 'write',
    targets: perHousehold((h, w) => ({
      method: 'POST',
      url: api(`/households/${h.id}/case-team`),
      body: { userId: w.userIds.beleidsmedewerker, caseRole: 'contributor' },
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/case-team`),
      body: { userId: w.userIds.consulentJeugd, caseRole: 'contributor' },
    }),
  },
  'GET /households/:householdId/case-team/candidates': {
    phase: 'read',
    targets: perHousehold((h) => ({
      method: 'GET',
      url: api(`/households/${h.id}/case-team/candidates?q=an`),
    })),
  },
  'DELETE /households/:householdId/case-team/:memberId': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'DELETE',
      url: api(`/households/${h.id}/case-team/${h.regisseurCaseTeamMemberId}`),
    })),
  },
  'POST /households/:householdId/regisseur': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/regisseur`),
      body: { userId: h.regisseurUserId },
    })),
  },
  'POST /households/:householdId/consents': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/consents`),
      body: { ...consentBody(h), givenOn: MATRIX_TOMORROW },
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/consents`),
      body: consentBody(w.households.H1),
    }),
  },
  'POST /households/:householdId/consents/:consentId/revoke': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/consents/${h.activeConsentId}/revoke`),
      body: { revokedOn: '1900-01-01' },
    })),
  },
  'POST /households/:householdId/representatives': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/representatives`),
      body: representativeBody(h),
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/representatives`),
      body: representativeBody(w.households.H1),
    }),
  },
  'POST /households/:householdId/referrals': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/referrals`),
      body: { toOrganisationId: ORGANISATION_IDS.sociaalTeam1, reason: 'Matrix: verwijzing' },
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/referrals`),
      body: { toOrganisationId: ORGANISATION_IDS.sociaalTeam1, reason: 'Matrix: verwijzing' },
    }),
  },

  // ------------------------------------------------------------------ break the glass
  'POST /households/:householdId/break-glass': {
    phase: 'last',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/break-glass`),
      body: { category: 'acute-veiligheid', reason },
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H2.id}/break-glass`),
      body: { category: 'acute-veiligheid', reason },
    }),
  },
  'GET /break-glass/grants': {
    phase: 'read',
    targets: (w) =>
      (['all', 'pending'] as const).map((filter) => ({
        target: filter,
        relation: none,
        call: () => ({
          method: 'GET',
          url: api(`/break-glass/grants${filter === 'pending' ? '?status=pending' : ''}`),
        }),
        verify: (actor, res) => {
          if (!isDemoUser(actor)) return [];
          const expected = GRANT_VISIBILITY[actor][filter].map((g) => w.grants[g as 'G1' | 'G2']).sort();
          const got = (res.body as { id: string }[]).map((g) => g.id).sort();
          return sameIds(got, expected, 'grants');
        },
      })),
  },
  'POST /break-glass/grants/:id/review': {
    phase: 'write',
    targets: (w) =>
      (
        [
          ['pending', 'G1'],
          ['reviewed', 'G2'],
        ] as const
      ).map(([target, grant]) => ({
        target,
        relation: none,
        call: () => ({
          method: 'POST',
          url: api(`/break-glass/grants/${w.grants[grant]}/review`),
          body: { outcome: 'accepted', note: 'Matrix: terecht' },
        }),
      })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/break-glass/grants/${w.grants.G2}/review`),
      body: { outcome: 'accepted' },
    }),
  },

  // ------------------------------------------------------------------ referrals
  'GET /referrals': {
    phase: 'read',
    targets: (w) =>
      (['incoming', 'outgoing'] as const).map((direction) => ({
        target: direction,
        relation: none,
        call: () => ({ method: 'GET', url: api(`/referrals?direction=${direction}`) }),
        verify: (actor, res) => {
          if (!isDemoUser(actor) || !(actor in REFERRAL_VISIBILITY)) return [];
          const expected = REFERRAL_VISIBILITY[actor as keyof typeof REFERRAL_VISIBILITY][direction]
            .map((r) => w.referrals[r as 'R1'])
            .sort();
          return sameIds((res.body as { id: string }[]).map((r) => r.id).sort(), expected, 'referrals');
        },
      })),
  },
  'POST /referrals/:id/accept': {
    phase: 'write',
    targets: (w) => [
      {
        target: 'R2',
        relation: (actor) => referralRelation(w, actor, ORGANISATION_IDS.sociaalTeam3, 'H2'),
        call: () => ({
          method: 'POST',
          url: api(`/referrals/${w.referrals.R2}/accept`),
          body: { userId: w.userIds.consulentWmo },
        }),
      },
    ],
    valid: (w) => ({
      method: 'POST',
      url: api(`/referrals/${w.referrals.R2}/accept`),
      body: { userId: w.userIds.sociaalTeamMedewerker },
    }),
  },
  'POST /referrals/:id/decline': {
    phase: 'write',
    // A decision is one-shot: every cell gets its own open referral like R3 (H3, Vaals, to KBL), so a
    // wrongly allowed decline cannot hide the verdict of the next cell.
    prepare: async (w, send) => {
      for (const actor of ACTORS) {
        const res = await send('consulentHeuvelland', {
          method: 'POST',
          url: api(`/households/${w.households.H3.id}/referrals`),
          body: { toOrganisationId: ORGANISATION_IDS.kbl, reason: `Matrix: beslissing door ${actor}` },
        });
        if (res.status !== 201) throw new Error(`prepare decline: ${res.status} ${res.text}`);
        declinePool.set(actor, res.body.id);
      }
    },
    targets: (w) => [
      {
        target: 'R3',
        relation: (actor) => referralRelation(w, actor, ORGANISATION_IDS.kbl, 'H3'),
        call: (actor) => ({
          method: 'POST',
          url: api(`/referrals/${declinePool.get(actor) ?? w.referrals.R3}/decline`),
          body: { reason: 'Matrix: geen capaciteit' },
        }),
      },
    ],
  },

  ...DOMAIN_DRIVERS,
};

const declinePool = new Map<Actor, string>();

function referralRelation(w: World, actor: Actor, receiver: string, household: FixtureKey): Relation {
  if (!isDemoUser(actor)) return 'none';
  if (DEMO_USERS[actor].organisationId === receiver) return 'receivingOrganisation';
  return w.relationOf(actor, household);
}

function sameIds(got: string[], expected: string[], what: string): string[] {
  const missing = expected.filter((id) => !got.includes(id));
  const extra = got.filter((id) => !expected.includes(id));
  return [
    ...(missing.length ? [`${what} missing ${missing.join(', ')}`] : []),
    ...(extra.length ? [`${what} not allowed: ${extra.join(', ')}`] : []),
  ];
}

function newUser(n: number) {
  return {
    email: `matrix.gebruiker.${n}@demo.gezinsplan.nl`,
    displayName: `Matrix Gebruiker ${n}`,
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['WMO'],
    municipalityIds: [MUNICIPALITY_IDS.maastricht],
  };
}

function newMember(h: FixtureHousehold) {
  return {
    relation: 'other',
    joinedOn: '2021-01-01',
    person: { bsn: nextBsn(), givenNames: 'Extra', familyName: h.familyName, birthDate: '1990-01-01' },
  };
}

function consentBody(h: FixtureHousehold) {
  return {
    personId: h.adultPersonId,
    organisationId: ORGANISATION_IDS.sociaalTeam2,
    category: 'PLAN',
    givenOn: '2026-10-01',
    method: 'mondeling',
  };
}

function representativeBody(h: FixtureHousehold) {
  return {
    personId: h.adultPersonId,
    kind: 'gemachtigde',
    name: 'mr. Matrix',
    scope: 'post',
    startsOn: '2026-01-01',
  };
}

/**
 * Searches whose result sets are known: fixture households matching the query, restricted to those
 * the caller may see (SEARCH_VISIBILITY), each shaped as the dossier (case team) or the index.
 */
function SEARCHES(w: World): Target[] {
  const hs = w.households;
  const queries: { target: string; body: object; matches: FixtureKey[]; mineOnly?: boolean }[] = [
    { target: 'street', body: { street: MATRIX_STREET }, matches: ['H1', 'H2', 'H3', 'H4'] },
    { target: 'bsnH1', body: { bsn: hs.H1.adultBsn }, matches: ['H1'] },
    { target: 'bsnH3', body: { bsn: hs.H3.adultBsn }, matches: ['H3'] },
    { target: 'nameH2', body: { name: hs.H2.familyName }, matches: ['H2'] },
    { target: 'mine', body: { street: MATRIX_STREET, mine: true }, matches: FIXTURES, mineOnly: true },
    {
      target: 'vaalsFilter',
      body: { street: MATRIX_STREET, municipalityId: MUNICIPALITY_IDS.vaals },
      matches: ['H3'],
    },
  ];
  return queries.map((q) => ({
    target: q.target,
    relation: none,
    call: () => ({ method: 'POST', url: api('/households/search'), body: { ...q.body, pageSize: 100 } }),
    verify: (actor, res) => {
      if (!isDemoUser(actor) || !(actor in SEARCH_VISIBILITY)) return [];
      const visible = SEARCH_VISIBILITY[actor as keyof typeof SEARCH_VISIBILITY];
      const expected = q.matches.filter(
        (key) =>
          visible[key] !== undefined && (!q.mineOnly || CASE_TEAM.includes(WORLD_RELATIONS[key][actor])),
      );
      const items = res.body.items as { id: string }[];
      const keyOf = (id: string) => FIXTURES.find((k) => hs[k].id === id);
      const problems = sameIds(
        items.map((i) => i.id).sort(),
        expected.map((k) => hs[k].id).sort(),
        'households',
      );
      if (res.body.total !== expected.length)
        problems.push(`total ${res.body.total}, expected ${expected.length}`);
      for (const item of items) {
        const key = keyOf(item.id);
        const view = key ? visible[key] : undefined;
        if (!view) continue;
        const shape: Shape = SEARCH_ITEM[view];
        problems.push(...shapeProblems(item, shape, `items[${key}]`));
      }
      return problems;
    },
  }));
}
