import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized } from '@app/access';
import { NoPersonalData } from '@app/audit';
import { uuidParam } from '@app/core';
import {
  CreateOrganisationDto,
  CreateTeamDto,
  TeamFilterDto,
  UpdateOrganisationDto,
  UpdateTeamDto,
} from './dto';
import { Organisation, Team } from './entities';
import { ReferenceAdminService } from './reference-admin.service';
import { ReferenceService } from './reference.service';

const uuid = uuidParam();

/** Organisations and their teams: everyone lists, the functioneel beheerder edits. */
@ApiTags('reference')
@NoPersonalData()
@Controller('reference')
export class OrganisationsController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly admin: ReferenceAdminService,
  ) {}

  @Get('organisations')
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Organisation, isArray: true })
  listOrganisations() {
    return this.reference.listOrganisations();
  }

  @Post('organisations')
  @Authorized('create', 'ReferenceData')
  @ApiCreatedResponse({ type: Organisation })
  createOrganisation(@Body() dto: CreateOrganisationDto) {
    return this.admin.createOrganisation(dto);
  }

  @Patch('organisations/:id')
  @Authorized('update', 'ReferenceData')
  @ApiOkResponse({ type: Organisation })
  updateOrganisation(@Param('id', uuid) id: string, @Body() dto: UpdateOrganisationDto) {
    return this.admin.updateOrganisation(id, dto);
  }

  @Get('teams')
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Team, isArray: true })
  listTeams(@Query() filter: TeamFilterDto) {
    return this.reference.listTeams(filter.organisationId);
  }

  @Post('teams')
  @Authorized('create', 'ReferenceData')
  @ApiCreatedResponse({ type: Team })
  createTeam(@Body() dto: CreateTeamDto) {
    return this.admin.createTeam(dto);
  }

  @Patch('teams/:id')
  @Authorized('update', 'ReferenceData')
  @ApiOkResponse({ type: Team })
  updateTeam(@Param('id', uuid) id: string, @Body() dto: UpdateTeamDto) {
    return this.admin.updateTeam(id, dto);
  }
}
