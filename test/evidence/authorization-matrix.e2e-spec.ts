import { Response } from 'supertest';
import { Clock, FixedClock } from '@app/core';
import { DossierSectionRegistry } from '@app/households';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { AppRoute, appRoutes, fillPath } from './app-routes';
import {
  DOSSIER_SECTIONS,
  Expectation,
  MASS_ASSIGNMENT,
  MATRIX,
  MatrixRow,
  Relation,
  WITHOUT_VALID_TOKEN,
} from './authorization-matrix';
import { DOMAIN_MASS_ASSIGNMENT, DOMAIN_MATRIX } from './authorization-matrix-domain';
import { Actor, ACTORS, businessFingerprint, Call, Caller, isProblem, PROBLEM_TYPE } from './evidence-kit';
import { Driver, DRIVERS, Target } from './matrix-calls';
import { buildWorld, MATRIX_NOW, World } from './matrix-world';
import { PROBLEM_FIELDS, shapeProblems } from './response-shape';

interface Cell {
  endpoint: string;
  actor: Actor;
  target: Target;
  relation: Relation;
  row?: MatrixRow;
  expect: Expectation | 'deny';
}

const DENY_STATUSES = [403, 404];
/** Fewer than the pool's connections, so that one cell never waits on another's connection. */
const PARALLEL_CELLS = 4;
const ROWS: MatrixRow[] = [...MATRIX, ...DOMAIN_MATRIX];
const MASS: typeof MASS_ASSIGNMENT = [...MASS_ASSIGNMENT, ...DOMAIN_MASS_ASSIGNMENT];

/**
 * The authorisation matrix (authorization-matrix.ts) against the running application: every cell is
 * one request, its status, its problem document or the exact fields it returns, and for lists the
 * membership of the result set. Refused writes must leave the business tables untouched.
 */
