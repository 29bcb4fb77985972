export * from './cron-job';
