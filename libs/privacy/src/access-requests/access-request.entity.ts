import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '../labels';

/** An AVG art. 15 request: who asked (by person id), when and how, the one-month deadline and delivery. */
@Entity({ name: 'access_request' })
export class AccessRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Kenmerk for correspondence, e.g. AVG-2026-0001. */
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'received_on', type: 'date' }) receivedOn: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'registered_by', type: 'uuid' }) registeredBy: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'last_exported_at', type: 'timestamptz', nullable: true }) lastExportedAt: Date | null;
  @Column({ name: 'delivered_on', type: 'date', nullable: true }) deliveredOn: string | null;
  @Column({ name: 'delivered_by', type: 'uuid', nullable: true }) deliveredBy: string | null;
  /** AVG art. 12 lid 3: the deadline after the one extension by two further months. */
  @Column({ name: 'extended_deadline', type: 'date', nullable: true }) extendedDeadline: string | null;
  @Column({ name: 'extension_reason', type: 'text', nullable: true }) extensionReason: string | null;
  /** The day the person was told of the extension and why (within the first month). */
  @Column({ name: 'extension_informed_on', type: 'date', nullable: true }) extensionInformedOn: string | null;
  @Column({ name: 'extended_by', type: 'uuid', nullable: true }) extendedBy: string | null;
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true }) extendedAt: Date | null;
}
