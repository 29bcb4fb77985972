import { runMigrations } from '../../libs/core/src/database/run-migrations';
import { PasswordHasher } from '../../libs/identity/src/auth/password-hasher';
import { DEMO_PASSWORD } from '../../libs/identity/src/demo/demo-users';
import { hasGeneratedData, loadSteps, LoadTiming, readReference, recreateDatabase } from './database';
import { generateModel, Summary } from './model';
import { SCALES, ScaleName } from './monitor';

export interface GeneratorOptions {
  scale: ScaleName;
  seed: number;
  /** Owner URL of a server/database to load into (migrations are run first). */
  databaseUrl: string;
  /** Reference date; default: today in Europe/Amsterdam (so worklists have work due now). */
  today?: string;
  households?: number;
  /** Drop and create the database first when it already holds generated data. */
  recreate?: boolean;
  /** Only build the rows (timing of the generation itself); load nothing. */
  dryRun?: boolean;
  password?: string;
  /** Load with the foreign keys on (slower); by default they are dropped and validated again at the end. */
  keepForeignKeys?: boolean;
  log?: (line: string) => void;
}

export interface GeneratorResult {
  summary: Summary;
  password: string;
  ms: { migrations: number; generate: number; load: number; vacuum: number; total: number };
  timings: LoadTiming[];
}

export function amsterdamToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** The whole run: (re)create if asked, migrate, read the reference data, generate, load. */
export async function runGenerator(options: GeneratorOptions): Promise<GeneratorResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  if (await hasGeneratedData(options.databaseUrl)) {
    if (!options.recreate) {
      throw new Error(
        'This database already holds generated data. Pass --recreate to drop and create it (everything in it is lost).',
      );
    }
    log('Dropping and creating the database (it held generated data)');
    await recreateDatabase(options.databaseUrl);
  }
  const migrationsStarted = performance.now();
  const applied = await runMigrations(options.databaseUrl);
  if (applied.length) log(`Applied ${applied.length} migrations`);
  const migrationsMs = performance.now() - migrationsStarted;

  const reference = await readReference(options.databaseUrl);
  const password = options.password ?? DEMO_PASSWORD;
  // argon2id is deliberately slow: hash once and give every generated account the same hash.
  const passwordHash = await new PasswordHasher().hash(password);
  const generateStarted = performance.now();
  const dataset = generateModel(
    {
      scale: SCALES[options.scale],
      households: options.households,
      seed: options.seed,
      today: options.today ?? amsterdamToday(),
      passwordHash,
    },
    reference,
  );
  const generateMs = performance.now() - generateStarted;
  log(
    `Generated ${Object.values(dataset.summary.rows).reduce((s, n) => s + n, 0)} rows in ${Math.round(generateMs)} ms` +
      (reference.tables.budgets ? '' : ' (no budget tables: skipped)') +
      (reference.tables.outreach ? '' : ' (no outreach tables: skipped)'),
  );
  if (options.dryRun) {
    dataset.dispose();
    return {
      summary: dataset.summary,
      password,
      ms: {
        migrations: migrationsMs,
        generate: generateMs,
        load: 0,
        vacuum: 0,
        total: performance.now() - started,
      },
      timings: [],
    };
  }
  const loadStarted = performance.now();
  const { timings, vacuumMs } = await loadSteps(options.databaseUrl, dataset.steps, log, {
    keepForeignKeys: options.keepForeignKeys,
  }).finally(() => dataset.dispose());
  const loadMs = performance.now() - loadStarted - vacuumMs;
  return {
    summary: dataset.summary,
    password,
    ms: {
      migrations: migrationsMs,
      generate: generateMs,
      load: loadMs,
      vacuum: vacuumMs,
      total: performance.now() - started,
    },
    timings,
  };
}
