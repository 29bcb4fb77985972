import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A W3C / Logius trace id (32 hex) for a request id: a UUID keeps its own digits, so the trace id can be
 * found from the X-Request-Id a user reports; any other id is hashed.
 */
export function traceIdFor(requestId: string): string {
  if (UUID.test(requestId)) return requestId.replace(/-/g, '').toLowerCase();
  return createHash('sha256').update(requestId).digest('hex').slice(0, 32);
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}
