export * from './access-request.dto';
export * from './processing-log.dto';
export * from './retention.dto';
