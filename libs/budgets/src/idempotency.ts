import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@app/core';
import { IdempotencyKey, IdempotentOperation } from './entities';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface StoredAnswer {
  status: number;
  body: unknown;
  replayed: true;
}

/** Checks the header's form; undefined when the caller sent none. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw DomainError.invalidField(
      IDEMPOTENCY_HEADER,
      'Idempotency-Key moet 1 tot 200 zichtbare ASCII-tekens zijn (bijvoorbeeld een UUID).',
    );
  }
  return header;
}

/**
 * Idempotency keys of money-moving writes, scoped per user. The key is claimed by an INSERT in the
 * transaction of the work: a concurrent repeat waits on that row and then finds the stored answer; if
 * the work is refused, the claim is rolled back with it and a repeat simply tries again.
 */
@Injectable()
export class IdempotencyStore {
  /** Claims the key (returns null) or returns the first answer to the same command. */
  async claim(
    m: EntityManager,
    userId: string,
    key: string,
    operation: IdempotentOperation,
    targetId: string,
    command: Record<string, unknown>,
  ): Promise<StoredAnswer | null> {
    const requestHash = hashOf(operation, targetId, command);
    const inserted: unknown[] = await m.query(
      `INSERT INTO budget_idempotency_key (user_id, key, operation, target_id, request_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, operation, targetId, requestHash],
    );
    if (inserted.length === 1) return null;
    const stored = await m.findOneByOrFail(IdempotencyKey, { userId, key });
    if (stored.requestHash !== requestHash) {
      throw new DomainError(
        ErrorCode.BusinessRule,
        'Deze Idempotency-Key is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel.',
        { errors: [{ field: IDEMPOTENCY_HEADER, message: 'al gebruikt voor een ander verzoek' }] },
      );
    }
    if (stored.responseStatus === null) {
      throw DomainError.conflict('Dit verzoek wordt nog verwerkt; probeer het zo opnieuw.');
    }
    return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
  }

  /** Stores the answer with the claim, in the same transaction as the work. */
  async complete(m: EntityManager, userId: string, key: string, status: number, body: unknown) {
    await m.update(IdempotencyKey, { userId, key }, { responseStatus: status, responseBody: body as object });
  }
}

/** The command as a canonical string (sorted keys), so equal commands hash equally. */
function hashOf(operation: string, targetId: string, command: Record<string, unknown>) {
  const canonical = JSON.stringify({ operation, targetId, command }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}
