import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS_COLUMN } from '../money';

/**
 * The maatwerkbudget of one municipality for one year. `committedCents` (granted, not yet paid) and
 * `paidCents` move only through BudgetLedger's guarded updates; the database refuses any state where
 * they exceed `amountCents`.
 */
@Entity({ name: 'budget' })
export class Budget {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS_COLUMN }) amountCents: number;
  @Column({
    name: 'committed_cents',
    type: 'bigint',
    transformer: CENTS_COLUMN,
    insert: false,
    update: false,
  })
  committedCents: number;
  @Column({ name: 'paid_cents', type: 'bigint', transformer: CENTS_COLUMN, insert: false, update: false })
  paidCents: number;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
