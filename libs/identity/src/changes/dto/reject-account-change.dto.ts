import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RejectAccountChangeDto {
  @ApiProperty({ example: 'Geen aanvraag van de teamleider ontvangen', maxLength: 1000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason is verplicht' })
  @Matches(/\S/, { message: 'reason is verplicht' })
  @MaxLength(1000, { message: 'reason is te lang (hoogstens 1000 tekens)' })
  reason: string;
}
