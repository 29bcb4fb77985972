import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CoachLocationsService } from './coach-locations.service';
import { AssignCoachLocationsDto, ListCoachLocationsQuery } from './dto';

/** The functioneel beheerder assigns financial coaches to the wijkservicepunten where they hold spreekuur. */
@ApiTags('spreekuur')
@Controller('outreach/coach-locations')
@ProcessingActivity('identity.accounts')
export class CoachLocationsController {
  constructor(private readonly locations: CoachLocationsService) {}

  @Get()
  @Authorized('update', 'UserAccount')
  list(@Query() query: ListCoachLocationsQuery) {
    return this.locations.list(query);
  }

  @Put(':userId')
  @Authorized('update', 'UserAccount')
  @ApiOkResponse({ description: 'De locaties van de coach na de wijziging' })
  assign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: AssignCoachLocationsDto,
  ) {
    return this.locations.assign(user, userId, dto);
  }
}
