import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'team' })
export class Team {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ApiProperty({ example: 'SZMH Team Noordwest' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Leeg: werkt regiobreed' })
  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt: Date;
}
