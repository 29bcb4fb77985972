import {
  Body,
  Controller,
  Get,
  HttpCode,
  Logger,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { API_PREFIX } from '@app/core';
import { CurrentUser } from '@app/identity';
import { DossierService } from './dossier.service';
import { CloseHouseholdDto, CreateHouseholdDto, SearchHouseholdsDto, UpdateHouseholdDto } from './dto';
import { HouseholdSearchService } from './household-search.service';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@Controller('households')
export class HouseholdsController {
  private readonly logger = new Logger(HouseholdsController.name);

  constructor(
    private readonly households: HouseholdsService,
    private readonly dossiers: DossierService,
    private readonly searcher: HouseholdSearchService,
  ) {}

  @Post()
  @Authorized('create', 'Household')
  @ProcessingActivity('households.dossier.write')
  @ApiCreatedResponse({
    description:
      'Het dossier van het nieuwe huishouden (header Location). Kon het dossier na het opslaan niet ' +
      'worden gelezen, dan alleen { household: { id }, complete: false }: het huishouden bestaat wel.',
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateHouseholdDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const id = await this.households.create(user, dto);
    res.location(`/${API_PREFIX}/households/${id}`);
    try {
      return await this.dossiers.dossier(user, id);
    } catch (error) {
      // The household is committed: an error now would make the client retry a create that
      // succeeded (and meet its own BSNs). Answer 201 with the id only; the dossier is one GET away.
      this.logger.warn(`household ${id} created, dossier not read: ${(error as Error).name}`);
      return { household: { id }, complete: false };
    }
  }

  @Post('search')
  @HttpCode(200)
  @Authorized('search', 'Household')
  @ProcessingActivity('households.search.index')
  @ApiOkResponse({
    description: 'Gevonden huishoudens: het dossier voor het casusteam, de index voor anderen',
  })
  search(@CurrentUser() user: AuthenticatedUser, @Body() dto: SearchHouseholdsDto) {
    return this.searcher.search(user, dto);
  }

  @Get(':id')
  @Authorized('read', 'Household')
  @ProcessingActivity('households.dossier.read')
  @ApiNotFoundResponse({ description: 'Bestaat niet of geen toegang' })
  dossier(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.dossiers.dossier(user, id);
  }

  @Patch(':id')
  @Authorized('update', 'Household')
  @ProcessingActivity('households.dossier.write')
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateHouseholdDto,
  ) {
    await this.households.update(user, id, dto);
    return this.dossiers.dossier(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authorized('update', 'Household')
  @ProcessingActivity('households.dossier.write')
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseHouseholdDto,
  ) {
    await this.households.close(user, id, dto);
    return this.dossiers.dossier(user, id);
  }
}
