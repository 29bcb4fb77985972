import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';

const logger = new Logger('DatabasePool');

/**
 * A pooled connection that the server closes (restart, failover, pg_terminate_backend) emits `error`
 * also while nobody is using it; an `error` event without a listener would end the process. The
 * request that needed the connection gets its own error (a 503); here it is only logged.
 */
export function logConnectionError(error: unknown) {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  logger.warn({ err: { code, message } }, 'database connection lost');
}

/** Gives every pooled connection a listener of its own, whoever holds it at the moment of the error. */
export function watchConnection(client: EventEmitter) {
  client.on('error', logConnectionError);
}

/** For the pool's own `error` event: the connection's listener has logged the error already. */
export function ignoreRepeatedError() {}
