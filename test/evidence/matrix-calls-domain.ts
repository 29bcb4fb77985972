/**
 * Drivers of the libraries around the households (indications, plans, budgets, outreach, privacy,
 * reporting): how each endpoint is called, on which fixture, and the membership checks of its lists.
 * Writes are probes where they are one-shot (authorised, then refused by a business rule: a stale
 * If-Match, a date before the melding, a decision on an undecided request), real where repeatable.
 */
import { Response } from 'supertest';
import { DEMO_USERS, DemoUserKey } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { nextBsn } from '../households/household-kit';
import { FixtureKey } from './authorization-matrix';
import {
  ACCESS_REQUEST_VISIBILITY,
  BUDGET_REQUEST_VISIBILITY,
  CONTACT_VISIBILITY,
  DECIDABLE,
  INDICATION_DETAIL,
  INDICATION_SUMMARY,
  INDICATION_VISIBILITY,
  SIGNAL_VISIBILITY,
} from './authorization-matrix-domain';
import { shapeProblems } from './response-shape';
import { Actor, ACTORS, Call } from './evidence-kit';
import { INDICATION_HOUSEHOLD, IndicationKey } from './matrix-world-domain';
import { REVIEWS_DRIVERS } from './matrix-calls-reviews';
import type { Driver, Target } from './matrix-calls';
import type { FixtureHousehold, World } from './matrix-world';

const api = (path: string) => `/api/v1${path}`;
const none = () => 'none' as const;
const FIXTURES: FixtureKey[] = ['H1', 'H2', 'H3', 'H4'];
const INDICATIONS = Object.keys(INDICATION_HOUSEHOLD) as IndicationKey[];
const isDemoUser = (actor: Actor): actor is DemoUserKey => actor in DEMO_USERS;
const one = (call: Target['call'], verify?: Target['verify']): Target[] => [
  { target: '-', relation: none, call, verify },
];
/** An If-Match no plan has: an authorised writer gets 412, everyone else is refused first. */
const STALE = { 'If-Match': '"9999"' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function perHousehold(build: (h: FixtureHousehold, w: World, n: number, actor: Actor) => Call) {
  return (w: World): Target[] =>
    FIXTURES.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, key),
      call: (actor: Actor, n: number) => build(w.households[key], w, n, actor),
    }));
}
function perIndication(build: (id: string, key: IndicationKey, w: World, n: number) => Call) {
  return (w: World): Target[] =>
    INDICATIONS.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, INDICATION_HOUSEHOLD[key]),
      call: (_actor: Actor, n: number) => build(w.domain.indications[key], key, w, n),
    }));
}
/** Plan routes on H1 (agreed version 1), H2 (no plan), H3 (Vaals, no plan) and H4 (concept). */
const planRoute =
  (method: string, path: (w: World, h: FixtureHousehold) => string, body?: object) =>
  (w: World): Target[] =>
    perHousehold((h, world) => ({
      method,
      url: api(`/households/${h.id}/plan${path(world, h)}`),
      body,
      headers: method === 'GET' ? undefined : STALE,
    }))(w).map((t) => ({ ...t, verify: t.target === 'H1' && method === 'GET' ? planDomains : undefined }));

/** Rule 4 on H1 (goals financien and wonen): the coach without consent sees the financial goals only. */
function planDomains(actor: Actor, res: Response): string[] {
  const version = (res.body?.version ?? res.body) as { goals?: { lifeDomain: string }[] } | null;
  if (!Array.isArray(version?.goals)) return [];
  const domains = new Set(version.goals.map((g) => g.lifeDomain));
  if (actor === 'financialCoach')
    return [...domains].filter((d) => d !== 'financien').map((d) => `coach sees a ${d} goal`);
  return domains.has('wonen') ? [] : ['the whole plan lacks the wonen goal'];
}

/** Rule 3 per item: detail or summary as INDICATION_VISIBILITY says, exactly. */
function indicationViews(w: World, actor: Actor, res: Response): string[] {
  if (!isDemoUser(actor)) return [];
  const keyOf = new Map(INDICATIONS.map((k) => [w.domain.indications[k], k]));
  return itemsOf(res.body).flatMap((item) => {
    const key = keyOf.get(item.id);
    const view = key && INDICATION_VISIBILITY[key][actor];
    if (!key || !view) return [];
    return shapeProblems(item, view === 'detail' ? INDICATION_DETAIL : INDICATION_SUMMARY, `items[${key}]`);
  });
}
const goalOf = (w: World, h: FixtureHousehold) =>
  h.key === 'H4' ? w.domain.plans.H4.goalId : w.domain.plans.H1.financienGoalId;

