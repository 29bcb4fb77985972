export * from './clock';
export * from './config';
export * from './context';
export * from './core.module';
export * from './database';
export * from './errors';
export * from './http';
export * from './logging';
