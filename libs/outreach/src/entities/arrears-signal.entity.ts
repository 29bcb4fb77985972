import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CreditorType, SignalOutcome } from '../outreach.vocabulary';

/**
 * A vroegsignalering signal: a creditor's report of arrears on vaste lasten. The natural key
 * (municipality, creditor type, creditor, BSN, received date) makes the same signal twice one signal.
 */
@Entity({ name: 'arrears_signal' })
export class ArrearsSignal {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Our reference, the only identifier that goes back to the creditor. */
  @Column({ type: 'text', insert: false, update: false }) reference: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'owner_organisation_id', type: 'uuid' }) ownerOrganisationId: string;
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId: string | null;
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId: string | null;
  @Column({ name: 'creditor_type', type: 'text' }) creditorType: CreditorType;
  @Column({ type: 'text' }) creditor: string;
  @Column({ name: 'creditor_key', type: 'text' }) creditorKey: string;
  @Column({ name: 'creditor_reference', type: 'text', nullable: true }) creditorReference: string | null;
  @Column({ type: 'char', length: 9 }) bsn: string;
  @Column({ type: 'char', length: 6 }) postcode: string;
  @Column({ name: 'house_number', type: 'int' }) houseNumber: number;
  @Column({ name: 'house_number_addition', type: 'text', nullable: true }) houseNumberAddition: string | null;
  @Column({ type: 'text', nullable: true }) street: string | null;
  @Column({ type: 'text', nullable: true }) city: string | null;
  @Column({ name: 'address_key', type: 'text' }) addressKey: string;
  @Column({ name: 'arrears_cents', type: 'bigint', transformer: { to: (v) => v, from: (v) => Number(v) } })
  arrearsCents: number;
  @Column({ name: 'arrears_months', type: 'smallint' }) arrearsMonths: number;
  @Column({ name: 'received_on', type: 'date' }) receivedOn: string;
  /** Eviction, cut-off or end of insurance announced: 3 working days for the first conversation. */
  @Column({ type: 'boolean', default: false }) threatening: boolean;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'neighbourhood_id', type: 'uuid', nullable: true }) neighbourhoodId: string | null;
  @Column({ type: 'boolean', default: false }) multiple: boolean;
  @Column({ type: 'boolean', default: false }) repeated: boolean;
  /** 3 hoog, 2 verhoogd, 1 normaal; computed by the database from the flags above. */
  @Column({ type: 'smallint', insert: false, update: false }) priority: number;
  @Column({ type: 'text', nullable: true }) outcome: SignalOutcome | null;
  @Column({ name: 'outcome_on', type: 'date', nullable: true }) outcomeOn: string | null;
  @Column({ name: 'help_requested_on', type: 'date', nullable: true }) helpRequestedOn: string | null;
  @Column({ name: 'first_conversation_on', type: 'date', nullable: true }) firstConversationOn: string | null;
  @Column({ name: 'feedback_exported_at', type: 'timestamptz', nullable: true })
  feedbackExportedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
