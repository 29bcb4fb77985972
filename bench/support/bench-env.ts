/**
 * What the benchmarks (bench/b1-…b5-…) share: the generated database (embedded in
 * .data/bench-postgres unless --database-url), the application built as production runs it and
 * started as its own process, logins, an autocannon runner with exact percentiles, the machine, and
 * where results go (.data/bench-results, not in git).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { getRandomPort } from 'get-port-please';
import { Client } from 'pg';
import { ensureAppLogin } from '../../libs/core/src/database/app-login';
import { DEMO_PASSWORD } from '../../libs/identity/src/demo/demo-users';
import { GENERATED_EMAIL_DOMAIN, openTarget } from '../../scripts/generate/database';

export const ROOT = resolve(__dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, '.data', 'bench-results');
export const BUILD_DIR = join(ROOT, '.data', 'bench-build');
export const PASSWORD = process.env.GENERATE_PASSWORD ?? DEMO_PASSWORD;

// ───────────────────────────── arguments ─────────────────────────────

export function argValue(name: string, fallback?: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
}
export const argNumber = (name: string, fallback: number) => Number(argValue(name, String(fallback)));
export const argFlag = (name: string) => process.argv.slice(2).includes(`--${name}`);

// ───────────────────────────── machine ─────────────────────────────

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  uptime: string;
  loadavg: number[];
}

export async function machine(ownerUrl: string): Promise<Machine> {
  const postgres = (await sql<{ version: string }>(ownerUrl, 'SELECT version()'))[0].version;
  let uptime = '';
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`;
  }
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    uptime,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

// ───────────────────────────── database ─────────────────────────────

export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url, application_name: 'gezinsplan-bench' });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  ownerUrl: string;
  /** The application's own login (member of gezinsplan_app only), as the embedded start gives it. */
  appUrl: string;
  households: number;
  stop(): Promise<void>;
}

/**
 * The generated database: --database-url / DATABASE_URL, else the embedded one in .data/bench-postgres
 * (or --data-dir).
 */
export async function openGeneratedDatabase(): Promise<BenchDatabase> {
  const dataDir = argValue('data-dir');
  const target = await openTarget(
    argValue('database-url') ?? process.env.DATABASE_URL,
    dataDir ? resolve(ROOT, dataDir) : undefined,
  );
  const [{ generated, households }] = await sql<{ generated: boolean; households: number }>(
    target.url,
    `SELECT to_regclass('public.user_account') IS NOT NULL
              AND EXISTS (SELECT 1 FROM user_account WHERE email LIKE $1) AS generated,
            (SELECT count(*)::int FROM household) AS households`,
    [`%${GENERATED_EMAIL_DOMAIN}`],
  ).catch(() => [{ generated: false, households: 0 }]);
  if (!generated) {
    await target.stop();
    throw new Error('No generated data here: run `npm run generate -- --scale region` (or city) first.');
  }
  const appUrl = await ensureAppLogin(target.url);
  return { ownerUrl: target.url, appUrl, households, stop: () => target.stop() };
}

// ───────────────────────────── the application ─────────────────────────────

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Compiles the application as `npm run build` does, but into .data/bench-build so the shared dist/
 * is left alone. Rebuilt only when a source is newer than the last build. Returns the entry point,
 * or null when the sources do not compile right now (the caller then runs them through ts-node).
 */
export function ensureBuild(log: (line: string) => void = console.log): string | null {
  const main = join(BUILD_DIR, 'apps', 'api', 'src', 'main.js');
  const stamp = join(BUILD_DIR, '.stamp');
  const sources = Math.max(
    ...['apps/api/src', 'libs', 'migrations'].map((dir) => newestMtime(join(ROOT, dir))),
  );
  if (existsSync(stamp) && existsSync(main) && statSync(stamp).mtimeMs >= sources) return main;
  log('Building the application into .data/bench-build …');
  const started = performance.now();
  try {
    const bin = (pkg: string) => require.resolve(pkg);
    execFileSync(
      process.execPath,
      [bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        BUILD_DIR,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    log(
      `The build failed (the tree is being worked on?); running through ts-node instead.\n${output.slice(0, 2000)}`,
    );
    return null;
  }
  writeFileSync(stamp, new Date().toISOString());
  log(`Built in ${Math.round(performance.now() - started)} ms`);
  return main;
}

export interface RunningApp {
  baseUrl: string;
  pid: number;
  /** Process spawn to the first 200 of /health/ready. */
  readyMs: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  db: BenchDatabase;
  /** Built entry point, or null to run the TypeScript sources through ts-node. */
  main: string | null;
  /** JSON-lines file that receives every SQL statement (bench/support/sql-capture.ts). */
  captureFile?: string;
  env?: Record<string, string>;
  label?: string;
  /** Diagnostic: a larger connection pool through bench/support/pool-size.ts (not the production setting). */
  poolMax?: number;
}

/** The application exactly as `node dist/apps/api/src/main.js` runs it, as a child process. */
/** e.g. BENCH_APP_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under a run. */
const appNodeFlags = () => process.env.BENCH_APP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const port = await getRandomPort('127.0.0.1');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, `app-${options.label ?? 'run'}.log`);
  const out = openSync(logFile, 'w');
  const tsNode = ['-r', require.resolve('ts-node/register/transpile-only')];
  const preload = [
    ...(options.captureFile || options.poolMax ? tsNode : []),
    ...(options.captureFile ? ['-r', join(__dirname, 'sql-capture.ts')] : []),
    ...(options.poolMax ? ['-r', join(__dirname, 'pool-size.ts')] : []),
  ];
  const entry = options.main
    ? [options.main]
    : [
        '-r',
        require.resolve('ts-node/register/transpile-only'),
        '-r',
        require.resolve('tsconfig-paths/register'),
        join(ROOT, 'apps/api/src/main.ts'),
      ];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: options.db.ownerUrl,
    DATABASE_APP_URL: options.db.appUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DEMO_DATA: 'false',
    // Production logs every request at info; kept, written to the log file.
    LOG_LEVEL: 'info',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // No scheduled background work during a measurement.
    RETENTION_JOB_ENABLED: 'false',
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    ...(options.captureFile ? { BENCH_SQL_CAPTURE: options.captureFile } : {}),
    ...(options.poolMax ? { BENCH_POOL_MAX: String(options.poolMax) } : {}),
    ...options.env,
  };
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...appNodeFlags(), ...preload, ...entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = await waitReady(`${baseUrl}/health/ready`, child, started);
  return {
    baseUrl,
    pid: child.pid!,
    readyMs,
    logFile,
    stop: () => stopChild(child),
  };
}

