import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { AgreePlanDto, CompareVersionsDto, CreateEvaluationDto, PageDto, UpdateOwnWordsDto } from './dto';
import { IfMatchRevision, PlanEtagInterceptor, PlanWrite } from './etag';
import { PlanPdfService } from './pdf/plan-pdf.service';
import { PlanAgreementService } from './plan-agreement.service';
import { PlanContentService } from './plan-content.service';
import { PlanReadingService } from './plan-reading.service';

const VERSION = new ParseIntPipe({ optional: true });

/** The household's plan as a whole: reading, versions, comparison, the family PDF, agreeing, evaluating. */
@ApiTags('plans')
@ApiNotFoundResponse({ description: 'Huishouden of plan bestaat niet, of u heeft er geen toegang toe' })
@UseInterceptors(PlanEtagInterceptor)
@Controller('households/:householdId/plan')
export class PlansController {
  constructor(
    private readonly reading: PlanReadingService,
    private readonly content: PlanContentService,
    private readonly agreement: PlanAgreementService,
    private readonly pdfs: PlanPdfService,
  ) {}

  @Get()
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  @ApiOkResponse({ description: 'Het plan zoals het nu is (revision 0: nog geen plan); ETag = revision' })
  current(@CurrentUser() user: AuthenticatedUser, @Param('householdId', ParseUUIDPipe) id: string) {
    return this.reading.current(user, id);
  }

  @Patch(['', 'versions/:versionNumber'])
  @Authorized('update', 'Plan')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  @ApiConflictResponse({ description: 'Deze versie is vastgesteld' })
  updateOwnWords(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: UpdateOwnWordsDto,
  ) {
    return this.content.updateOwnWords({ user, householdId: id, expectedRevision, versionNumber }, dto);
  }

  @Post('vaststellen')
  @HttpCode(200)
  @Authorized('update', 'Plan')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  @ApiConflictResponse({ description: 'Er is geen concept om vast te stellen' })
  agree(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: AgreePlanDto,
  ) {
    return this.agreement.agree({ user, householdId: id, expectedRevision }, dto);
  }

  @Post('evaluations')
  @Authorized('update', 'Plan')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  evaluate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: CreateEvaluationDto,
  ) {
    return this.agreement.evaluate({ user, householdId: id, expectedRevision }, dto);
  }

  @Get('versions')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  versions(@CurrentUser() user: AuthenticatedUser, @Param('householdId', ParseUUIDPipe) id: string) {
    return this.reading.versions(user, id);
  }

  @Get('versions/compare')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  @ApiOkResponse({ description: 'Toegevoegde, gewijzigde en verwijderde doelen en acties, per veld' })
  compare(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Query() query: CompareVersionsDto,
  ) {
    return this.reading.compare(user, id, query.from, query.to);
  }

  @Get('versions/:versionNumber')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  version(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', ParseIntPipe) versionNumber: number,
  ) {
    return this.reading.version(user, id, versionNumber);
  }

  @Get('versions/:versionNumber/pdf')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.pdf')
  @ApiProduces('application/pdf')
  @ApiConflictResponse({ description: 'Alleen een vastgestelde versie' })
  pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', ParseIntPipe) versionNumber: number,
  ) {
    return this.pdfs.pdf(user, id, versionNumber);
  }

  @Get('changes')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  @ApiOkResponse({ description: 'Wie wat wanneer wijzigde, nieuwste eerst' })
  changes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Query() query: PageDto,
  ) {
    return this.reading.changes(user, id, query.page, query.pageSize);
  }
}
