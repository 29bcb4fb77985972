import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One CSV upload: counts only; the per-line report goes back to the uploader and is not stored. */
@Entity({ name: 'arrears_signal_import' })
export class SignalImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'owner_organisation_id', type: 'uuid' }) ownerOrganisationId: string;
  @Column({ name: 'imported_by', type: 'uuid', nullable: true }) importedBy: string | null;
  @Column({ name: 'imported_at', type: 'timestamptz', insert: false, update: false }) importedAt: Date;
  @Column({ name: 'line_count', type: 'int' }) lineCount: number;
  @Column({ type: 'int' }) accepted: number;
  @Column({ type: 'int' }) duplicates: number;
  @Column({ type: 'int' }) invalid: number;
  /** Always 0: an import is stored whole or not at all (the column dates from chunked imports). */
  @Column({ name: 'not_stored', type: 'int' }) notStored: number;
}
