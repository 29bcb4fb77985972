import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Pillar, PILLARS, Role, ROLES } from '@app/access';
import { normalisedEmail } from './normalised-email';
import { UserTeamDto } from './user-team.dto';

export const MAX_MANDATE_CENTS = 100_000_000_00; // EUR 100 million: anything above is a typing error

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A new account. There is no password: the server makes a one-time password (shown once) that the
 * user replaces at first login, so the beheerder never knows a lasting password of anyone.
 */
export class CreateUserDto {
  @ApiProperty({ example: 'j.smeets@szmh.nl' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email is geen geldig e-mailadres' })
  @MaxLength(254, { message: 'email is te lang' })
  email: string;

  @ApiProperty({ example: 'Joep Smeets' })
  @Transform(trimmed)
  @IsString({ message: 'displayName is verplicht' })
  @Matches(/\S/, { message: 'displayName is verplicht' })
  @MaxLength(120, { message: 'displayName is te lang' })
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'organisationId is geen geldige id' })
  organisationId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray({ message: 'roles moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'roles moet minstens één rol bevatten' })
  @ArrayUnique({ message: 'roles bevat een rol dubbel' })
  @IsIn(ROLES, { each: true, message: `roles bevat een onbekende rol (toegestaan: ${ROLES.join(', ')})` })
  roles: Role[];

  @ApiPropertyOptional({ enum: PILLARS, isArray: true, default: [] })
  @IsOptional()
  @IsArray({ message: 'pillars moet een lijst zijn' })
  @ArrayUnique({ message: 'pillars bevat een pijler dubbel' })
  @IsIn(PILLARS, {
    each: true,
    message: `pillars bevat een onbekende pijler (toegestaan: ${PILLARS.join(', ')})`,
  })
  pillars?: Pillar[];

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, default: [] })
  @IsOptional()
  @IsArray({ message: 'municipalityIds moet een lijst zijn' })
  @ArrayUnique({ message: 'municipalityIds bevat een gemeente dubbel' })
  @IsUUID(undefined, { each: true, message: 'municipalityIds bevat een ongeldige id' })
  municipalityIds?: string[];

  @ApiPropertyOptional({ type: UserTeamDto, isArray: true, default: [] })
  @IsOptional()
  @IsArray({ message: 'teams moet een lijst zijn' })
  @ArrayUnique((team: UserTeamDto) => team?.teamId, { message: 'teams bevat een team dubbel' })
  @ValidateNested({ each: true })
  @Type(() => UserTeamDto)
  teams?: UserTeamDto[];

  @ApiPropertyOptional({ example: 50000, default: 0, description: 'Mandaat maatwerkbudget in eurocent' })
  @IsOptional()
  @IsInt({ message: 'mandateCents moet een geheel aantal eurocent zijn' })
  @Min(0, { message: 'mandateCents mag niet negatief zijn' })
  @Max(MAX_MANDATE_CENTS, { message: 'mandateCents is onwaarschijnlijk hoog' })
  mandateCents?: number;
}
