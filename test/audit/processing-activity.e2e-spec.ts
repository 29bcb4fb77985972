import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Controller, Get, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import {
  AuditService,
  NoPersonalData,
  ProcessingActivity,
  routesWithoutProcessingDeclaration,
} from '@app/audit';
import { RequestContext, setLogStream } from '@app/core';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/create-app';
import { createTestDatabase } from '../setup/test-database';
import { CONSULENT, DOSSIER_READ } from './audit-context';

@Controller('audit-probe')
class ProbeController {
  constructor(
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly dataSource: DataSource,
  ) {}

  @Get('declared')
  @ProcessingActivity('households.dossier.read')
  async declared() {
    this.context.setPrincipal(CONSULENT); // normally the authentication guard's job
    await this.dataSource.transaction((m) =>
      this.audit.record(m, { ...DOSSIER_READ, activityId: undefined }),
    );
    return { activity: this.context.processingActivity };
  }

  @Get('silent')
  @NoPersonalData()
  silent() {
    return { activity: this.context.processingActivity ?? null };
  }

  @Get('undeclared')
  undeclared() {
    return {};
  }
}

@Controller('audit-probe-plans')
@ProcessingActivity('plans.read')
class ClassLevelProbeController {
  constructor(private readonly context: RequestContext) {}

  @Get()
  read() {
    return { activity: this.context.processingActivity };
  }
}

@Module({ controllers: [ProbeController, ClassLevelProbeController] })
class ProbeModule {}

describe('audit: route declarations of processing activities', () => {
  let app: NestExpressApplication;
  let db: Pool;
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    process.env.DATABASE_URL = databaseUrl;
    process.env.NODE_ENV = 'test';
    setLogStream(new Writable({ write: (_chunk, _encoding, done) => done() }));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
    configureHttp(app);
    await app.init();
    db = new Pool({ connectionString: databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await app.close();
    await db.end();
    setLogStream(undefined);
  });

  it("logs under the route's declared activity, in the request's trace", async () => {
    const requestId = randomUUID();
    const res = await supertest(app.getHttpServer())
      .get('/api/v1/audit-probe/declared')
      .set('X-Request-Id', requestId)
      .expect(200);
    expect(res.body).toEqual({ activity: 'households.dossier.read' });
    const { rows } = await db.query(
      `SELECT processing_activity_id, user_id FROM access_audit WHERE trace_id = $1`,
      [requestId.replace(/-/g, '')],
    );
    expect(rows).toEqual([{ processing_activity_id: 'households.dossier.read', user_id: CONSULENT.id }]);
  });

  it('takes a controller-level declaration, and sets nothing for @NoPersonalData', async () => {
    const http = supertest(app.getHttpServer());
    await http.get('/api/v1/audit-probe-plans').expect(200, { activity: 'plans.read' });
    await http.get('/api/v1/audit-probe/silent').expect(200, { activity: null });
  });

  it('lists exactly the routes that declare neither (health exempt)', () => {
    const undeclared = routesWithoutProcessingDeclaration(app).filter((r) =>
      r.path.startsWith('/audit-probe'),
    );
    expect(undeclared).toEqual([
      expect.objectContaining({
        handler: 'ProbeController.undeclared',
        method: 'GET',
        path: '/audit-probe/undeclared',
      }),
    ]);
    expect(routesWithoutProcessingDeclaration(app).some((r) => r.path.startsWith('/health'))).toBe(false);
  });
});
