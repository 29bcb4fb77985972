import fc from 'fast-check';
import { Response } from 'supertest';
import { Clock, ErrorCode, FixedClock, problemType } from '@app/core';
import { DemoUserKey } from '@app/identity';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { appRoutes } from './app-routes';
import {
  Actor,
  Caller,
  changedTables,
  DEMO_USER_KEYS,
  installWriteCounter,
  isProblem,
  writeCounts,
} from './evidence-kit';
import { buildWorld, MATRIX_NOW, World } from './matrix-world';
import {
  FuzzCase,
  missingRequiredCases,
  OpenApiDocument,
  OpenApiOperation,
  operationCases,
  SchemaResolver,
} from './openapi-samplers';

/** Cases per operation; FUZZ_RUNS=200 for a longer run. The seed is printed, FUZZ_SEED replays it. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// Ten minutes per 50 cases per operation: FUZZ_RUNS=200 on a busy 2-core machine takes over ten minutes.
jest.setTimeout(600_000 * Math.max(1, RUNS / 50));
const KNOWN_TYPES = new Set(Object.values(ErrorCode).map((code) => problemType(code)));
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];
/**
 * Operations are spread over this many apps, each with its own database and write counter, run side
 * by side (attribution of a write to a request needs one request at a time per database).
 */
const SHARDS = Number(process.env.FUZZ_SHARDS ?? 3);
/** Reads are sent this many at a time (they must write nothing at all, so no attribution is needed). */
const READ_CONCURRENCY = 8;
/** Writes a refusal legitimately makes: failed logins are counted (lockout), a reused refresh token revokes its family. */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  'POST /api/v1/auth/login': ['user_account'],
  'POST /api/v1/auth/password': ['user_account', 'refresh_token'],
  'POST /api/v1/auth/first-password': ['user_account'],
  'POST /api/v1/auth/refresh': ['refresh_token'],
};

/** Who calls an operation first, by tag; the spec then picks whoever the route actually lets in. */
const TAG_ACTORS: [RegExp, DemoUserKey][] = [
  [/reference|users|catalog/i, 'functioneelBeheerder'],
  [/privacy|processing|access.?request|retention|logboek/i, 'privacyOfficer'],
  [/report|figures|aggregate/i, 'beleidsmedewerker'],
  [/budget/i, 'teamleider'],
  [/spreekuur|outreach|signal|vroegsignal|coach/i, 'financialCoach'],
  [/break/i, 'privacyOfficer'],
  [/referral/i, 'sociaalTeamMedewerker'],
];

interface Shard {
  t: TestApp;
  kit: IdentityKit;
  caller: Caller;
  world: World;
  fill: (path: string, name: string) => string | undefined;
}

interface Operation {
  method: string;
  path: string;
  op: OpenApiOperation;
  lib: string;
  finished: boolean;
}

/**
 * Bad input against every operation of the OpenAPI document the running app serves: never a 5xx,
 * every 4xx a problem document with a known `type`, and a refused write leaves every business table
 * as it was (the processing log and access audit may grow: denied attempts are logged).
 */
