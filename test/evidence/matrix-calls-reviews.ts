/**
 * Drivers of libs/reviews: the caseload (also as a teamleider of another team), the case reviews of
 * the fixture households and the casusboek. Reviews are real writes with the current If-Match (the
 * version is looked up per call: every PUT bumps it and replaces the actions); the delete is a probe
 * with a stale If-Match.
 */
import { Response } from 'supertest';
import { DEMO_USERS, DemoUserKey } from '@app/identity';
import { FixtureKey } from './authorization-matrix';
import { CASELOAD_VISIBILITY, REVIEW_VISIBILITY } from './authorization-matrix-reviews';
import { Actor, Call } from './evidence-kit';
import { reviewBody, ReviewKey } from './matrix-world-domain';
import type { Driver, Target } from './matrix-calls';
import type { World } from './matrix-world';

const api = (path: string) => `/api/v1${path}`;
const FIXTURES: FixtureKey[] = ['H1', 'H2', 'H3', 'H4'];
const REVIEWS: ReviewKey[] = ['H1', 'H2', 'H4'];
const STALE = { 'If-Match': '"9999"' };
const isDemoUser = (actor: Actor): actor is DemoUserKey => actor in DEMO_USERS;

function sameIds(got: string[], expected: string[], what: string): string[] {
  const missing = expected.filter((id) => !got.includes(id));
  const extra = got.filter((id) => !expected.includes(id));
  return [
    ...(missing.length ? [`${what} missing ${missing.join(', ')}`] : []),
    ...(extra.length ? [`${what} not allowed: ${extra.join(', ')}`] : []),
  ];
}

function perHousehold(build: (w: World, key: FixtureKey) => Call | Promise<Call>, verify?: VerifyOf) {
  return (w: World): Target[] =>
    FIXTURES.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, key),
      call: () => build(w, key),
      verify: verify?.(w, key),
    }));
}
type VerifyOf = (w: World, key: FixtureKey) => Target['verify'];

/** One target per fixture review; the relation is the caller's to the review's household. */
function perReview(build: (w: World, id: string) => Call | Promise<Call>) {
  return (w: World): Target[] =>
    REVIEWS.map((key) => ({
      target: key,
      relation: (actor: Actor) => w.relationOf(actor, key),
      call: () => build(w, w.domain.reviews[key]),
    }));
}

/** A review write with the review's current version (and its current first action). */
const current = (
  method: string,
  path: (id: string, actionId: string) => string,
  body: object,
): ((w: World) => Target[]) =>
  perReview(async (w, id) => {
    const state = await w.domain.reviewState(id);
    return {
      method,
      url: api(path(id, state.actionId)),
      body,
      headers: { 'If-Match': `"${state.version}"` },
    };
  });

/** A teamleider's list holds exactly the fixture reviews of the households they lead. */
const reviewList: VerifyOf = (w, key) => (actor, res) => {
  if (actor !== 'teamleider') return [];
  const known = new Set(Object.values(w.domain.reviews));
  const got = (res.body as { id: string }[]).map((r) => r.id).filter((id) => known.has(id));
  const expected = REVIEW_VISIBILITY.teamleider.filter((k) => k === key).map((k) => w.domain.reviews[k]);
  return sameIds(got.sort(), expected.sort(), 'reviews');
};

/** The casusboek is anonymised: no family name or BSN of the fixtures, and the promised content type. */
const anonymised =
  (w: World, type: RegExp): Target['verify'] =>
  (_actor, res: Response) => {
    const problems = type.test(String(res.headers['content-type'])) ? [] : ['wrong content type'];
    // The PDF's text is compressed: its check is the content type; the Markdown is read in full.
    const text = res.text ?? '';
    for (const h of Object.values(w.households))
      for (const secret of [h.familyName, h.adultBsn])
        if (text.includes(secret)) problems.push(`casusboek names ${secret}`);
    return problems;
  };

