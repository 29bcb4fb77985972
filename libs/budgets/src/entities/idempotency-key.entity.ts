import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IdempotentOperation = 'decision' | 'payment';

/** The first answer to a money-moving write, replayed for a repeat with the same Idempotency-Key. */
@Entity({ name: 'budget_idempotency_key' })
export class IdempotencyKey {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) operation: IdempotentOperation;
  @Column({ name: 'target_id', type: 'uuid' }) targetId: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ name: 'response_status', type: 'int', nullable: true }) responseStatus: number | null;
  @Column({ name: 'response_body', type: 'jsonb', nullable: true }) responseBody: unknown;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
