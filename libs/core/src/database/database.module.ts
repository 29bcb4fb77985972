import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, DatabaseConfig } from '../config/database.config';
import { appConnectionExtra } from './data-source-options';
import { ignoreRepeatedError } from './pool-errors';
import { SafeTypeOrmLogger } from './safe-typeorm-logger';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(databaseConfig)],
      inject: [databaseConfig.KEY],
      useFactory: (db: DatabaseConfig) => ({
        type: 'postgres',
        url: db.appUrl ?? db.url,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        // Extensions are created by the migrations; the application role may not create them.
        installExtensions: false,
        logging: ['error', 'warn'],
        logger: new SafeTypeOrmLogger(['error', 'warn']),
        maxQueryExecutionTime: 2000,
        extra: appConnectionExtra(db.appRole, db.appUrl !== undefined, {
          acquireTimeoutMs: db.acquireTimeoutMs,
        }),
        // Each connection logs its own errors (appConnectionExtra); the pool repeats them for idle ones.
        poolErrorHandler: ignoreRepeatedError,
      }),
    }),
  ],
})
export class DatabaseModule {}