export function sameIds(got: string[], expected: string[], what: string): string[] {
  const missing = expected.filter((id) => !got.includes(id));
  const extra = got.filter((id) => !expected.includes(id));
  return [
    ...(missing.length ? [`${what} missing ${missing.join(', ')}`] : []),
    ...(extra.length ? [`${what} not allowed: ${extra.join(', ')}`] : []),
  ];
}
const itemsOf = (body: unknown): { id: string }[] =>
  Array.isArray(body) ? body : ((body as { items?: { id: string }[] }).items ?? []);

/** Only the fixture ids matter in a list (the demo world may hold more): membership of those. */
function membership(
  all: (w: World) => Record<string, string>,
  expected: (actor: DemoUserKey) => string[],
  what: string,
  w: World,
) {
  return (actor: Actor, res: Response) => {
    if (!isDemoUser(actor)) return [];
    const ids = all(w);
    const known = new Set(Object.values(ids));
    const got = itemsOf(res.body)
      .map((i) => i.id)
      .filter((id) => known.has(id))
      .sort();
    return sameIds(
      got,
      expected(actor)
        .map((k) => ids[k])
        .sort(),
      what,
    );
  };
}

const indicationBody = (h: FixtureHousehold) => ({
  personId: h.adultPersonId,
  pillar: 'WMO',
  productId: PRODUCT_IDS.wmoCollectiefVervoer,
  meldingDate: '2026-11-16',
  reason: 'Matrix: vervoer naar de dagbesteding',
});
const requestBody = (w: World, amount = '100.00', h?: FixtureHousehold) => ({
  amount,
  goalIds: [h?.key === 'H4' ? w.domain.plans.H4.goalId : w.domain.plans.H1.financienGoalId],
  justification: 'Matrix: een kleine aanschaf die een voorziening voorkomt.',
  replacedSchemes: ['bijzondere-bijstand'],
  payee: { name: 'Kringloopwinkel Maastricht' },
  wantedOn: '2026-12-01',
});
const signalCsv = (bsn: string) =>
  'schuldeiser_type;schuldeiser;bsn;postcode;huisnummer;achterstand_bedrag;achterstand_maanden;ontvangen_op\n' +
  `energie;Matrixstroom;${bsn};6211AB;7;88,00;2;2026-11-12\n`;

