import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A wijkservicepunt where a financial coach holds spreekuur; managed by the functioneel beheerder. */
@Entity({ name: 'coach_location' })
export class CoachLocation {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'wijkservicepunt_id', type: 'uuid' }) wijkservicepuntId: string;
  /** The default location of a new contact; at most one per coach. */
  @Column({ name: 'is_primary', type: 'boolean', default: false }) isPrimary: boolean;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', insert: false, update: false }) assignedAt: Date;
}
