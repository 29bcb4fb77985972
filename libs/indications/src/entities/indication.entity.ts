import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Pillar } from '@app/access';
import type { BeschikkingOutcome, IndicationStatus } from '../indication-state-machine';
import type { ClockKind } from '../legal-clocks';

export const FORMS = ['ZiN', 'PGB'] as const;
export type ProvisionForm = (typeof FORMS)[number];

/** Wgs art. 4: situations in which the first conversation is due within 3 working days. */
export const THREATS = [
  'huisuitzetting',
  'afsluiting_energie',
  'afsluiting_water',
  'beeindiging_zorgverzekering',
] as const;
export type Threat = (typeof THREATS)[number];

/**
 * An indication of one person with its procedure. Property names are the field names of the access
 * rules (INDICATION_SUMMARY_FIELDS / INDICATION_DETAIL_FIELDS); the SQL translator resolves them here.
 */
@Entity({ name: 'indication' })
export class Indication {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) pillar: Pillar;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ type: 'text', nullable: true }) form: ProvisionForm | null;
  @Column({ type: 'text', nullable: true }) provider: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text' }) status: IndicationStatus;
  @Column({ name: 'melding_date', type: 'date' }) meldingDate: string;
  @Column({ name: 'aanvraag_date', type: 'date', nullable: true }) aanvraagDate: string | null;
  @Column({ name: 'first_conversation_date', type: 'date', nullable: true })
  firstConversationDate: string | null;
  @Column({ type: 'text', nullable: true }) threat: Threat | null;
  @Column({ name: 'beschikking_date', type: 'date', nullable: true }) beschikkingDate: string | null;
  @Column({ name: 'beschikking_outcome', type: 'text', nullable: true })
  beschikkingOutcome: BeschikkingOutcome | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ name: 'withdrawn_on', type: 'date', nullable: true }) withdrawnOn: string | null;
  /** Deadline of the clock running now; kept in step by the service for the worklists' SQL. */
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  @Column({ name: 'deadline_clock', type: 'text', nullable: true }) deadlineClock: ClockKind | null;
  @Column({ name: 'handler_user_id', type: 'uuid', nullable: true }) handlerUserId: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
