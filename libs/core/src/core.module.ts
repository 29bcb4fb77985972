import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
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
    LoggingModule,
    DatabaseModule,
    HealthModule,
  ],
  providers: [Clock],
  exports: [Clock],
})
export class CoreModule {}