/** The floor server (bench/floor/floor-server.ts) for a replay file, as its own process. */
export async function startFloor(db: BenchDatabase, replayFile: string): Promise<RunningApp> {
  const port = await getRandomPort('127.0.0.1');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, 'floor.log');
  const out = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      join(ROOT, 'bench', 'floor', 'floor-server.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        FLOOR_REPLAY: replayFile,
        // The application's own login: the same role, rights and triggers as the application.
        FLOOR_DATABASE_URL: db.appUrl,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', out, out],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = await waitReady(`${baseUrl}/health/ready`, child, started);
  return { baseUrl, pid: child.pid!, readyMs, logFile, stop: () => stopChild(child) };
}

export async function waitReady(url: string, child: ChildProcess, started: number, timeoutMs = 180_000) {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`process exited with ${exited} before it was ready`);
    if (performance.now() - started > timeoutMs) throw new Error(`not ready after ${timeoutMs} ms`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

// ───────────────────────────── HTTP ─────────────────────────────

export async function login(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await res.json()) as { accessToken?: string; user?: { id: string } };
  if (res.status !== 200 || !body.accessToken) throw new Error(`login ${email}: ${res.status}`);
  return { token: body.accessToken, userId: body.user!.id };
}

export async function call(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined
        ? { 'Content-Type': typeof body === 'string' ? 'text/csv' : 'application/json' }
        : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, ms: performance.now() - started, body: parsed as any, bytes: text.length }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// ───────────────────────────── load ─────────────────────────────

export interface NextRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Client-side errors by message (connection resets, timeouts), if any. */
  errorMessages: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * autocannon (programmatic API) against one URL; `next` picks each request (path, body, token), so a
 * run rotates over many households and users. A warm-up run comes first and is not counted.
 */
export async function runLoad(options: {
  label: string;
  baseUrl: string;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  next: () => NextRequest;
}): Promise<LoadResult> {
  const once = (seconds: number, record: boolean) =>
    new Promise<LoadResult>((resolveRun, reject) => {
      const latencies: number[] = [];
      const statuses: Record<string, number> = {};
      const errorMessages: Record<string, number> = {};
      const instance = autocannon(
        {
          url: options.baseUrl,
          connections: options.connections,
          duration: seconds,
          timeout: 30,
          requests: [
            {
              setupRequest: (request) => {
                const next = options.next();
                return {
                  ...request,
                  method: next.method,
                  path: next.path,
                  headers: next.headers,
                  body: next.body,
                };
              },
            },
          ],
        },
        (error, result) => {
          if (error) return reject(error);
          latencies.sort((a, b) => a - b);
          const total = latencies.length;
          resolveRun({
            label: options.label,
            connections: options.connections,
            seconds: result.duration,
            requests: total,
            rps: round(total / result.duration, 1),
            p50: round(percentile(latencies, 50)),
            p95: round(percentile(latencies, 95)),
            p97_5: round(percentile(latencies, 97.5)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies[total - 1] ?? NaN),
            mean: round(latencies.reduce((s, l) => s + l, 0) / Math.max(1, total)),
            errors: result.errors + result.timeouts,
            non2xx: result.non2xx,
            statuses,
            errorMessages,
          });
        },
      );
      instance.on('reqError', (error: Error) => {
        errorMessages[error.message] = (errorMessages[error.message] ?? 0) + 1;
      });
      if (record) {
        // autocannon's tracker emits (client, statusCode, bytes, responseTime); its typings omit `client`.
        (instance as unknown as NodeJS.EventEmitter).on(
          'response',
          (_client: unknown, status: number, _bytes: number, ms: number) => {
            latencies.push(ms);
            statuses[status] = (statuses[status] ?? 0) + 1;
          },
        );
      } else {
        (instance as unknown as NodeJS.EventEmitter).on('response', () => undefined);
      }
    });
  if (options.warmupSeconds) await once(options.warmupSeconds, false);
  return once(options.seconds, true);
}

export function resultTable(rows: LoadResult[]): string {
  const lines = [
    '| run | conn | req/s | p50 ms | p95 ms | p97.5 ms | p99 ms | max ms | requests | errors | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p97_5} | ${r.p99} | ${r.max} | ${r.requests} | ${r.errors} | ${r.non2xx} |`,
    );
  }
  return lines.join('\n');
}

export function saveResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}
