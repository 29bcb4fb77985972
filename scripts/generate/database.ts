import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../libs/core/src/database/embedded-database';
import type { LoadStep } from './model';
import type { ReferenceData } from './types';

/** The generator's own embedded server: the demo data in .data/postgres stays as it is. */
export const BENCH_DATA_DIR = resolve(process.cwd(), '.data/bench-postgres');
export const GENERATED_EMAIL_DOMAIN = '@generated.gezinsplan.nl';

export interface Target {
  url: string;
  embedded?: EmbeddedDatabase;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in .data/bench-postgres (started here). */
export async function openTarget(
  databaseUrl: string | undefined,
  dataDir: string = BENCH_DATA_DIR,
): Promise<Target> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => undefined };
  const embedded = await startEmbeddedDatabase(dataDir, { persistent: true, database: 'gezinsplan' });
  return { url: embedded.url, embedded, stop: () => embedded.stop() };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'gezinsplan-generate' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether this database already holds generated data (generated accounts exist). */
export function hasGeneratedData(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('public.user_account') IS NOT NULL AS present`,
    );
    if (!rows[0].present) return false;
    const found = await client.query(`SELECT 1 FROM user_account WHERE email LIKE $1 LIMIT 1`, [
      `%${GENERATED_EMAIL_DOMAIN}`,
    ]);
    return (found.rowCount ?? 0) > 0;
  });
}

/** Drops and creates the database of `url` (through the server's `postgres` database). */
export async function recreateDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`refusing to recreate database with name '${name}'`);
  parsed.pathname = '/postgres';
  await withClient(parsed.toString(), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export function readReference(url: string): Promise<ReferenceData> {
  return withClient(url, async (client) => {
    const q = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const tables = await q<{ budgets: boolean; outreach: boolean }>(
      `SELECT to_regclass('public.budget_request') IS NOT NULL AS budgets,
              to_regclass('public.arrears_signal') IS NOT NULL
                AND to_regclass('public.spreekuur_contact') IS NOT NULL AS outreach`,
    );
    return {
      municipalities: await q(`SELECT id, code, name FROM municipality ORDER BY code`),
      neighbourhoods: await q(
        `SELECT id, municipality_id AS "municipalityId", name, inhabitants FROM neighbourhood ORDER BY municipality_id, name`,
      ),
      organisations: await q(`SELECT id, name, kind FROM organisation ORDER BY id`),
      teams: await q(
        `SELECT id, organisation_id AS "organisationId", name, municipality_id AS "municipalityId" FROM team ORDER BY id`,
      ),
      wijkservicepunten: await q(
        `SELECT id, municipality_id AS "municipalityId", name FROM wijkservicepunt ORDER BY name`,
      ),
      tables: tables[0],
    };
  });
}

/** Row triggers paused during the load (see loadSteps). */
const PAUSED_TRIGGERS = ['plan_goal_frozen', 'plan_action_frozen'];

export interface LoadTiming {
  step: string;
  rows: number;
  bytes: number;
  ms: number;
}

/**
 * Loads every step in one transaction with COPY (and SQL for the few updates). As pg_restore does,
 * the foreign keys of the loaded tables are dropped first and added again at the end (same names,
 * same definitions from pg_get_constraintdef): adding a foreign key validates all rows in one join
 * instead of one lookup per row and key, which is most of the cost at region scale. Every other
 * constraint, trigger and index stays on throughout, and nothing is committed unless every foreign
 * key validates again. The two row triggers that freeze agreed plan versions are paused as well: the
 * load inserts goals and actions only into versions that are still concept (plan versions load in
 * rounds by number, each round agreed before the next), which is what they check, at ~100 µs a row.
 * Afterwards VACUUM ANALYZE, as a maintained production database would be.
 * `keepForeignKeys` loads with them on (slower; the same checks).
 */
export async function loadSteps(
  url: string,
  steps: LoadStep[],
  log: (line: string) => void = () => undefined,
  options: { keepForeignKeys?: boolean } = {},
): Promise<{ timings: LoadTiming[]; vacuumMs: number }> {
  const timings: LoadTiming[] = [];
  const tables = [
    ...new Set(
      steps.flatMap((s) =>
        s.kind === 'copy' && !s.table.table.startsWith('generate_') ? [s.table.table] : [],
      ),
    ),
  ];
  const timed = async (step: string, rows: number, bytes: number, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    timings.push({ step, rows, bytes, ms });
    log(
      `  ${step.padEnd(34)} ${rows ? String(rows).padStart(9) + ' rows' : ''.padStart(14)} ${Math.round(ms)} ms`,
    );
  };
  await withClient(url, async (client) => {
    await client.query('BEGIN');
    try {
      const { rows: foreignKeys } = await client.query<{ name: string; tbl: string; def: string }>(
        `SELECT c.conname AS name, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def
           FROM pg_constraint c
          WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
          ORDER BY c.conrelid::regclass::text, c.conname`,
        [tables],
      );
      const { rows: paused } = await client.query<{ tbl: string; name: string }>(
        `SELECT t.tgrelid::regclass::text AS tbl, t.tgname AS name FROM pg_trigger t
          WHERE NOT t.tgisinternal AND t.tgname = ANY($1::text[]) AND t.tgrelid = ANY($2::regclass[])`,
        [PAUSED_TRIGGERS, tables],
      );
      if (!options.keepForeignKeys) {
        await timed(`drop ${foreignKeys.length} foreign keys`, 0, 0, async () => {
          for (const fk of foreignKeys)
            await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
          for (const t of paused) await client.query(`ALTER TABLE ${t.tbl} DISABLE TRIGGER "${t.name}"`);
        });
      }
      for (const step of steps) {
        if (step.kind === 'sql') {
          await timed(step.label, 0, 0, () => client.query(step.sql));
          continue;
        }
        const { table } = step;
        await timed(table.key, table.rows, table.bytes, async () => {
          try {
            await pipeline(table.stream(), client.query(copyFrom(table.copySql())));
          } catch (error) {
            throw new Error(`COPY ${table.key} failed: ${(error as Error).message}`);
          }
        });
      }
      // Deferred checks (one active regisseur per household) run now, before the tables are altered.
      await timed('deferred checks', 0, 0, () => client.query('SET CONSTRAINTS ALL IMMEDIATE'));
      if (!options.keepForeignKeys) {
        await timed(`validate ${foreignKeys.length} foreign keys`, 0, 0, async () => {
          for (const fk of foreignKeys) {
            try {
              await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
            } catch (error) {
              throw new Error(`foreign key ${fk.name} on ${fk.tbl}: ${(error as Error).message}`);
            }
          }
          for (const t of paused) await client.query(`ALTER TABLE ${t.tbl} ENABLE TRIGGER "${t.name}"`);
        });
      }
      await timed('commit', 0, 0, () => client.query('COMMIT'));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
  const vacuumStarted = performance.now();
  await withClient(url, async (client) => {
    await client.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  });
  return { timings, vacuumMs: performance.now() - vacuumStarted };
}
