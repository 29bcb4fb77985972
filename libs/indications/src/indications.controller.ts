import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import {
  AanvraagDto,
  BeschikkingDto,
  BezwaarDecisionDto,
  BezwaarDto,
  EndProvisionDto,
  EndSuspensionDto,
  FirstConversationDto,
  SuspensionDto,
  UpdateIndicationDto,
  WithdrawDto,
} from './dto';
import { etagOf, VersionedView } from './indication-writer';
import { IndicationsService } from './indications.service';
import { ProcedureService } from './procedure.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'ETag van de indicatie; 412 als die verouderd is',
};

/**
 * One indication and the steps of its procedure. Each step is a move of the state machine; an
 * impossible move is a 409 (invalid-transition) listing allowedNextStates. Writes answer with the
 * indication as the caller may see it and its ETag.
 */
@ApiTags('indications')
@Controller('indications/:id')
export class IndicationsController {
  constructor(
    private readonly indications: IndicationsService,
    private readonly procedure: ProcedureService,
  ) {}

  @Get()
  @Authorized('read', 'Indication')
  @ProcessingActivity('indications.read')
  @ApiOkResponse({ description: 'De indicatie, beperkt tot de velden die u mag zien' })
  @ApiNotFoundResponse({ description: 'Bestaat niet of geen toegang' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.indications.get(user, id));
  }

  @Patch()
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateIndicationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.indications.update(user, id, dto, ifMatch));
  }

  @Post('aanvraag')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async aanvraag(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AanvraagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.registerAanvraag(user, id, dto, ifMatch));
  }

  @Post('first-conversation')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async firstConversation(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: FirstConversationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.registerFirstConversation(user, id, dto, ifMatch));
  }

  @Post('suspensions')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async suspend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuspensionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.suspend(user, id, dto, ifMatch));
  }

  @Post('suspensions/:suspensionId/end')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async endSuspension(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('suspensionId', ParseUUIDPipe) suspensionId: string,
    @Body() dto: EndSuspensionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.endSuspension(user, id, suspensionId, dto, ifMatch));
  }

  @Post('beschikking')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async beschikking(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: BeschikkingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.beschikking(user, id, dto, ifMatch));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.withdraw(user, id, dto, ifMatch));
  }

  @Post('end')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async end(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndProvisionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.endProvision(user, id, dto, ifMatch));
  }

  @Post('bezwaren')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async lodgeBezwaar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: BezwaarDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.lodgeBezwaar(user, id, dto, ifMatch));
  }

  @Post('bezwaren/:bezwaarId/decision')
  @HttpCode(200)
  @Authorized('update', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiHeader(IF_MATCH)
  async decideBezwaar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('bezwaarId', ParseUUIDPipe) bezwaarId: string,
    @Body() dto: BezwaarDecisionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedure.decideBezwaar(user, id, bezwaarId, dto, ifMatch));
  }
}

function withETag(res: Response, { view, version }: VersionedView) {
  res.setHeader('ETag', etagOf(version));
  return view;
}
