export * from './audit.module';
export * from './audit.service';
export * from './audit.types';
export type { ChainTable, ChainVerification } from './chain-verifier';
export * from './processing-activity.decorator';
export * from './processing-log.reader';
export * from './route-declarations';
export * from './refusal-entry';
