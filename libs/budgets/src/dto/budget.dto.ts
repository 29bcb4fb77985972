import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_BUDGET_CENTS } from '../money';
import { AmountFields, GivenAmount } from './amount';

const BUDGET_AMOUNT = AmountFields({ minCents: 0, maxCents: MAX_BUDGET_CENTS });

export class SetBudgetDto implements GivenAmount {
  @BUDGET_AMOUNT.amount amount?: string;
  @BUDGET_AMOUNT.amountCents amountCents?: number;
}

export class BudgetYearQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year moet een jaartal zijn' })
  @Min(2020, { message: 'year moet tussen 2020 en 2100 liggen' })
  @Max(2100, { message: 'year moet tussen 2020 en 2100 liggen' })
  year: number;
}
