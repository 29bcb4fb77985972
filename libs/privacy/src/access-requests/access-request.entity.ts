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
}
