export * from './data-source-options';
export * from './database.module';
export * from './embedded-database';
export * from './run-migrations';
export * from './app-login';
export * from './many-with-total';
