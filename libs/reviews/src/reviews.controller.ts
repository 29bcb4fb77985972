import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '@app/identity';
import { CaseReviewsService } from './case-reviews.service';
import { CaseloadService } from './caseload/caseload.service';
import { CasusboekService } from './casusboek/casusboek.service';
import {
  ActionDoneDto,
  CaseloadPageDto,
  CaseloadQueryDto,
  CaseReviewInputDto,
  CaseReviewViewDto,
  CasusboekRequestDto,
} from './dto';
import { etagOf, IfMatchVersion, ReviewWrite } from './review-version';

const withEtag = (res: Response, view: CaseReviewViewDto) => {
  res.setHeader('ETag', etagOf(view.version));
  res.setHeader('Cache-Control', 'no-store');
  return view;
};

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly caseloadService: CaseloadService,
    private readonly reviews: CaseReviewsService,
    private readonly casusboek: CasusboekService,
  ) {}

  @Get('caseload')
  @Authorized('read', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ApiOperation({
    summary: 'Caseload van de teamleider',
    description:
      'De huishoudens van de eigen team(s) met regisseur, pijlers, planstand, termijnen, maatwerkbudget, ' +
      'laatste contact, dagen sinds de laatste bespreking, signalen en een risicoscore met uitleg.',
  })
  @ApiOkResponse({ type: CaseloadPageDto })
  caseload(@CurrentUser() user: AuthenticatedUser, @Query() query: CaseloadQueryDto) {
    return this.caseloadService.caseload(user, query);
  }

  @Get('households/:householdId/case-reviews')
  @Authorized('read', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ApiOperation({ summary: 'Casusbesprekingen van een huishouden, nieuwste eerst' })
  @ApiOkResponse({ type: [CaseReviewViewDto] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuidParam('householdId')) householdId: string,
  ) {
    return this.reviews.list(user, householdId);
  }

  @Post('households/:householdId/case-reviews')
  @Authorized('create', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ApiOperation({ summary: 'Casusbespreking vastleggen (bevindingen, afspraken, leerpunten)' })
  @ApiCreatedResponse({ type: CaseReviewViewDto, description: 'Met ETag' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', uuidParam('householdId')) householdId: string,
    @Body() dto: CaseReviewInputDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.reviews.create(user, householdId, dto));
  }

  @Get('case-reviews/:id')
  @Authorized('read', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ApiOperation({ summary: 'Eén casusbespreking (met ETag)' })
  @ApiOkResponse({ type: CaseReviewViewDto })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.reviews.get(user, id));
  }

  @Put('case-reviews/:id')
  @Authorized('update', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ReviewWrite()
  @ApiOperation({ summary: 'Casusbespreking wijzigen (vervangt het geheel; If-Match verplicht)' })
  @ApiOkResponse({ type: CaseReviewViewDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: CaseReviewInputDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.reviews.update(user, id, version, dto));
  }

  @Patch('case-reviews/:id/actions/:actionId')
  @Authorized('update', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ReviewWrite()
  @ApiOperation({ summary: 'Afspraak afvinken of heropenen (If-Match verplicht)' })
  @ApiOkResponse({ type: CaseReviewViewDto })
  async actionDone(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('actionId', uuidParam('actionId')) actionId: string,
    @IfMatchVersion() version: number,
    @Body() dto: ActionDoneDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.reviews.setActionDone(user, id, actionId, version, dto));
  }

  @Delete('case-reviews/:id')
  @HttpCode(204)
  @Authorized('delete', 'CaseReview')
  @ProcessingActivity('reviews.case-reviews')
  @ReviewWrite()
  @ApiOperation({ summary: 'Casusbespreking verwijderen (If-Match verplicht)' })
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() version: number,
  ) {
    await this.reviews.remove(user, id, version);
  }

  @Post('casusboek/markdown')
  @HttpCode(200)
  @Authorized('read', 'CaseReview')
  @ProcessingActivity('reviews.casusboek.export')
  @ApiOperation({ summary: 'Geanonimiseerd casusboek van gekozen casussen, als Markdown' })
  @ApiProduces('text/markdown')
  @ApiOkResponse({ description: 'text/markdown; charset=utf-8', schema: { type: 'string' } })
  async markdown(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CasusboekRequestDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const text = await this.casusboek.markdown(user, dto.householdIds);
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="casusboek.md"');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(text, 'utf8'));
  }

  @Post('casusboek/pdf')
  @HttpCode(200)
  @Authorized('read', 'CaseReview')
  @ProcessingActivity('reviews.casusboek.export')
  @ApiOperation({ summary: 'Geanonimiseerd casusboek van gekozen casussen, als PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CasusboekRequestDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const pdf = await this.casusboek.pdf(user, dto.householdIds);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="casusboek.pdf"');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf);
  }
}
