import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS_COLUMN } from '../money';
import type { BudgetRequestStatus, ReplacedScheme } from '../replaced-schemes';

/**
 * A request for maatwerkbudget for one household. Property names are those of the access rules
 * (householdId, municipalityId, amountCents, requestedById): the SQL translator resolves them.
 */
@Entity({ name: 'budget_request' })
export class BudgetRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  /** The member the request is for (addressee of the decision letter); null: the household as a whole. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  /** Goals of the household plan; ids of the plans context, deliberately without a foreign key. */
  @Column({ name: 'goal_ids', type: 'uuid', array: true }) goalIds: string[];
  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS_COLUMN }) amountCents: number;
  @Column({ type: 'text' }) justification: string;
  @Column({ name: 'replaced_schemes', type: 'text', array: true }) replacedSchemes: ReplacedScheme[];
  @Column({ name: 'payee_name', type: 'text' }) payeeName: string;
  @Column({ name: 'payee_iban', type: 'text', nullable: true }) payeeIban: string | null;
  @Column({ name: 'wanted_on', type: 'date' }) wantedOn: string;
  @Column({ type: 'text', default: 'ingediend' }) status: BudgetRequestStatus;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedById: string;
  @Column({ name: 'requester_team_id', type: 'uuid', nullable: true }) requesterTeamId: string | null;
  @Column({ name: 'requested_on', type: 'date' }) requestedOn: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedById: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) motivation: string | null;
  @Column({ name: 'paid_cents', type: 'bigint', transformer: CENTS_COLUMN, default: 0 }) paidCents: number;
  /** Granted but given back to the budget (withdrawn after the grant, or a final payment below it). */
  @Column({ name: 'released_cents', type: 'bigint', transformer: CENTS_COLUMN, default: 0 })
  releasedCents: number;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** What a granted request still holds of the budget: granted, not paid, not given back. */
export function outstandingCents(
  request: Pick<BudgetRequest, 'status' | 'amountCents' | 'paidCents' | 'releasedCents'>,
) {
  return request.status === 'toegekend' ? request.amountCents - request.paidCents - request.releasedCents : 0;
}