describe('evidence: generated bad input against every OpenAPI operation', () => {
  const clock = new FixedClock(MATRIX_NOW);
  const shards: Shard[] = [];
  /** Requests without a property the document calls required that were accepted anyway. */
  const contractDrift: { finished: boolean; text: string }[] = [];
  let doc: OpenApiDocument;
  let operations: Operation[];
  const previousLimit = process.env.LOGIN_RATE_LIMIT_PER_MINUTE;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '100000';
    for (let k = 0; k < SHARDS; k++) {
      const t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
      const kit = new IdentityKit(t);
      await kit.seedDemoUsers();
      const caller = new Caller(t, kit);
      const world = await buildWorld(t, caller, clock);
      await installWriteCounter(t);
      shards.push({ t, kit, caller, world, fill: await idResolver(t, world) });
    }
    const { t } = shards[0];
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
    const routes = appRoutes(t.app);
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const declared = path.replace(/^\/api\/v1/, '').replace(/\{([^}]+)\}/g, ':$1');
        const route = routes.find((r) => r.method === method.toUpperCase() && r.path === declared);
        return {
          method: method.toUpperCase(),
          path,
          op,
          lib: route?.lib ?? 'unknown',
          finished: route?.finished ?? false,
        };
      }),
    );
  }, 300_000);

  afterAll(async () => {
    if (previousLimit === undefined) delete process.env.LOGIN_RATE_LIMIT_PER_MINUTE;
    else process.env.LOGIN_RATE_LIMIT_PER_MINUTE = previousLimit;
    for (const { t, kit } of shards) {
      kit.expectNothingLeaked();
      await t.close();
    }
  });

  it(`sends at least ${RUNS} generated cases to every operation: no 5xx, problem documents, no half writes`, async () => {
    const resolver = new SchemaResolver(doc);
    const failures: { finished: boolean; text: string }[] = [];
    let sent = 0;
    const started = Date.now();
    const record = (operation: Operation, actor: Actor, fuzz: FuzzCase, problems: string[]) => {
      const where = `${operation.method} ${operation.path} as ${actor} [${fuzz.kind}]`;
      for (const p of problems)
        failures.push({ finished: operation.finished, text: `${where}: ${p}\n      ${describeCase(fuzz)}` });
    };
    const timings: [string, number][] = [];
    const runShard = async (shard: Shard, mine: Operation[]) => {
      for (const operation of mine) {
        const opStarted = Date.now();
        const idFor = (name: string) => shard.fill(operation.path, name);
        const actor = await pickActor(shard, operation, resolver, idFor);
        const cases = [
          ...fc.sample(operationCases(resolver, operation.op, idFor), { numRuns: RUNS, seed: SEED }),
          ...missingRequiredCases(resolver, operation.op, idFor),
        ];
        const key = `${operation.method} ${operation.path}`;
        let before = await writeCounts(shard.t);
        if (!WRITES.includes(operation.method)) {
          // Reads: in parallel batches; nothing may be written by any of them (the logs excepted).
          for (let i = 0; i < cases.length; i += READ_CONCURRENCY) {
            const batch = cases.slice(i, i + READ_CONCURRENCY);
            const answers = await Promise.all(batch.map((fuzz) => send(shard, actor, operation, fuzz)));
            sent += batch.length;
            batch.forEach((fuzz, j) => record(operation, actor, fuzz, judge(answers[j])));
            const after = await writeCounts(shard.t);
            const changed = changedTables(before, after);
            if (changed.length) record(operation, actor, batch[0], [`a read changed ${changed.join(', ')}`]);
            before = after;
          }
        } else {
          for (const fuzz of cases) {
            const res = await send(shard, actor, operation, fuzz);
            sent++;
            const problems = judge(res);
            if (fuzz.kind.startsWith('missing ') && res.status < 300)
              contractDrift.push({
                finished: operation.finished,
                text: `${key}: accepted without '${fuzz.kind.slice('missing '.length)}', which the document marks required`,
              });
            const after = await writeCounts(shard.t);
            if (res.status >= 400) {
              const changed = changedTables(before, after).filter(
                (tbl) => !(WRITES_ON_REFUSAL[key] ?? []).includes(tbl),
              );
              if (changed.length) problems.push(`refused (${res.status}) but wrote to ${changed.join(', ')}`);
            }
            before = after;
            record(operation, actor, fuzz, problems);
          }
        }
        timings.push([key, Date.now() - opStarted]);
      }
    };
    await Promise.all(
      shards.map((shard, k) =>
        runShard(
          shard,
          operations.filter((_, i) => i % SHARDS === k),
        ),
      ),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`Fuzz: slowest operations ${slowest.map(([op, ms]) => `${op} ${ms} ms`).join('; ')}`);
    const inProgress = failures.filter((f) => !f.finished);
    console.log(
      `Fuzz: ${sent} requests to ${operations.length} operations (${RUNS} each, seed ${SEED}) in ${seconds}s; ` +
        `${failures.length - inProgress.length} failing in finished libraries, ${inProgress.length} in libraries in progress` +
        (inProgress.length ? `:\n  ${dedupe(inProgress.map((f) => f.text)).join('\n  ')}` : ''),
    );
    expect(dedupe(failures.filter((f) => f.finished).map((f) => f.text))).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS);
  });

  it('marks as required in the OpenAPI document only what the API requires', () => {
    // Found by the fuzzer: @IsBsn() and @IsPostcode() (libs/core/src/validation) always add a required
    // @ApiProperty, also where the field is @IsOptional() (search, household update, add member).
    const unique = (list: typeof contractDrift) => [...new Set(list.map((d) => d.text))];
    const pending = unique(contractDrift.filter((d) => !d.finished));
    if (pending.length) console.log(`OpenAPI drift in libraries in progress:\n  ${pending.join('\n  ')}`);
    expect(unique(contractDrift.filter((d) => d.finished))).toEqual([]);
  });

  it('answers a deeply nested JSON body (10 KB) with a 400 problem document, not a 500', async () => {
    // Found by this fuzzer: class-transformer recurses once per level and overflows the stack at a
    // few thousand levels; express.json parses such a body happily. Anonymous, so anyone can send it.
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    const answers: string[] = [];
    for (const [actor, url] of [
      ['anonymous', '/api/v1/auth/login'],
      ['consulentWmo', '/api/v1/households/search'],
      ['functioneelBeheerder', '/api/v1/reference/municipalities'],
    ] as const) {
      const { t, caller } = shards[0];
      const res = await t
        .http()
        .post(url)
        .set(await caller.headersFor(actor))
        .set('Content-Type', 'application/json')
        .send(nested);
      const refused =
        res.status === 400 && isProblem(res) && /:(validation|malformed-json)$/.test(res.body.type);
      answers.push(
        `${url}: ${refused ? '400 problem' : `${res.status} ${res.body?.type ?? res.headers['content-type']}`}`,
      );
    }
    expect(answers).toEqual([
      '/api/v1/auth/login: 400 problem',
      '/api/v1/households/search: 400 problem',
      '/api/v1/reference/municipalities: 400 problem',
    ]);
  });

  // ------------------------------------------------------------------ helpers

  function judge(res: Response): string[] {
    if (res.status >= 500) return [`${res.status} ${res.body?.type ?? res.text.slice(0, 100)}`];
    if (res.status < 400) return [];
    const problems: string[] = [];
    if (!isProblem(res)) problems.push(`${res.status} with content-type ${res.headers['content-type']}`);
    else if (!KNOWN_TYPES.has(res.body?.type))
      problems.push(`${res.status} with unknown problem type ${res.body?.type}`);
    else if (res.body.status !== res.status)
      problems.push(`problem status ${res.body.status} on a ${res.status}`);
    return problems;
  }

  async function send(shard: Shard, actor: Actor, operation: Operation, fuzz: FuzzCase): Promise<Response> {
    const { t, caller, kit } = shard;
    const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      encodeURIComponent(fuzz.pathParams[name] ?? ''),
    );
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(fuzz.query)) {
      for (const v of Array.isArray(value) ? value : [value])
        query.append(key, typeof v === 'string' ? v : JSON.stringify(v));
    }
    const url = query.size ? `${path}?${query}` : path;
    const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const agent = t.http();
    let req = agent[method](url).set(await caller.headersFor(actor));
    if (fuzz.body && 'raw' in fuzz.body)
      req = req.set('Content-Type', fuzz.body.contentType).send(fuzz.body.raw);
    else if (fuzz.body)
      req = req.set('Content-Type', 'application/json').send(JSON.stringify(fuzz.body.json));
    return kit.seen(await req);
  }

  /** The caller the route lets in furthest with a plausible request (2xx, then a 4xx after the guard). */
  async function pickActor(
    shard: Shard,
    operation: Operation,
    resolver: SchemaResolver,
    idFor: (n: string) => string | undefined,
  ) {
    if (operation.path.startsWith('/health')) return 'anonymous' as const;
    const text = [...(operation.op.tags ?? []), operation.path].join(' ');
    const guess = TAG_ACTORS.find(([pattern]) => pattern.test(text))?.[1] ?? 'consulentWmo';
    const candidates = [guess, ...DEMO_USER_KEYS.filter((k) => k !== guess)];
    const valid: FuzzCase = fc.sample(
      operationCases(
        resolver,
        { ...operation.op, parameters: operation.op.parameters?.filter((p) => p.in === 'path') },
        idFor,
      ).filter(
        (c) => c.kind === 'valid' || c.kind === 'unexpected body' || c.kind.startsWith('query unknown'),
      ),
      { numRuns: 1, seed: 1 },
    )[0];
    const score = (status: number) =>
      status < 300 ? 4 : [401, 403].includes(status) ? 0 : status === 404 ? 1 : 3;
    let best: { actor: DemoUserKey; score: number } = { actor: guess, score: -1 };
    for (const actor of candidates) {
      const s = score((await send(shard, actor, operation, { ...valid, query: {} })).status);
      if (s > best.score) best = { actor, score: s };
      if (s >= 3) break; // past the guard: good enough, and cheaper than asking everyone
    }
    return best.actor;
  }
});

