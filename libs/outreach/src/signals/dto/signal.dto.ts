import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import {
  ATTEMPT_KINDS,
  AttemptKind,
  CREDITOR_TYPES,
  CreditorType,
  SIGNAL_OUTCOMES,
  SignalOutcome,
} from '../../outreach.vocabulary';
import { OptionalBooleanQuery } from '../../query-params';

export class ImportSignalsQuery {
  @ApiPropertyOptional({ description: 'De gemeente van de signalen; standaard mijn enige gemeente' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;
}

export const WORKLIST_STATUSES = ['open', 'closed', 'all'] as const;

export class WorklistQuery {
  @ApiPropertyOptional({ enum: WORKLIST_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(WORKLIST_STATUSES)
  status?: (typeof WORKLIST_STATUSES)[number];
  @ApiPropertyOptional({ description: 'Alleen signalen die aan mij zijn toegewezen' })
  @OptionalBooleanQuery()
  mine?: boolean;
  @ApiPropertyOptional({ enum: CREDITOR_TYPES })
  @IsOptional()
  @IsIn(CREDITOR_TYPES)
  creditorType?: CreditorType;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** Follow-up of a signal: outcome, a request for help (starts the Wgs clock), the first conversation, owner. */
export class UpdateSignalDto {
  @ApiPropertyOptional({ enum: SIGNAL_OUTCOMES, nullable: true })
  @IsOptional()
  @IsIn(SIGNAL_OUTCOMES)
  outcome?: SignalOutcome | null;
  @ApiPropertyOptional({ description: 'Standaard vandaag' })
  @IsOptional()
  @IsCalendarDate()
  outcomeOn?: string;
  @ApiPropertyOptional({ description: 'De inwoner vraagt om hulp: de Wgs-termijn begint' })
  @IsOptional()
  @IsCalendarDate()
  helpRequestedOn?: string;
  @ApiPropertyOptional({
    description: 'Dreigende situatie (huisuitzetting, afsluiting, beëindiging zorgverzekering)',
  })
  @IsOptional()
  @IsBoolean()
  threatening?: boolean;
  @ApiPropertyOptional({ description: 'Het (geplande) eerste gesprek' })
  @IsOptional()
  @IsCalendarDate()
  firstConversationOn?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Een collega van de eigen organisatie, of null' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  ownerUserId?: string | null;
}

export class CreateAttemptDto {
  @ApiProperty({ enum: ATTEMPT_KINDS }) @IsIn(ATTEMPT_KINDS) kind: AttemptKind;
  @ApiProperty({ example: '2026-11-18' }) @IsCalendarDate() attemptedOn: string;
  @ApiProperty({ description: 'Is de inwoner bereikt?' }) @IsBoolean() reached: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) note?: string;
}

export class TransferSignalDto {
  @ApiProperty({ description: 'KBL of de financieel coaches' }) @IsUUID() organisationId: string;
}

export class FeedbackQuery {
  @ApiProperty({ example: 'Maasvallei' }) @IsString() @IsNotEmpty() @MaxLength(200) creditor: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @IsOnOrAfter('from') to?: string;
}

export class SignalFiguresQuery {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @IsOnOrAfter('from') to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() municipalityId?: string;
}
