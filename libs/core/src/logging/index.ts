export * from './log-stream';
export * from './logging.module';