/** One fresh budget request per actor and kind (a decision or withdrawal is one-shot). */
const requestPool = new Map<string, string>();
async function fillRequestPool(
  w: World,
  send: (actor: DemoUserKey, call: Call) => Promise<Response>,
  kind: string,
  amount: string,
) {
  for (const actor of ACTORS) {
    const res = await send('consulentWmo', {
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/budget-requests`),
      body: requestBody(w, amount),
    });
    if (res.status !== 201) throw new Error(`prepare ${kind}: ${res.status} ${res.text}`);
    requestPool.set(`${kind}:${actor}`, res.body.id);
  }
}
const pooled = (kind: string, actor: Actor, fallback: string) =>
  requestPool.get(`${kind}:${actor}`) ?? fallback;

/**
 * Goal and action writes with the plan's current ETag (the revision is checked before the caller's
 * right to the goal, so a stale one would answer 412 to readers too), on the newest version.
 */
function contentWrite(
  method: string,
  versioned: boolean,
  path: (w: World, h: FixtureHousehold, actor: Actor) => string,
  body?: object,
) {
  return (w: World): Target[] =>
    FIXTURES.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, key),
      call: async (actor: Actor) => {
        const h = w.households[key];
        const plan = await w.domain.planState(h.id);
        const at = versioned ? `/versions/${plan.latestVersion || 1}` : '';
        return {
          method,
          url: api(`/households/${h.id}/plan${at}${path(w, h, actor)}`),
          body,
          headers: { 'If-Match': `"${plan.revision}"` },
        };
      },
    }));
}

/** A goal or action of its own for every actor to delete (H1 and H4 have plans), made by the regisseur. */
const planPool = new Map<string, string>();
async function fillPlanPool(
  w: World,
  send: (actor: DemoUserKey, call: Call) => Promise<Response>,
  kind: string,
  what: 'goal' | 'action',
) {
  const regisseurs = { H1: 'consulentWmo', H4: 'consulentJeugd' } as const;
  for (const key of ['H1', 'H4'] as const) {
    const h = w.households[key];
    for (const actor of ACTORS) {
      const plan = await w.domain.planState(h.id);
      const path =
        what === 'goal'
          ? '/goals'
          : `/goals/${key === 'H4' ? w.domain.plans.H4.goalId : w.domain.plans.H1.financienGoalId}/actions`;
      const res = await send(regisseurs[key], {
        method: 'POST',
        url: api(`/households/${h.id}/plan${path}`),
        headers: { 'If-Match': `"${plan.revision}"` },
        body:
          what === 'goal'
            ? {
                lifeDomain: 'financien',
                description: `Matrix: te schrappen door ${actor}`,
                targetDate: '2027-06-01',
                owner: { type: 'member', id: h.adultPersonId },
              }
            : {
                description: `Matrix: te schrappen door ${actor}`,
                dueOn: '2027-01-15',
                actor: { type: 'organisation', name: 'Kredietbank Limburg' },
              },
      });
      if (res.status >= 300) throw new Error(`prepare ${kind}: ${res.status} ${res.text}`);
      const goals = res.body.version.goals as {
        id: string;
        description: string;
        actions: { id: string; description: string }[];
      }[];
      const mark = `Matrix: te schrappen door ${actor}`;
      const id =
        what === 'goal'
          ? goals.find((g) => g.description === mark)?.id
          : goals.flatMap((g) => g.actions).find((a) => a.description === mark)?.id;
      if (!id) throw new Error(`prepare ${kind}: no ${what} made for ${actor}`);
      planPool.set(`${kind}:${key}:${actor}`, id);
    }
  }
}

export const DOMAIN_DRIVERS: Record<string, Driver> = {
  // ------------------------------------------------------------------ indications
  'GET /catalogue/products': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/catalogue/products') })),
  },
  'POST /catalogue/products': {
    phase: 'write',
    targets: () =>
      one((_a, n) => ({
        method: 'POST',
        url: api('/catalogue/products'),
        body: { pillar: 'WMO', code: `matrix-product-${n}`, name: `Matrixproduct ${n}`, category: 'Matrix' },
      })),
    valid: (_w, n) => ({
      method: 'POST',
      url: api('/catalogue/products'),
      body: { pillar: 'WMO', code: `matrix-valid-${n}`, name: `Matrixproduct ${n}`, category: 'Matrix' },
    }),
  },
  'PATCH /catalogue/products/:id': {
    phase: 'write',
    targets: () =>
      one(() => ({
        method: 'PATCH',
        url: api(`/catalogue/products/${PRODUCT_IDS.wmoCollectiefVervoer}`),
        body: { active: true },
      })),
    valid: () => ({
      method: 'PATCH',
      url: api(`/catalogue/products/${PRODUCT_IDS.wmoCollectiefVervoer}`),
      body: { active: true },
    }),
  },
  'GET /worklists/procedures': {
    phase: 'read',
    targets: (w) =>
      one(
        () => ({ method: 'GET', url: api('/worklists/procedures?scope=team&pageSize=200') }),
        (actor, res) => {
          if (!isDemoUser(actor)) return [];
          const known = new Map(INDICATIONS.map((k) => [w.domain.indications[k], k]));
          const items = itemsOf(res.body) as unknown as { indicationId?: string; id: string }[];
          const leaked = items
            .map((i) => known.get(i.indicationId ?? i.id))
            .filter((k): k is IndicationKey => k !== undefined)
            .filter((k) => INDICATION_VISIBILITY[k][actor] === undefined);
          return [
            ...(leaked.length ? [`worklist shows ${leaked.join(', ')}`] : []),
            ...indicationViews(w, actor, res),
          ];
        },
      ),
  },
  'GET /households/:householdId/indications': {
    phase: 'read',
    targets: (w) =>
      perHousehold((h) => ({ method: 'GET', url: api(`/households/${h.id}/indications`) }))(w).map((t) => ({
        ...t,
        verify: (actor: Actor, res: Response) => [
          ...membership(
            (world) => world.domain.indications,
            (who) =>
              INDICATIONS.filter(
                (k) => INDICATION_HOUSEHOLD[k] === t.target && INDICATION_VISIBILITY[k][who] !== undefined,
              ),
            'indications',
            w,
          )(actor, res),
          ...indicationViews(w, actor, res),
        ],
      })),
  },
  'POST /households/:householdId/indications': {
    phase: 'write',
    targets: perHousehold((h) => ({
      method: 'POST',
      url: api(`/households/${h.id}/indications`),
      body: indicationBody(h),
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/indications`),
      body: indicationBody(w.households.H1),
    }),
  },
  'GET /indications/:id': {
    phase: 'read',
    targets: perIndication((id) => ({ method: 'GET', url: api(`/indications/${id}`) })),
  },
  'PATCH /indications/:id': {
    phase: 'write',
    targets: perIndication((id) => ({
      method: 'PATCH',
      url: api(`/indications/${id}`),
      body: { form: 'ZiN' },
    })),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/indications/${w.domain.indications['H1-WMO']}`),
      body: { form: 'ZiN' },
    }),
  },
  ...Object.fromEntries(
    (
      [
        ['aanvraag', { aanvraagDate: '2026-10-01' }],
        ['first-conversation', { firstConversationDate: '2026-10-01' }],
        ['suspensions', { startDate: '2026-10-01', reason: 'Matrix: wachten op advies' }],
        ['beschikking', { outcome: 'toegekend', beschikkingDate: '2026-10-01' }],
        ['withdraw', { withdrawnOn: '2026-10-01' }],
        ['end', { endDate: '2026-12-31' }],
        ['bezwaren', { receivedDate: '2026-11-20' }],
      ] as const
    ).map(([step, body]): [string, Driver] => [
      `POST /indications/:id/${step}`,
      {
        phase: 'write',
        targets: perIndication((id) => ({ method: 'POST', url: api(`/indications/${id}/${step}`), body })),
      },
    ]),
  ),
  'POST /indications/:id/suspensions/:suspensionId/end': {
    phase: 'write',
    targets: perIndication((id) => ({
      method: 'POST',
      url: api(`/indications/${id}/suspensions/${UNKNOWN}/end`),
      body: { endDate: '2026-11-20' },
    })),
  },
  'POST /indications/:id/bezwaren/:bezwaarId/decision': {
    phase: 'write',
    targets: perIndication((id) => ({
      method: 'POST',
      url: api(`/indications/${id}/bezwaren/${UNKNOWN}/decision`),
      body: { outcome: 'ongegrond', decisionDate: '2026-11-20' },
    })),
  },

  // ------------------------------------------------------------------ plans
  'GET /households/:householdId/plan': { phase: 'read', targets: planRoute('GET', () => '') },
  'GET /households/:householdId/plan/versions': {
    phase: 'read',
    targets: planRoute('GET', () => '/versions'),
  },
  'GET /households/:householdId/plan/versions/compare': {
    phase: 'read',
    targets: planRoute('GET', () => '/versions/compare?from=1&to=1'),
  },
  'GET /households/:householdId/plan/versions/:versionNumber': {
    phase: 'read',
    targets: planRoute('GET', () => '/versions/1'),
  },
  'GET /households/:householdId/plan/versions/:versionNumber/pdf': {
    phase: 'read',
    targets: planRoute('GET', () => '/versions/1/pdf'),
  },
  'GET /households/:householdId/plan/changes': { phase: 'read', targets: planRoute('GET', () => '/changes') },
  'GET /worklists/plans': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/worklists/plans?scope=all') })),
  },
  'PATCH /households/:householdId/plan': {
    phase: 'write',
    targets: planRoute('PATCH', () => '', { ownWords: 'Matrix: wij willen rust' }),
  },
  'PATCH /households/:householdId/plan/versions/:versionNumber': {
    phase: 'write',
    targets: planRoute('PATCH', () => '/versions/1', { ownWords: 'Matrix: wij willen rust' }),
  },
  'POST /households/:householdId/plan/vaststellen': {
    phase: 'write',
    targets: planRoute('POST', () => '/vaststellen', {
      agreedOn: '2026-11-20',
      agreedByPersonIds: [UNKNOWN],
    }),
  },
  'POST /households/:householdId/plan/evaluations': {
    phase: 'write',
    targets: planRoute('POST', () => '/evaluations', {
      evaluatedOn: '2026-11-20',
      nextEvaluationOn: '2027-03-01',
      outcomes: [{ goalId: UNKNOWN, status: 'bezig', outcome: 'Matrix: op koers' }],
    }),
  },
  ...Object.fromEntries(
    ['', '/versions/:versionNumber'].flatMap((prefix): [string, Driver][] => {
      const route = `/households/:householdId/plan${prefix}`;
      const write = (
        method: string,
        path: (w: World, h: FixtureHousehold, actor: Actor) => string,
        body?: object,
      ) => contentWrite(method, prefix !== '', path, body);
      return [
        [
          `POST ${route}/goals`,
          {
            phase: 'write',
            targets: write('POST', () => '/goals', {
              lifeDomain: 'financien',
              description: 'Matrix: doel',
              targetDate: '2027-06-01',
              owner: { type: 'professional', id: UNKNOWN },
            }),
          },
        ],
        [
          `PATCH ${route}/goals/:goalId`,
          {
            phase: 'write',
            targets: write('PATCH', (w, h) => `/goals/${goalOf(w, h)}`, {
              owner: { type: 'professional', id: UNKNOWN },
            }),
          },
        ],
        [
          `DELETE ${route}/goals/:goalId`,
          {
            phase: 'write',
            prepare: (w, send) => fillPlanPool(w, send, `goal${prefix}`, 'goal'),
            targets: write(
              'DELETE',
              (_w, h, actor) => `/goals/${planPool.get(`goal${prefix}:${h.key}:${actor}`) ?? UNKNOWN}`,
            ),
          },
        ],
        [
          `POST ${route}/goals/:goalId/actions`,
          {
            phase: 'write',
            targets: write('POST', (w, h) => `/goals/${goalOf(w, h)}/actions`, {
              description: 'Matrix: actie',
              dueOn: '2027-01-15',
              actor: { type: 'professional', id: UNKNOWN },
            }),
          },
        ],
        [
          `PATCH ${route}/actions/:actionId`,
          {
            phase: 'write',
            targets: write(
              'PATCH',
              (w, h) =>
                `/actions/${h.key === 'H1' ? w.domain.plans.H1.actionId : h.key === 'H4' ? w.domain.plans.H4.actionId : UNKNOWN}`,
              {
                actor: { type: 'professional', id: UNKNOWN },
              },
            ),
          },
        ],
        [
          `DELETE ${route}/actions/:actionId`,
          {
            phase: 'write',
            prepare: (w, send) => fillPlanPool(w, send, `action${prefix}`, 'action'),
            targets: write(
              'DELETE',
              (_w, h, actor) => `/actions/${planPool.get(`action${prefix}:${h.key}:${actor}`) ?? UNKNOWN}`,
            ),
          },
        ],
      ];
    }),
  ),

  // ------------------------------------------------------------------ budgets
  'GET /budgets': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/budgets?year=2026') })),
  },
  'GET /budgets/:municipalityId/:year': {
    phase: 'read',
    targets: () =>
      (['maastricht', 'vaals'] as const).map((m) => ({
        target: m,
        relation: none,
        call: () => ({ method: 'GET', url: api(`/budgets/${MUNICIPALITY_IDS[m]}/2026`) }),
      })),
  },
  'PUT /budgets/:municipalityId/:year': {
    phase: 'write',
    targets: () =>
      (['maastricht', 'vaals'] as const).map((m) => ({
        target: m,
        relation: none,
        call: () => ({
          method: 'PUT',
          url: api(`/budgets/${MUNICIPALITY_IDS[m]}/2026`),
          body: { amount: m === 'vaals' ? '20000.00' : '50000.00' },
        }),
      })),
    valid: () => ({
      method: 'PUT',
      url: api(`/budgets/${MUNICIPALITY_IDS.maastricht}/2026`),
      body: { amount: '50000.00' },
    }),
  },
  'POST /households/:householdId/budget-requests': {
    phase: 'write',
    targets: perHousehold((h, w) => ({
      method: 'POST',
      url: api(`/households/${h.id}/budget-requests`),
      body: requestBody(w, '100.00', h),
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/budget-requests`),
      body: requestBody(w),
    }),
  },
  'GET /households/:householdId/budget-requests': {
    phase: 'read',
    targets: (w) =>
      perHousehold((h) => ({ method: 'GET', url: api(`/households/${h.id}/budget-requests`) }))(w).map(
        (t) => ({
          ...t,
          verify: membership(
            (world) => world.domain.budgetRequests,
            (actor) => (t.target === 'H1' ? BUDGET_REQUEST_VISIBILITY[actor] : []),
            'budget requests',
            w,
          ),
        }),
      ),
  },
  'GET /budget-requests/worklist': {
    phase: 'read',
    targets: (w) =>
      one(
        () => ({ method: 'GET', url: api('/budget-requests/worklist?pageSize=100') }),
        membership(
          (world) => world.domain.budgetRequests,
          (actor) => DECIDABLE[actor] ?? [],
          'decidable requests',
          w,
        ),
      ),
  },
  'GET /budget-requests/:id': {
    phase: 'read',
    targets: (w) =>
      (['small', 'large'] as const).map((k) => ({
        target: k,
        relation: (actor: Actor) => w.relationOf(actor, 'H1'),
        call: () => ({ method: 'GET', url: api(`/budget-requests/${w.domain.budgetRequests[k]}`) }),
      })),
  },
  'GET /budget-requests/:id/decision-letter': {
    phase: 'read',
    targets: (w) => [
      {
        target: 'small',
        relation: (actor: Actor) => w.relationOf(actor, 'H1'),
        call: () => ({
          method: 'GET',
          url: api(`/budget-requests/${w.domain.budgetRequests.small}/decision-letter`),
        }),
      },
    ],
  },
  'POST /budget-requests/:id/decision': {
    phase: 'write',
    prepare: async (w, send) => {
      await fillRequestPool(w, send, 'small', '450.00');
      await fillRequestPool(w, send, 'large', '1200.00');
    },
    targets: (w) =>
      (['small', 'large'] as const).map((k) => ({
        target: k,
        relation: (actor: Actor) => w.relationOf(actor, 'H1'),
        call: (actor: Actor) => ({
          method: 'POST',
          url: api(`/budget-requests/${pooled(k, actor, w.domain.budgetRequests[k])}/decision`),
          body: { outcome: 'toegekend', motivation: 'Matrix: past bij het doel in het gezinsplan.' },
        }),
      })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/budget-requests/${w.domain.budgetRequests.small}/decision`),
      body: { outcome: 'toegekend', motivation: 'Matrix: past bij het doel.' },
    }),
  },
  'POST /budget-requests/:id/payments': {
    phase: 'write',
    targets: (w) => [
      {
        target: 'small',
        relation: (actor: Actor) => w.relationOf(actor, 'H1'),
        call: () => ({
          method: 'POST',
          url: api(`/budget-requests/${w.domain.budgetRequests.small}/payments`),
          body: { amount: '10.00', paidOn: '2026-11-20' },
        }),
      },
    ],
  },
  'POST /budget-requests/:id/withdraw': {
    phase: 'write',
    prepare: (w, send) => fillRequestPool(w, send, 'withdraw', '50.00'),
    targets: (w) => [
      {
        target: 'small',
        relation: (actor: Actor) => w.relationOf(actor, 'H1'),
        call: (actor: Actor) => ({
          method: 'POST',
          url: api(`/budget-requests/${pooled('withdraw', actor, w.domain.budgetRequests.small)}/withdraw`),
          body: { reason: 'Matrix: niet meer nodig' },
        }),
      },
    ],
  },

  // ------------------------------------------------------------------ outreach: spreekuur
  'GET /outreach/coach-locations': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/outreach/coach-locations') })),
  },
  'PUT /outreach/coach-locations/:userId': {
    phase: 'write',
    targets: (w) =>
      one(() => ({
        method: 'PUT',
        url: api(`/outreach/coach-locations/${w.domain.secondCoachId}`),
        body: { wijkservicepuntIds: [w.domain.locations.pottenberg] },
      })),
    valid: (w) => ({
      method: 'PUT',
      url: api(`/outreach/coach-locations/${w.domain.secondCoachId}`),
      body: { wijkservicepuntIds: [w.domain.locations.pottenberg] },
    }),
  },
  'GET /outreach/spreekuur/my-locations': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/outreach/spreekuur/my-locations') })),
  },
  'GET /outreach/spreekuur/figures': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/outreach/spreekuur/figures') })),
  },
  'POST /outreach/spreekuur/contacts': {
    phase: 'write',
    targets: (w) =>
      (['nazareth', 'pottenberg'] as const).map((where) => ({
        target: where,
        relation: none,
        call: () => ({
          method: 'POST',
          url: api('/outreach/spreekuur/contacts'),
          body: { wijkservicepuntId: w.domain.locations[where], topics: ['regelingen'] },
        }),
      })),
    valid: (w) => ({
      method: 'POST',
      url: api('/outreach/spreekuur/contacts'),
      body: { wijkservicepuntId: w.domain.locations.nazareth, topics: ['regelingen'] },
    }),
  },
  'GET /outreach/spreekuur/contacts': {
    phase: 'read',
    targets: (w) =>
      one(
        () => ({ method: 'GET', url: api('/outreach/spreekuur/contacts?pageSize=100') }),
        membership(
          (world) => world.domain.contacts,
          (actor) => CONTACT_VISIBILITY[actor],
          'contacts',
          w,
        ),
      ),
  },
  'GET /outreach/spreekuur/contacts/:id': {
    phase: 'read',
    targets: (w) =>
      (['nazareth', 'pottenberg'] as const).map((k) => ({
        target: k,
        relation: none,
        call: () => ({ method: 'GET', url: api(`/outreach/spreekuur/contacts/${w.domain.contacts[k]}`) }),
      })),
  },
  'PATCH /outreach/spreekuur/contacts/:id': {
    phase: 'write',
    targets: (w) =>
      (['nazareth', 'pottenberg'] as const).map((k) => ({
        target: k,
        relation: none,
        call: () => ({
          method: 'PATCH',
          url: api(`/outreach/spreekuur/contacts/${w.domain.contacts[k]}`),
          body: { followUpDoneOn: '2026-11-20' },
        }),
      })),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/outreach/spreekuur/contacts/${w.domain.contacts.nazareth}`),
      body: { followUpDoneOn: '2026-11-20' },
    }),
  },

  // ------------------------------------------------------------------ outreach: vroegsignalering
  'POST /outreach/signals/imports': {
    phase: 'write',
    targets: () =>
      one(() => ({
        method: 'POST',
        url: api(`/outreach/signals/imports?municipalityId=${MUNICIPALITY_IDS.maastricht}`),
        body: signalCsv(nextBsn()),
        headers: { 'Content-Type': 'text/csv' },
      })),
  },
  'GET /outreach/signals': {
    phase: 'read',
    targets: (w) =>
      one(
        () => ({ method: 'GET', url: api('/outreach/signals?pageSize=100') }),
        membership(
          (world) => world.domain.signals,
          (actor) => SIGNAL_VISIBILITY[actor],
          'signals',
          w,
        ),
      ),
  },
  'GET /outreach/signals/:id': {
    phase: 'read',
    targets: (w) =>
      (['kbl', 'coaches'] as const).map((k) => ({
        target: k,
        relation: none,
        call: () => ({ method: 'GET', url: api(`/outreach/signals/${w.domain.signals[k]}`) }),
      })),
  },
  'PATCH /outreach/signals/:id': {
    phase: 'write',
    targets: (w) =>
      (['kbl', 'coaches'] as const).map((k) => ({
        target: k,
        relation: none,
        call: () => ({
          method: 'PATCH',
          url: api(`/outreach/signals/${w.domain.signals[k]}`),
          body: { threatening: false },
        }),
      })),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/outreach/signals/${w.domain.signals.kbl}`),
      body: { threatening: false },
    }),
  },
  'POST /outreach/signals/:id/attempts': {
    phase: 'write',
    targets: (w) =>
      (['kbl', 'coaches'] as const).map((k) => ({
        target: k,
        relation: none,
        call: () => ({
          method: 'POST',
          url: api(`/outreach/signals/${w.domain.signals[k]}/attempts`),
          body: { kind: 'brief', attemptedOn: '2026-11-19', reached: false },
        }),
      })),
  },
  'POST /outreach/signals/:id/transfer': {
    phase: 'write',
    targets: (w) =>
      (
        [
          ['kbl', ORGANISATION_IDS.kbl],
          ['coaches', ORGANISATION_IDS.financialCoaches],
        ] as const
      ).map(([k, to]) => ({
        target: k,
        relation: none,
        // Probe: to the organisation that already owns it.
        call: () => ({
          method: 'POST',
          url: api(`/outreach/signals/${w.domain.signals[k]}/transfer`),
          body: { organisationId: to },
        }),
      })),
  },
  'GET /outreach/signals/feedback': {
    phase: 'read',
    targets: () =>
      one(() => ({ method: 'GET', url: api('/outreach/signals/feedback?creditor=Matrixwonen') })),
  },
  'GET /outreach/signals/figures': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/outreach/signals/figures') })),
  },

  // ------------------------------------------------------------------ privacy
  'POST /privacy/access-requests': {
    phase: 'write',
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api('/privacy/access-requests'),
        body: { bsn: w.households.H2.adultBsn, receivedOn: '2026-11-18', channel: 'balie' },
      })),
    valid: (w) => ({
      method: 'POST',
      url: api('/privacy/access-requests'),
      body: { bsn: w.households.H2.adultBsn, receivedOn: '2026-11-18', channel: 'balie' },
    }),
  },
  'GET /privacy/access-requests': {
    phase: 'read',
    targets: (w) =>
      one(
        () => ({ method: 'GET', url: api('/privacy/access-requests?pageSize=200') }),
        membership(
          (world) => ({ request: world.domain.accessRequestId }),
          (actor) => ACCESS_REQUEST_VISIBILITY[actor],
          'access requests',
          w,
        ),
      ),
  },
  'GET /privacy/access-requests/:id': {
    phase: 'read',
    targets: (w) =>
      one(() => ({ method: 'GET', url: api(`/privacy/access-requests/${w.domain.accessRequestId}`) })),
  },
  'POST /privacy/access-requests/:id/export': {
    phase: 'write',
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api(`/privacy/access-requests/${w.domain.accessRequestId}/export`),
        body: { format: 'json' },
      })),
  },
  'POST /privacy/access-requests/:id/extension': {
    phase: 'write',
    // Probe: the person informed of the extension before the request was received.
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api(`/privacy/access-requests/${w.domain.accessRequestId}/extension`),
        body: { reason: 'Matrix: gegevens uit vijf domeinen en drie organisaties', informedOn: '2026-11-01' },
      })),
  },
  'POST /privacy/access-requests/:id/delivery': {
    phase: 'write',
    // Probe: delivered before it was received.
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api(`/privacy/access-requests/${w.domain.accessRequestId}/delivery`),
        body: { deliveredOn: '2026-11-01' },
      })),
  },
  'POST /privacy/processing-log/search': {
    phase: 'read',
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api('/privacy/processing-log/search'),
        body: { householdId: w.households.H1.id, pageSize: 5 },
      })),
  },
  'POST /privacy/processing-log/person-accesses': {
    phase: 'read',
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api('/privacy/processing-log/person-accesses'),
        body: { personId: w.households.H1.adultPersonId, pageSize: 5 },
      })),
  },
  'GET /privacy/processing-log/integrity': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/privacy/processing-log/integrity') })),
  },
  'POST /privacy/processing-log/export': {
    phase: 'read',
    targets: (w) =>
      one(() => ({
        method: 'POST',
        url: api('/privacy/processing-log/export'),
        body: { householdId: w.households.H3.id, format: 'json' },
      })),
  },
  'GET /privacy/retention/policy': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/privacy/retention/policy') })),
  },
  'POST /privacy/retention/runs': {
    phase: 'write',
    targets: () =>
      one(() => ({ method: 'POST', url: api('/privacy/retention/runs'), body: { dryRun: true } })),
  },
  'GET /privacy/retention/runs': {
    phase: 'read',
    targets: () => one(() => ({ method: 'GET', url: api('/privacy/retention/runs') })),
  },
  'GET /privacy/retention/runs/:id': {
    phase: 'read',
    targets: (w) =>
      one(() => ({ method: 'GET', url: api(`/privacy/retention/runs/${w.domain.retentionRunId}`) })),
  },

  // ------------------------------------------------------------------ reporting
  'GET /reports/monitor/themes': {
    phase: 'read',
    targets: () =>
      (['maastricht', 'vaals'] as const).map((m) => ({
        target: m,
        relation: none,
        call: () => ({
          method: 'GET',
          url: api(`/reports/monitor/themes?municipalityId=${MUNICIPALITY_IDS[m]}`),
        }),
      })),
  },
  'GET /reports/monitor': {
    phase: 'read',
    targets: () =>
      (['maastricht', 'vaals'] as const).map((m) => ({
        target: m,
        relation: none,
        call: () => ({ method: 'GET', url: api(`/reports/monitor?municipalityId=${MUNICIPALITY_IDS[m]}`) }),
      })),
  },

  // ------------------------------------------------------------------ reviews
  ...REVIEWS_DRIVERS,
};
