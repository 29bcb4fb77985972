import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import { BEZWAAR_OUTCOMES, BezwaarOutcome } from '../entities';
import { BESCHIKKING_OUTCOMES, BeschikkingOutcome } from '../indication-state-machine';

export class AanvraagDto {
  @ApiProperty({ example: '2026-03-16' }) @IsCalendarDate() aanvraagDate: string;
}

export class FirstConversationDto {
  @ApiProperty({ example: '2026-03-05' }) @IsCalendarDate() firstConversationDate: string;
}

export class SuspensionDto {
  @ApiProperty({ example: '2026-03-20', description: 'Eerste dag van de opschorting' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ description: 'Laatste dag; leeg zolang de opschorting duurt' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string;

  @ApiProperty({ example: 'Wachten op medisch advies' })
  @IsString({ message: 'reason moet tekst zijn' })
  @Matches(/\S/, { message: 'reason mag niet leeg zijn' })
  @MaxLength(500, { message: 'reason is te lang (maximaal 500 tekens)' })
  reason: string;
}

export class EndSuspensionDto {
  @ApiProperty({ example: '2026-04-02', description: 'Laatste dag van de opschorting' })
  @IsCalendarDate()
  endDate: string;
}

export class BeschikkingDto {
  @ApiProperty({ example: '2026-04-20' }) @IsCalendarDate() beschikkingDate: string;

  @ApiProperty({ enum: BESCHIKKING_OUTCOMES })
  @IsIn(BESCHIKKING_OUTCOMES, { message: 'outcome moet toegekend, afgewezen of buiten_behandeling zijn' })
  outcome: BeschikkingOutcome;

  @ApiPropertyOptional({ description: 'Begin van de voorziening (bij toekenning)' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ description: 'Einde van de voorziening (bij toekenning)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: '2026-03-30' }) @IsCalendarDate() withdrawnOn: string;
}

export class EndProvisionDto {
  @ApiProperty({ example: '2026-12-31' }) @IsCalendarDate() endDate: string;
}

export class BezwaarDto {
  @ApiProperty({ example: '2026-05-10', description: 'Datum van ontvangst van het bezwaarschrift' })
  @IsCalendarDate()
  receivedDate: string;
}

export class BezwaarDecisionDto {
  @ApiProperty({ example: '2026-06-15' }) @IsCalendarDate() decisionDate: string;

  @ApiProperty({ enum: BEZWAAR_OUTCOMES })
  @IsIn(BEZWAAR_OUTCOMES, {
    message: 'outcome moet ingetrokken, niet_ontvankelijk, ongegrond, deels_gegrond of gegrond zijn',
  })
  outcome: BezwaarOutcome;
}
