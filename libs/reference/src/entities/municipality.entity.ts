import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'municipality' })
export class Municipality {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ApiProperty({ example: 'maastricht' })
  @Column({ name: 'code', type: 'text' })
  code: string;

  @ApiProperty({ example: 'Maastricht' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt: Date;
}
