import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, DatabaseConfig } from '../config/database.config';
import { appConnectionExtra } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(databaseConfig)],
      inject: [databaseConfig.KEY],
      useFactory: (db: DatabaseConfig) => ({
        type: 'postgres',
        url: db.url,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: ['error'],
        extra: appConnectionExtra(db.appRole),
      }),
    }),
  ],
})
export class DatabaseModule {}
