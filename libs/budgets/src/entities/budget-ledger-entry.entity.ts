import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS_COLUMN } from '../money';

export type LedgerEntryKind = 'commitment' | 'release' | 'payment';

/**
 * One movement of a budget's totals. The sums of the deltas per budget equal the budget row's
 * committed and paid totals: both are written in the same transaction. Append-only.
 */
@Entity({ name: 'budget_ledger_entry' })
export class BudgetLedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'payment_id', type: 'uuid', nullable: true }) paymentId: string | null;
  @Column({ type: 'text' }) kind: LedgerEntryKind;
  @Column({ name: 'committed_delta_cents', type: 'bigint', transformer: CENTS_COLUMN })
  committedDeltaCents: number;
  @Column({ name: 'paid_delta_cents', type: 'bigint', transformer: CENTS_COLUMN }) paidDeltaCents: number;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedById: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
}
