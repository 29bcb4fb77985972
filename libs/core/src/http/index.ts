export * from './configure-app';
