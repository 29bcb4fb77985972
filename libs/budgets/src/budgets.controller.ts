import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { NoPersonalData } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { BudgetsService } from './budgets.service';
import { BudgetYearQueryDto, SetBudgetDto } from './dto';
import { BudgetYearPipe, uuidParam } from './params';

/** Budgets per municipality and year: amounts and totals, never a person. */
@ApiTags('budgets')
@NoPersonalData()
@Controller('budgets')
export class BudgetsController {
  constructor(private readonly budgets: BudgetsService) {}

  @Get()
  @Authorized('read', 'Budget')
  @ApiOkResponse({ description: 'Per gemeente: budget, toegekend-niet-betaald, betaald en resterend' })
  overview(@CurrentUser() user: AuthenticatedUser, @Query() query: BudgetYearQueryDto) {
    return this.budgets.overview(user, query.year);
  }

  @Get(':municipalityId/:year')
  @Authorized('read', 'Budget')
  @ApiOkResponse({ description: 'Het budget met het gebruik per team, per vervangen regeling en per status' })
  detail(
    @CurrentUser() user: AuthenticatedUser,
    @Param('municipalityId', uuidParam('municipalityId')) municipalityId: string,
    @Param('year', BudgetYearPipe) year: number,
  ) {
    return this.budgets.detail(user, municipalityId, year);
  }

  @Put(':municipalityId/:year')
  @Authorized('update', 'Budget')
  @ApiOkResponse({ description: 'Het vastgestelde budget' })
  async set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('municipalityId', uuidParam('municipalityId')) municipalityId: string,
    @Param('year', BudgetYearPipe) year: number,
    @Body() dto: SetBudgetDto,
  ) {
    return (await this.budgets.set(user, municipalityId, year, dto)).budget;
  }
}
