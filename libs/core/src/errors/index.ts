export * from './database-unavailable';
export * from './domain-error';
export * from './error-codes';
export * from './problem-details';
export * from './problem-details.filter';
export * from './to-problem';
export * from './validation';
