import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { Pool } from 'pg';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { setLogStream } from '@app/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/create-app';
import { createTestDatabase, withDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof supertest>;
  /** A superuser connection to this file's database, for arranging data and inspecting effects. */
  db: Pool;
  databaseUrl: string;
  logLines: string[];
  close(): Promise<void>;
}

export async function createTestApp(
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  process.env.DATABASE_URL = databaseUrl;
  const appLogin = process.env.TEST_APP_LOGIN_URL;
  if (appLogin) process.env.DATABASE_APP_URL = withDatabase(appLogin, new URL(databaseUrl).pathname.slice(1));
  process.env.LOG_LEVEL ??= 'info';
  process.env.NODE_ENV = 'test';
  const logLines: string[] = [];
  setLogStream(
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const moduleRef = await override(Test.createTestingModule({ imports: [AppModule] })).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttp(app);
  await app.init();
  const db = new Pool({ connectionString: databaseUrl, max: 4 });
  return {
    app,
    http: () => supertest(app.getHttpServer()),
    db,
    databaseUrl,
    logLines,
    close: async () => {
      await app.close();
      await db.end();
      setLogStream(undefined);
    },
  };
}