const casusboek = (format: 'markdown' | 'pdf', type: RegExp): Driver => ({
  phase: 'read',
  targets: (w) => [
    ...perHousehold((world, key) => ({
      method: 'POST',
      url: api(`/casusboek/${format}`),
      body: { householdIds: [world.households[key].id] },
    }))(w).map((t) => ({ ...t, verify: anonymised(w, type) })),
    {
      target: 'H1+H2',
      relation: () => 'none' as const,
      call: () => ({
        method: 'POST',
        url: api(`/casusboek/${format}`),
        body: { householdIds: [w.households.H1.id, w.households.H2.id] },
      }),
    },
  ],
});

export const REVIEWS_DRIVERS: Record<string, Driver> = {
  'GET /caseload': {
    phase: 'read',
    // otherTeam: the demo teamleider's cell is sent as a teamleider of team Zuidwest (nobody of that
    // team is on a fixture household); every other actor sends as themselves.
    targets: (w) =>
      (['own', 'otherTeam'] as const).map((view) => ({
        target: view,
        relation: () => 'none' as const,
        call: async (actor: Actor) => ({
          method: 'GET',
          url: api('/caseload?pageSize=500'),
          headers: view === 'otherTeam' && actor === 'teamleider' ? await w.domain.otherTeamleider() : {},
        }),
        verify: (actor: Actor, res: Response) => {
          if (!isDemoUser(actor)) return [];
          const known = new Map(FIXTURES.map((k) => [w.households[k].id, k]));
          const got = (res.body.items as { householdId: string }[])
            .map((r) => r.householdId)
            .filter((id) => known.has(id));
          const expected = CASELOAD_VISIBILITY[view].map((k) => w.households[k].id);
          return sameIds(got.sort(), [...expected].sort(), `caseload (${view})`);
        },
      })),
  },
  'GET /households/:householdId/case-reviews': {
    phase: 'read',
    targets: perHousehold(
      (w, key) => ({ method: 'GET', url: api(`/households/${w.households[key].id}/case-reviews`) }),
      reviewList,
    ),
  },
  'POST /households/:householdId/case-reviews': {
    phase: 'write',
    targets: perHousehold((w, key) => ({
      method: 'POST',
      url: api(`/households/${w.households[key].id}/case-reviews`),
      body: reviewBody('Matrix: nog een bespreking'),
    })),
    valid: (w) => ({
      method: 'POST',
      url: api(`/households/${w.households.H1.id}/case-reviews`),
      body: reviewBody(),
    }),
  },
  'GET /case-reviews/:id': {
    phase: 'read',
    targets: perReview((_w, id) => ({ method: 'GET', url: api(`/case-reviews/${id}`) })),
  },
  'PUT /case-reviews/:id': {
    phase: 'write',
    targets: current('PUT', (id) => `/case-reviews/${id}`, reviewBody('Matrix: bijgewerkte bevindingen')),
    // Refused by validation before the version is compared: any well-formed If-Match will do.
    valid: (w) => ({
      method: 'PUT',
      url: api(`/case-reviews/${w.domain.reviews.H1}`),
      body: reviewBody(),
      headers: { 'If-Match': '"1"' },
    }),
  },
  'PATCH /case-reviews/:id/actions/:actionId': {
    phase: 'write',
    targets: current('PATCH', (id, actionId) => `/case-reviews/${id}/actions/${actionId}`, { done: true }),
    valid: (w) => ({
      method: 'PATCH',
      url: api(`/case-reviews/${w.domain.reviews.H1}/actions/00000000-0000-4000-8000-000000000000`),
      body: { done: true },
      headers: { 'If-Match': '"1"' },
    }),
  },
  'DELETE /case-reviews/:id': {
    phase: 'write',
    targets: perReview((_w, id) => ({ method: 'DELETE', url: api(`/case-reviews/${id}`), headers: STALE })),
  },
  'POST /casusboek/markdown': casusboek('markdown', /^text\/markdown/),
  'POST /casusboek/pdf': casusboek('pdf', /^application\/pdf/),
};
