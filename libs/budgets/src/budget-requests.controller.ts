import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { BudgetDecisionsService, IdempotentAnswer } from './budget-decisions.service';
import { BudgetPaymentsService } from './budget-payments.service';
import { BudgetRequestsService } from './budget-requests.service';
import {
  CreateBudgetRequestDto,
  DecideBudgetRequestDto,
  PageQueryDto,
  RecordPaymentDto,
  WithdrawBudgetRequestDto,
} from './dto';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from './idempotency';
import { DecisionLetterService } from './letter/decision-letter.service';
import { uuidParam } from './params';

const IDEMPOTENCY_DOC = {
  name: IDEMPOTENCY_HEADER,
  required: false,
  description:
    'Zelfde sleutel en zelfde verzoek: het eerste antwoord, zonder tweede effect. Zelfde sleutel, ander verzoek: 422.',
};

@ApiTags('budgets')
@Controller()
export class BudgetRequestsController {
  constructor(
    private readonly requests: BudgetRequestsService,
    private readonly decisions: BudgetDecisionsService,
    private readonly payments: BudgetPaymentsService,
    private readonly letters: DecisionLetterService,
  ) {}

  @Post('households/:householdId/budget-requests')
  @Authorized('create', 'BudgetRequest')
  @ProcessingActivity('budgets.request')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuidParam('householdId')) householdId: string,
    @Body() dto: CreateBudgetRequestDto,
  ) {
    return this.requests.create(user, householdId, dto);
  }

  @Get('households/:householdId/budget-requests')
  @Authorized('read', 'BudgetRequest')
  @ProcessingActivity('budgets.request')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuidParam('householdId')) householdId: string,
    @Query() query: PageQueryDto,
  ) {
    return this.requests.listForHousehold(user, householdId, query.page, query.pageSize);
  }

  @Get('budget-requests/worklist')
  @Authorized('decide', 'BudgetRequest')
  @ProcessingActivity('budgets.decision')
  @ApiOkResponse({ description: 'Aanvragen die wachten op een besluit dat u mag nemen, oudste eerst' })
  worklist(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.decisions.worklist(user, query.page, query.pageSize);
  }

  @Get('budget-requests/:id')
  @Authorized('read', 'BudgetRequest')
  @ProcessingActivity('budgets.request')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string) {
    return this.requests.get(user, id);
  }

  @Post('budget-requests/:id/decision')
  @HttpCode(200)
  @Authorized('decide', 'BudgetRequest')
  @ProcessingActivity('budgets.decision')
  @ApiHeader(IDEMPOTENCY_DOC)
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: DecideBudgetRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.decisions.decide(user, id, dto, idempotencyKeyOf(key)));
  }

  @Post('budget-requests/:id/payments')
  @Authorized('decide', 'BudgetRequest')
  @ProcessingActivity('budgets.payment')
  @ApiHeader(IDEMPOTENCY_DOC)
  async pay(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RecordPaymentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.payments.pay(user, id, dto, idempotencyKeyOf(key)));
  }

  @Post('budget-requests/:id/withdraw')
  @HttpCode(200)
  @Authorized('update', 'BudgetRequest')
  @ProcessingActivity('budgets.request')
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: WithdrawBudgetRequestDto,
  ) {
    return this.requests.withdraw(user, id, dto);
  }

  @Get('budget-requests/:id/decision-letter')
  @Authorized('read', 'BudgetRequest')
  @ProcessingActivity('budgets.decision')
  @ApiProduces('application/pdf')
  async letter(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { pdf, filename } = await this.letters.render(user, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf);
  }
}

/** The status of the first answer, and a header telling a repeat it got the stored one. */
function answer<T>(res: Response, result: IdempotentAnswer<T>): T {
  res.status(result.status);
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}
