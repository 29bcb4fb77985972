import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PILLARS, type Pillar } from '@app/access';

/** A product of the catalogue (hulp bij het huishouden, ambulante jeugdhulp, WSNP, ...), per pillar. */
@Entity({ name: 'product' })
export class Product {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ enum: PILLARS }) @Column({ type: 'text' }) pillar: Pillar;
  @ApiProperty({ example: 'wmo-hbh' }) @Column({ type: 'text' }) code: string;
  @ApiProperty({ example: 'Hulp bij het huishouden' }) @Column({ type: 'text' }) name: string;
  /** What the summary shows to other pillars (rule 3); every Jeugd product is 'jeugdhulp'. */
  @ApiProperty({ example: 'huishoudelijke hulp' }) @Column({ type: 'text' }) category: string;
  @ApiProperty() @Column({ type: 'boolean', default: true }) active: boolean;
  @ApiProperty()
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
  @ApiProperty() @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
