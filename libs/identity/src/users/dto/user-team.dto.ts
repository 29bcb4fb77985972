import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class UserTeamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'teamId is geen geldige id' })
  teamId: string;

  @ApiPropertyOptional({ default: false, description: 'Teamleider van dit team' })
  @IsOptional()
  @IsBoolean({ message: 'isLead moet true of false zijn' })
  isLead?: boolean;
}
