import 'reflect-metadata';
import { appConfig, EmbeddedDatabase, ensureAppLogin, runMigrations, startEmbeddedDatabase } from '@app/core';
import { createApp } from './create-app';
import { seedDemoData } from './demo-seed';

async function main() {
  const config = appConfig(); // validates settings before anything starts
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    console.log('DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres');
    embedded = await startEmbeddedDatabase();
    process.env.DATABASE_URL = embedded.url;
  }
  let stopping = false;
  const stop = async (app?: { close(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  };
  try {
    const applied = await runMigrations(process.env.DATABASE_URL);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    // On our own embedded server the application gets a login of its own that owns nothing.
    if (embedded && !process.env.DATABASE_APP_URL)
      process.env.DATABASE_APP_URL = await ensureAppLogin(embedded.url);
    const app = await createApp();
    if (config.demoData) await seedDemoData(app);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stop(app).then(() => process.exit(0)));
    }
    await app.listen(config.port);
    console.log(`Gezinsplan is ready on http://localhost:${config.port}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(
    'Gezinsplan could not start:',
    error instanceof Error ? error.message : (error ?? 'unknown error'),
  );
  process.exit(1);
});
