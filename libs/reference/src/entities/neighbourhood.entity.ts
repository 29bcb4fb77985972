import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A buurt or wijk; Heuvelland municipalities have one "Kern ..." neighbourhood each for now. */
@Entity({ name: 'neighbourhood' })
export class Neighbourhood {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ApiProperty({ example: 'Pottenberg' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @ApiProperty({ example: 2800, description: 'Aantal inwoners (noemer voor wijkcijfers)' })
  @Column({ name: 'inhabitants', type: 'integer' })
  inhabitants: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt: Date;
}
