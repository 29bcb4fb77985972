import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { PlanWorklistQueryDto } from './dto';
import { PlanWorklistService } from './plan-worklist.service';

@ApiTags('worklists')
@Controller('worklists')
export class PlanWorklistController {
  constructor(private readonly worklist: PlanWorklistService) {}

  @Get('plans')
  @Authorized('read', 'Plan')
  @ProcessingActivity('plans.read')
  @ApiOkResponse({ description: 'Verlopen doelen en evaluaties, oudste eerst' })
  overdue(@CurrentUser() user: AuthenticatedUser, @Query() query: PlanWorklistQueryDto) {
    return this.worklist.overdue(user, query);
  }
}
