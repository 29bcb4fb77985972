import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ACTOR_TYPES, ActorType, OWNER_TYPES, OwnerType } from '../life-domains';

/** Who owns a goal: a current member (person id) or a case-team professional (user id). */
export class OwnerDto {
  @ApiProperty({ enum: OWNER_TYPES }) @IsIn(OWNER_TYPES) type: OwnerType;
  @ApiProperty({ description: 'personId van het gezinslid of userId van de professional' })
  @IsUUID()
  id: string;
}

/** Who carries out an action: a member, a case-team professional or an organisation by name. */
export class ActorDto {
  @ApiProperty({ enum: ACTOR_TYPES }) @IsIn(ACTOR_TYPES) type: ActorType;
  @ApiPropertyOptional({ description: 'personId of userId; niet bij een organisatie' })
  @ValidateIf((actor: ActorDto) => actor.type !== 'organisation')
  @IsUUID()
  id?: string;
  @ApiPropertyOptional({ example: 'Maasvallei woningcorporatie', description: 'Alleen bij een organisatie' })
  @ValidateIf((actor: ActorDto) => actor.type === 'organisation')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}
