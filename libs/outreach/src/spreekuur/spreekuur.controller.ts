import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { NoPersonalData, ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CoachLocationsService } from './coach-locations.service';
import { CreateContactDto, FiguresQuery, ListContactsQuery, UpdateContactDto } from './dto';
import { SpreekuurContactsService } from './spreekuur-contacts.service';
import { SpreekuurFiguresService } from './spreekuur-figures.service';

@ApiTags('spreekuur')
@Controller('outreach/spreekuur')
export class SpreekuurController {
  constructor(
    private readonly contacts: SpreekuurContactsService,
    private readonly figuresService: SpreekuurFiguresService,
    private readonly locations: CoachLocationsService,
  ) {}

  @Get('my-locations')
  @Authorized('create', 'SpreekuurContact')
  @NoPersonalData()
  @ApiOkResponse({ description: 'De wijkservicepunten waar ik spreekuur houd; de vaste locatie eerst' })
  myLocations(@CurrentUser() user: AuthenticatedUser) {
    return this.locations.list({ userId: user.id });
  }

  @Get('figures')
  @Authorized('read', 'Report')
  @NoPersonalData()
  @ApiOkResponse({
    description: 'Bezoekers per wijkservicepunt per week of maand, onderwerpen en verwijzingen',
  })
  figures(@CurrentUser() user: AuthenticatedUser, @Query() query: FiguresQuery) {
    return this.figuresService.figures(user, query);
  }

  @Post('contacts')
  @Authorized('create', 'SpreekuurContact')
  @ProcessingActivity('outreach.spreekuur')
  @ApiCreatedResponse({ description: 'Het vastgelegde contact' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateContactDto) {
    return this.contacts.create(user, dto);
  }

  @Get('contacts')
  @Authorized('read', 'SpreekuurContact')
  @ProcessingActivity('outreach.spreekuur')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListContactsQuery) {
    return this.contacts.list(user, query);
  }

  @Get('contacts/:id')
  @Authorized('read', 'SpreekuurContact')
  @ProcessingActivity('outreach.spreekuur')
  @ApiNotFoundResponse({ description: 'Bestaat niet of geen toegang' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.get(user, id);
  }

  @Patch('contacts/:id')
  @Authorized('update', 'SpreekuurContact')
  @ProcessingActivity('outreach.spreekuur')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateContactDto,
  ) {
    return this.contacts.update(user, id, dto);
  }
}