describe('evidence: authorisation matrix', () => {
  const clock = new FixedClock(MATRIX_NOW);
  let t: TestApp;
  let kit: IdentityKit;
  let caller: Caller;
  let world: World;
  let routes: AppRoute[];
  let secretsOfWorld: string[];
  const previousLimit = process.env.LOGIN_RATE_LIMIT_PER_MINUTE;
  let serial = 0;

  beforeAll(async () => {
    // The matrix logs in far more often than a person would; the throttle has its own spec.
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '100000';
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    caller = new Caller(t, kit);
    world = await buildWorld(t, caller, clock);
    DOSSIER_SECTIONS.push(
      ...t.app
        .get(DossierSectionRegistry)
        .all()
        .map((s) => s.name),
    );
    routes = appRoutes(t.app);
    secretsOfWorld = Object.values(world.households).flatMap((h) => [h.adultBsn, h.familyName]);
  }, 300_000);

  afterAll(async () => {
    if (previousLimit === undefined) delete process.env.LOGIN_RATE_LIMIT_PER_MINUTE;
    else process.env.LOGIN_RATE_LIMIT_PER_MINUTE = previousLimit;
    if (t) {
      kit.expectNothingLeaked();
      const logs = t.logLines.join('\n');
      for (const secret of secretsOfWorld) expect(logs).not.toContain(secret);
      await t.close();
    }
  });

  const rowsFor = (endpoint: string) => ROWS.filter((r) => r.endpoint === endpoint);

  it('has rows and a driver for every endpoint of the finished libraries, and reports the others', () => {
    const uncoveredFinished = routes
      .filter((r) => r.finished && (rowsFor(r.endpoint).length === 0 || !DRIVERS[r.endpoint]))
      .map((r) => `${r.endpoint} (${r.handler}, ${r.lib})`);
    const pending = routes.filter(
      (r) => !r.finished && (rowsFor(r.endpoint).length === 0 || !DRIVERS[r.endpoint]),
    );
    if (pending.length) {
      console.log(
        `Authorisation matrix: ${pending.length} endpoint(s) of libraries in progress not yet covered ` +
          `(add rows in authorization-matrix.ts and a driver in matrix-calls.ts):\n` +
          pending.map((r) => `  - ${r.endpoint}  [${r.lib}] ${r.handler}`).join('\n'),
      );
    }
    expect(uncoveredFinished).toEqual([]);
  });

  it('has no stale rows (every row names an endpoint of the app) and no two rows for one cell', () => {
    const endpoints = new Set(routes.map((r) => r.endpoint));
    expect(ROWS.filter((r) => !endpoints.has(r.endpoint)).map((r) => r.endpoint)).toEqual([]);
    const ambiguous = allCells()
      .filter((c) => matching(c).length > 1)
      .map((c) => `${c.endpoint} ${c.actor} ${c.target.target} ${c.relation}`);
    expect(ambiguous).toEqual([]);
  });

  it('answers every cell as the matrix says (at least 1,000 cells, lists checked for membership)', async () => {
    const cells = allCells();
    const failures: string[] = [];
    const byStatus = new Map<string, number>();
    let asserted = 0;
    for (const phase of ['read', 'write', 'last'] as const) {
      for (const endpoint of [...new Set(cells.map((c) => c.endpoint))]) {
        if (DRIVERS[endpoint].phase !== phase) continue;
        const own = cells.filter((c) => c.endpoint === endpoint);
        await DRIVERS[endpoint].prepare?.(world, (actor, call) => caller.send(actor, call));
        const refusals = own.filter((c) => c.expect === 'deny' || c.expect.status >= 400);
        const successes = own.filter((c) => !refusals.includes(c));
        const before = phase === 'read' ? undefined : await businessFingerprint(t);
        // Reads and refusals change nothing (the fingerprint checks the refusals), so they run a few
        // at a time; allowed writes run one by one below.
        await inParallel(phase === 'read' ? own : refusals, PARALLEL_CELLS, async (cell) => {
          failures.push(...(await runCell(cell)));
          asserted++;
          const key = cell.expect === 'deny' ? 'deny' : String(cell.expect.status);
          byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
        });
        if (before) {
          const after = await businessFingerprint(t);
          const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
          if (changed.length)
            failures.push(`${endpoint}: refused requests changed table(s) ${changed.join(', ')}`);
        }
        if (phase === 'read') continue;
        for (const cell of successes) {
          failures.push(...(await runCell(cell)));
          asserted++;
          const key = String((cell.expect as Expectation).status);
          byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
        }
      }
    }
    console.log(
      `Authorisation matrix: ${asserted} cells asserted over ${new Set(cells.map((c) => c.endpoint)).size} ` +
        `endpoints (${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}); ${failures.length} failing`,
    );
    expect(failures).toEqual([]);
    expect(asserted).toBeGreaterThanOrEqual(1000);
  }, 600_000);

  it('refuses fields a role may not write (mass assignment): 400 naming the field, nothing written', async () => {
    const failures: string[] = [];
    for (const mass of MASS) {
      const driver = DRIVERS[mass.endpoint];
      if (!driver?.valid) {
        failures.push(`${mass.endpoint}: no valid request to smuggle ${mass.field} into`);
        continue;
      }
      const call = driver.valid(world, ++serial);
      const body = structuredClone(call.body ?? {}) as Record<string, unknown>;
      for (const [path, value] of Object.entries(mass.inject)) setPath(body, path, value);
      const before = await businessFingerprint(t);
      const res = await caller.send(mass.actor, { ...call, body });
      const fields = ((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field);
      const where = `${mass.endpoint} as ${mass.actor} with ${JSON.stringify(mass.inject)}`;
      if (res.status !== 400)
        failures.push(`${where}: ${res.status}, expected 400 ${res.text.slice(0, 200)}`);
      else if (!isProblem(res)) failures.push(`${where}: not a problem document`);
      else if (!(fields.length > 0 && fields.every((f) => f === mass.field)))
        failures.push(`${where}: names ${JSON.stringify(fields)}, expected only ${mass.field}`);
      const after = await businessFingerprint(t);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length) failures.push(`${where}: changed ${changed.join(', ')}`);
    }
    console.log(`Mass assignment: ${MASS.length} cells asserted; ${failures.length} failing`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses every endpoint of the libraries in progress without a valid token (reported, not failed)', async () => {
    const pending = routes.filter((r) => !r.finished);
    const problems: string[] = [];
    for (const route of pending) {
      const url = fillPath(route.servedPath, {}, '00000000-0000-4000-8000-000000000000');
      for (const actor of WITHOUT_VALID_TOKEN) {
        const res = await caller.send(actor, {
          method: route.method,
          url,
          body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined,
        });
        if (res.status !== 401 || !isProblem(res))
          problems.push(`${route.endpoint} as ${actor}: ${res.status}`);
      }
    }
    if (problems.length)
      console.log(`In-progress endpoints answering without a valid token:\n  ${problems.join('\n  ')}`);
    console.log(
      `In-progress endpoints probed without a token: ${pending.length * WITHOUT_VALID_TOKEN.length} cells`,
    );
  });

  // ------------------------------------------------------------------ helpers

  function allCells(): Cell[] {
    const cells: Cell[] = [];
    for (const route of routes) {
      const driver: Driver | undefined = DRIVERS[route.endpoint];
      if (!driver || rowsFor(route.endpoint).length === 0) continue;
      for (const target of driver.targets(world)) {
        for (const actor of ACTORS) {
          const cell: Cell = {
            endpoint: route.endpoint,
            actor,
            target,
            relation: target.relation(actor),
            expect: 'deny',
          };
          const [row] = matching(cell);
          if (row) Object.assign(cell, { row, expect: row.expect });
          cells.push(cell);
        }
      }
    }
    return cells;
  }

  function matching(cell: Cell): MatrixRow[] {
    return rowsFor(cell.endpoint).filter(
      (r) =>
        r.actors.includes(cell.actor) &&
        (!r.relations || r.relations.includes(cell.relation)) &&
        (!r.targets || r.targets.includes(cell.target.target)),
    );
  }

  async function runCell(cell: Cell): Promise<string[]> {
    const call: Call = await cell.target.call(cell.actor, ++serial);
    const res = await caller.send(cell.actor, call);
    const where = `${cell.endpoint} as ${cell.actor} on ${cell.target.target} (${cell.relation})`;
    const problems = judge(cell, res);
    return problems.map((p) => `${where}: ${p}`);
  }

  function judge(cell: Cell, res: Response): string[] {
    const problems: string[] = [];
    const noToken = WITHOUT_VALID_TOKEN.includes(cell.actor);
    if (cell.expect === 'deny') {
      const allowed = noToken ? [401] : DENY_STATUSES;
      if (!allowed.includes(res.status))
        return [
          `${res.status}, expected ${allowed.join(' or ')} (not in the matrix: deny) ${res.text.slice(0, 300)}`,
        ];
      return problems.concat(refusalProblems(res));
    }
    const expected = cell.expect;
    if (res.status !== expected.status)
      return [`${res.status}, expected ${expected.status} ${res.text.slice(0, 300)}`];
    if (res.status >= 400) {
      problems.push(...refusalProblems(res, expected.status < 403, expected.extensions));
      if (expected.problem && res.body.type !== `urn:gezinsplan:problem:${expected.problem}`)
        problems.push(`problem type ${res.body.type}, expected ${expected.problem}`);
      if (expected.field) {
        const fields = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
        if (!fields.includes(expected.field))
          problems.push(`names ${JSON.stringify(fields)}, expected ${expected.field}`);
      }
      return problems;
    }
    if (expected.shape) problems.push(...shapeProblems(res.body, expected.shape));
    if (cell.target.verify) problems.push(...cell.target.verify(cell.actor, res));
    return problems;
  }

  /** A refusal is a problem document with nothing else in it, and quotes no data of the fixtures. */
  function refusalProblems(res: Response, validation = false, extensions: readonly string[] = []): string[] {
    const problems: string[] = [];
    if (!isProblem(res))
      problems.push(`content-type ${res.headers['content-type']}, expected application/problem+json`);
    if (!PROBLEM_TYPE.test(String(res.body?.type))) problems.push(`problem type ${res.body?.type}`);
    const extra = Object.keys(res.body ?? {}).filter(
      (k) => !PROBLEM_FIELDS.includes(k) && !extensions.includes(k),
    );
    if (extra.length) problems.push(`refusal carries ${extra.join(', ')}`);
    if (!validation) {
      for (const secret of secretsOfWorld)
        if (res.text.includes(secret)) problems.push(`refusal quotes ${secret}`);
    }
    return problems;
  }
});

function setPath(body: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node: Record<string, unknown> = body;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
