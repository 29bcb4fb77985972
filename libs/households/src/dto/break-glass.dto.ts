import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const BREAK_GLASS_CATEGORIES = [
  'acute-veiligheid',
  'crisis-buiten-kantoortijd',
  'regisseur-onbereikbaar',
  'wettelijke-termijn',
] as const;

export class BreakGlassDto {
  @ApiProperty({ enum: BREAK_GLASS_CATEGORIES }) @IsIn(BREAK_GLASS_CATEGORIES) category: string;
  @ApiProperty({ example: 'Melding huiselijk geweld buiten kantoortijd, regisseur niet bereikbaar' })
  @IsString()
  @MinLength(10, { message: 'Geef een reden van minstens 10 tekens' })
  @MaxLength(1000)
  reason: string;
}

export class ReviewBreakGlassDto {
  @ApiProperty({ enum: ['accepted', 'questioned'] }) @IsIn(['accepted', 'questioned']) outcome:
    'accepted' | 'questioned';
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) note?: string;
}