/** Real ids for path parameters, so generated bodies reach the service layer and not only the 404. */
async function idResolver(t: TestApp, w: World) {
  const h1 = w.households.H1;
  const known: Record<string, string> = {
    householdId: h1.id,
    memberId: h1.childMemberId,
    consentId: h1.activeConsentId,
    userId: w.userIds.consulentWmo,
    personId: h1.adultPersonId,
  };
  const { rows } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`,
  );
  const tables = new Set(rows.map((r) => r.name));
  const cache = new Map<string, string | undefined>();
  const firstId = async (table: string) => {
    if (!tables.has(table)) return undefined;
    const res = await t.db.query<{ id: string }>(`SELECT id::text FROM "${table}" LIMIT 1`);
    return res.rows[0]?.id;
  };
  // Preload a guess for every table: `{id}` after /indications/ looks in "indication".
  for (const table of tables) cache.set(table, await firstId(table));
  return (path: string, name: string): string | undefined => {
    if (path.includes('/break-glass/grants/') && name === 'id') return w.grants.G1;
    if (path.includes('/referrals/') && name === 'id') return w.referrals.R2;
    if (path.includes('/users/') && name === 'id') return w.spareUserId;
    if (path.includes('/households/{id}') && name === 'id') return h1.id;
    const ref = /\/reference\/([a-z]+)\/\{id\}/.exec(path)?.[1] as keyof World['reference'] | undefined;
    if (ref && name === 'id' && w.reference[ref]) return w.reference[ref].id;
    if (known[name]) return known[name];
    const segment =
      name === 'id' ? new RegExp(`/([a-z-]+)/\\{${name}\\}`).exec(path)?.[1] : name.replace(/Id$/, '');
    if (!segment) return undefined;
    const snake = segment
      .replace(/-/g, '_')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
    for (const table of [
      snake,
      snake.replace(/s$/, ''),
      snake.replace(/ies$/, 'y'),
      `${snake.replace(/s$/, '')}_version`,
    ]) {
      if (cache.get(table)) return cache.get(table);
    }
    return undefined;
  };
}

function describeCase(fuzz: FuzzCase): string {
  const body = fuzz.body ? ('raw' in fuzz.body ? fuzz.body.raw : JSON.stringify(fuzz.body.json)) : '';
  const short = (text: string) =>
    text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
  return `path ${JSON.stringify(fuzz.pathParams)} query ${short(JSON.stringify(fuzz.query))} body ${short(String(body))}`;
}

function dedupe(lines: string[]): string[] {
  const seen = new Map<string, number>();
  for (const line of lines) {
    const key = line.split('\n')[0];
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const out: string[] = [];
  const printed = new Set<string>();
  for (const line of lines) {
    const key = line.split('\n')[0];
    if (printed.has(key)) continue;
    printed.add(key);
    out.push(seen.get(key)! > 1 ? `${line} (x${seen.get(key)})` : line);
  }
  return out;
}
