import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized } from '@app/access';
import { NoPersonalData } from '@app/audit';
import { uuidParam } from '@app/core';
import {
  CreateMunicipalityDto,
  CreateNeighbourhoodDto,
  CreateWijkservicepuntDto,
  NeighbourhoodFilterDto,
  UpdateMunicipalityDto,
  UpdateNeighbourhoodDto,
  UpdateWijkservicepuntDto,
  WijkservicepuntFilterDto,
} from './dto';
import { Municipality, Neighbourhood, Wijkservicepunt } from './entities';
import { ReferenceAdminService } from './reference-admin.service';
import { ReferenceService } from './reference.service';

const uuid = uuidParam();

/** Municipalities, neighbourhoods and wijkservicepunten: everyone lists, the functioneel beheerder edits. */
@ApiTags('reference')
@NoPersonalData()
@Controller('reference')
export class GeographyController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly admin: ReferenceAdminService,
  ) {}

  @Get('municipalities')
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Municipality, isArray: true })
  listMunicipalities() {
    return this.reference.listMunicipalities();
  }

  @Post('municipalities')
  @Authorized('create', 'ReferenceData')
  @ApiCreatedResponse({ type: Municipality })
  createMunicipality(@Body() dto: CreateMunicipalityDto) {
    return this.admin.createMunicipality(dto);
  }

  @Patch('municipalities/:id')
  @Authorized('update', 'ReferenceData')
  @ApiOkResponse({ type: Municipality })
  updateMunicipality(@Param('id', uuid) id: string, @Body() dto: UpdateMunicipalityDto) {
    return this.admin.updateMunicipality(id, dto);
  }

  @Get('neighbourhoods')
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Neighbourhood, isArray: true })
  listNeighbourhoods(@Query() filter: NeighbourhoodFilterDto) {
    return this.reference.listNeighbourhoods(filter.municipalityId);
  }

  @Post('neighbourhoods')
  @Authorized('create', 'ReferenceData')
  @ApiCreatedResponse({ type: Neighbourhood })
  createNeighbourhood(@Body() dto: CreateNeighbourhoodDto) {
    return this.admin.createNeighbourhood(dto);
  }

  @Patch('neighbourhoods/:id')
  @Authorized('update', 'ReferenceData')
  @ApiOkResponse({ type: Neighbourhood })
  updateNeighbourhood(@Param('id', uuid) id: string, @Body() dto: UpdateNeighbourhoodDto) {
    return this.admin.updateNeighbourhood(id, dto);
  }

  @Get('wijkservicepunten')
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Wijkservicepunt, isArray: true })
  listWijkservicepunten(@Query() filter: WijkservicepuntFilterDto) {
    return this.reference.listWijkservicepunten(filter.municipalityId);
  }

  @Post('wijkservicepunten')
  @Authorized('create', 'ReferenceData')
  @ApiCreatedResponse({ type: Wijkservicepunt })
  createWijkservicepunt(@Body() dto: CreateWijkservicepuntDto) {
    return this.admin.createWijkservicepunt(dto);
  }

  @Patch('wijkservicepunten/:id')
  @Authorized('update', 'ReferenceData')
  @ApiOkResponse({ type: Wijkservicepunt })
  updateWijkservicepunt(@Param('id', uuid) id: string, @Body() dto: UpdateWijkservicepuntDto) {
    return this.admin.updateWijkservicepunt(id, dto);
  }
}
