import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS_COLUMN } from '../money';

/** One payment of a granted request. Append-only (the application role may not update or delete). */
@Entity({ name: 'budget_payment' })
export class BudgetPayment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS_COLUMN }) amountCents: number;
  @Column({ name: 'paid_on', type: 'date' }) paidOn: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  /** The last payment: whatever of the grant is left unpaid goes back to the budget. */
  @Column({ type: 'boolean', default: false }) final: boolean;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedById: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
