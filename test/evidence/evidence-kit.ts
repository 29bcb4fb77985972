import { JwtService } from '@nestjs/jwt';
import { Response } from 'supertest';
import { DEMO_EMAILS, DemoUserKey } from '@app/identity';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

/** Who calls: a demo user, nobody, or someone with a well-signed but expired access token. */
export const DEMO_USER_KEYS = Object.keys(DEMO_EMAILS) as DemoUserKey[];
export type Actor = DemoUserKey | 'anonymous' | 'expiredToken';
export const ACTORS: Actor[] = [...DEMO_USER_KEYS, 'anonymous', 'expiredToken'];

export interface Call {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Sends requests as an actor. Keeps IdentityKit's leak bookkeeping (every error body and every token
 * seen), so a spec can end with `kit.expectNothingLeaked()`.
 */
export class Caller {
  private expired?: string;

  constructor(
    private readonly t: TestApp,
    readonly kit: IdentityKit,
  ) {}

  async headersFor(actor: Actor): Promise<Record<string, string>> {
    if (actor === 'anonymous') return {};
    if (actor === 'expiredToken') return { Authorization: `Bearer ${await this.expiredToken()}` };
    return this.kit.bearer(await this.kit.as(actor));
  }

  async send(actor: Actor, call: Call): Promise<Response> {
    const method = call.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const agent = this.t.http();
    let req = agent[method](call.url).set(await this.headersFor(actor));
    if (call.headers) req = req.set(call.headers);
    if (call.body !== undefined) req = req.send(call.body as object);
    return this.kit.seen(await req);
  }

  /** Logs in as a demo user (cached per file). */
  session(user: DemoUserKey): Promise<LoggedIn> {
    return this.kit.as(user);
  }

  /** An access token of the consulent Wmo signed with the app's own key, expired a minute ago. */
  private async expiredToken() {
    if (!this.expired) {
      const { rows } = await this.t.db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [
        DEMO_EMAILS.consulentWmo,
      ]);
      const jwt = this.t.app.get(JwtService);
      this.expired = await jwt.signAsync({ sub: rows[0].id }, { expiresIn: -60 });
      this.kit.secrets.add(this.expired);
    }
    return this.expired;
  }
}

/** Tables an audit trail legitimately grows in, even on a refused request. */
export const LOG_TABLES = [
  'processing_log',
  'access_audit',
  'processing_log_chain_head',
  'processing_log_unsealed',
  'processing_log_seal',
  'access_audit_seal',
];

/**
 * Row counts of every table of the public schema except the processing log and access audit, and
 * except the refresh-token table (a login rotates tokens). Picks up tables of new modules by itself.
 */
export async function businessRowCounts(
  t: TestApp,
  skip: string[] = [...LOG_TABLES, 'refresh_token', 'migrations'],
): Promise<Record<string, number>> {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (skip.includes(name)) continue;
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = rows[0].n;
  }
  return counts;
}

/**
 * A fingerprint of the content of the business tables (not only their counts: catches updates too),
 * in one round trip. Skips the logs, refresh tokens and user accounts (a login updates those).
 */
export async function businessFingerprint(
  t: TestApp,
  skip: string[] = [...LOG_TABLES, 'refresh_token', 'migrations', 'user_account'],
): Promise<Record<string, string>> {
  const { rows: tables } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))
     ORDER BY table_name`,
    [skip],
  );
  if (tables.length === 0) return {};
  const { rows } = await t.db.query<{ name: string; h: string | null }>(
    tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))) AS h FROM "${name}" x`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.h ?? 'empty']));
}

export const isProblem = (res: Response) =>
  /^application\/problem\+json/.test(String(res.headers['content-type'] ?? ''));

export const PROBLEM_TYPE = /^urn:gezinsplan:problem:[a-z-]+$/;

/**
 * Counts committed row changes per business table with row-level triggers installed in this test
 * database only (schema `evidence`, SECURITY DEFINER, so the application role needs no grant). A
 * refused request must leave the counts as they were; a rolled-back change does not count.
 * Cheaper than fingerprinting every table after every request.
 */
export async function installWriteCounter(t: TestApp, skip: string[] = [...LOG_TABLES, 'migrations']) {
  await t.db.query(`
    CREATE SCHEMA IF NOT EXISTS evidence;
    CREATE TABLE IF NOT EXISTS evidence.writes (table_name text PRIMARY KEY, n bigint NOT NULL);
    CREATE OR REPLACE FUNCTION evidence.count_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, evidence AS $$
    BEGIN
      INSERT INTO evidence.writes AS w (table_name, n) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET n = w.n + 1;
      RETURN NULL;
    END $$;`);
  const { rows } = await t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))`,
    [skip],
  );
  for (const { name } of rows) {
    await t.db.query(
      `DROP TRIGGER IF EXISTS evidence_count_write ON public."${name}";
       CREATE TRIGGER evidence_count_write AFTER INSERT OR UPDATE OR DELETE ON public."${name}"
         FOR EACH ROW EXECUTE FUNCTION evidence.count_write();`,
    );
  }
  return rows.length;
}

export async function writeCounts(t: TestApp): Promise<Record<string, number>> {
  const { rows } = await t.db.query<{ table_name: string; n: string }>(
    'SELECT table_name, n FROM evidence.writes',
  );
  return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]));
}

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((k) => after[k] !== (before[k] ?? 0));
}
