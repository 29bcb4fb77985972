import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, OrganisationKind } from '@app/access';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organisation' })
export class Organisation {
  @ApiProperty({ format: 'uuid' })
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @ApiProperty({ example: 'Kredietbank Limburg' })
  @Column({ name: 'name', type: 'text' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'kbl' })
  @Column({ name: 'kind', type: 'text' })
  kind: OrganisationKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt: Date;
}
