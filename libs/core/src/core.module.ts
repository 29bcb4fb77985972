import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClsModule } from 'nestjs-cls';
import { RequestContext } from './context/request-context';
import { Clock } from './clock/clock';
import { appConfig } from './config/app.config';
import { databaseConfig } from './config/database.config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig, databaseConfig] }),
    ClsModule.forRoot({
      global: true,
      middleware: { mount: true, generateId: true, idGenerator: (req: { id?: unknown }) => String(req.id) },
    }),
    LoggingModule,
    DatabaseModule,
    HealthModule,
  ],
  providers: [Clock, RequestContext],
  exports: [Clock, RequestContext],
})
export class CoreModule {}
