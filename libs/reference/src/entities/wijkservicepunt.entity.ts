import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A neighbourhood service point where e.g. the financial coaches hold spreekuur. */
@Entity({ name: 'wijkservicepunt' })
export class Wijkservicepunt {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @Column({ name: 'neighbourhood_id', type: 'uuid', nullable: true })
  neighbourhoodId: string | null;

  @ApiProperty({ example: 'Wijkservicepunt Nazareth' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt: Date;
}
