import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/core';
import { LEERPUNT_THEMES, LeerpuntTheme } from '../entities';

/** Text with at least one visible character (the database refuses blank text too). */
const NotBlank = () => Matches(/\S/, { message: ({ property }) => `${property} mag niet leeg zijn` });

export class ReviewActionInputDto {
  @ApiProperty({ example: 'Budgetcoach en KBL plannen een gezamenlijk gesprek' })
  @IsString()
  @IsNotEmpty()
  @NotBlank()
  @MaxLength(2000)
  description: string;
  @ApiProperty({
    example: 'Consulent Wmo',
    description: 'Wie de actie uitvoert (rol of naam van de professional)',
  })
  @IsString()
  @IsNotEmpty()
  @NotBlank()
  @MaxLength(200)
  owner: string;
  @ApiProperty({ example: '2026-12-15' }) @IsCalendarDate() dueOn: string;
  @ApiPropertyOptional({ example: null, description: 'Datum waarop de actie klaar was; leeg = nog open' })
  @IsOptional()
  @IsCalendarDate()
  doneOn?: string | null;
}

export class LeerpuntInputDto {
  @ApiProperty({ enum: LEERPUNT_THEMES }) @IsIn(LEERPUNT_THEMES) theme: LeerpuntTheme;
  @ApiProperty({ example: 'Eén plan over de pijlers heen voorkwam dubbele intakes.' })
  @IsString()
  @IsNotEmpty()
  @NotBlank()
  @MaxLength(4000)
  text: string;
}

/** A whole review as written by the teamleider; an update replaces it (with If-Match). */
export class CaseReviewInputDto {
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() reviewedOn: string;
  @ApiProperty({ type: [String], example: ['teamleider', 'regisseur (consulent Wmo)', 'KBL'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  participants: string[];
  @ApiProperty({ example: 'Schulden stabiel; regie ligt duidelijk bij de consulent Wmo.' })
  @IsString()
  @IsNotEmpty()
  @NotBlank()
  @MaxLength(8000)
  findings: string;
  @ApiProperty({ type: [ReviewActionInputDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReviewActionInputDto)
  actions: ReviewActionInputDto[];
  @ApiProperty({ type: [LeerpuntInputDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LeerpuntInputDto)
  leerpunten: LeerpuntInputDto[];
  @ApiPropertyOptional({ example: '2027-02-20', nullable: true, description: 'Na reviewedOn' })
  @ValidateIf((_o: object, v: unknown) => v !== null && v !== undefined)
  @IsCalendarDate()
  nextReviewOn?: string | null;
}

export class ActionDoneDto {
  @ApiProperty({ description: 'true: klaar (vandaag), false: weer open' }) @IsBoolean() done: boolean;
}

export class ReviewActionViewDto {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty() owner: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ nullable: true, type: String }) doneOn: string | null;
  @ApiProperty({ description: 'Open en de datum is verstreken' }) overdue: boolean;
}

export class LeerpuntViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LEERPUNT_THEMES }) theme: LeerpuntTheme;
  @ApiProperty() themeLabel: string;
  @ApiProperty() text: string;
}

export class CaseReviewViewDto {
  @ApiProperty() id: string;
  @ApiProperty() householdId: string;
  @ApiProperty() reviewedOn: string;
  @ApiProperty() reviewer: string;
  @ApiProperty({ type: [String] }) participants: string[];
  @ApiProperty() findings: string;
  @ApiProperty({ type: [ReviewActionViewDto] }) actions: ReviewActionViewDto[];
  @ApiProperty({ type: [LeerpuntViewDto] }) leerpunten: LeerpuntViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextReviewOn: string | null;
  @ApiProperty({ description: 'Ook als ETag; stuur die mee in If-Match bij wijzigen' }) version: number;
}
