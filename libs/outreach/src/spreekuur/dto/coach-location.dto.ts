import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export class AssignCoachLocationsDto {
  @ApiProperty({ type: [String], description: 'Alle wijkservicepunten waar de coach spreekuur houdt' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  wijkservicepuntIds: string[];
  @ApiPropertyOptional({ description: 'De vaste locatie (standaard bij een nieuw contact)' })
  @IsOptional()
  @IsUUID()
  primaryWijkservicepuntId?: string;
}

export class ListCoachLocationsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() wijkservicepuntId?: string;
}
