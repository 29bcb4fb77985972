import {
  Body,
  Controller,
  Delete,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CreateActionDto, CreateGoalDto, UpdateActionDto, UpdateGoalDto } from './dto';
import { IfMatchRevision, PlanEtagInterceptor, PlanWrite } from './etag';
import { PlanContentService } from './plan-content.service';

const VERSION = new ParseIntPipe({ optional: true });

/**
 * Goals and actions of the plan. Without a version in the path a write goes to the concept, opening
 * version N+1 when N is agreed; with `versions/:versionNumber` it must address the open concept (409
 * for an agreed, frozen version). Every answer is the whole plan with its new ETag.
 */
@ApiTags('plans')
@ApiNotFoundResponse({
  description: 'Huishouden, plan, doel of actie bestaat niet, of u heeft er geen toegang toe',
})
@ApiConflictResponse({ description: 'Deze versie is vastgesteld en kan niet meer worden gewijzigd' })
@UseInterceptors(PlanEtagInterceptor)
@Controller('households/:householdId/plan')
export class PlanGoalsController {
  constructor(private readonly content: PlanContentService) {}

  @Post(['goals', 'versions/:versionNumber/goals'])
  @Authorized('create', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  addGoal(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: CreateGoalDto,
  ) {
    return this.content.addGoal({ user, householdId: id, expectedRevision, versionNumber }, dto);
  }

  @Patch(['goals/:goalId', 'versions/:versionNumber/goals/:goalId'])
  @Authorized('update', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  updateGoal(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: UpdateGoalDto,
  ) {
    return this.content.updateGoal({ user, householdId: id, expectedRevision, versionNumber }, goalId, dto);
  }

  @Delete(['goals/:goalId', 'versions/:versionNumber/goals/:goalId'])
  @Authorized('update', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  removeGoal(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @IfMatchRevision() expectedRevision: number,
  ) {
    return this.content.removeGoal({ user, householdId: id, expectedRevision, versionNumber }, goalId);
  }

  @Post(['goals/:goalId/actions', 'versions/:versionNumber/goals/:goalId/actions'])
  @Authorized('update', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  addAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: CreateActionDto,
  ) {
    return this.content.addAction({ user, householdId: id, expectedRevision, versionNumber }, goalId, dto);
  }

  @Patch(['actions/:actionId', 'versions/:versionNumber/actions/:actionId'])
  @Authorized('update', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  updateAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @IfMatchRevision() expectedRevision: number,
    @Body() dto: UpdateActionDto,
  ) {
    return this.content.updateAction(
      { user, householdId: id, expectedRevision, versionNumber },
      actionId,
      dto,
    );
  }

  @Delete(['actions/:actionId', 'versions/:versionNumber/actions/:actionId'])
  @Authorized('update', 'PlanGoal')
  @ProcessingActivity('plans.write')
  @PlanWrite()
  removeAction(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('versionNumber', VERSION) versionNumber: number | undefined,
    @Param('actionId', ParseUUIDPipe) actionId: string,
    @IfMatchRevision() expectedRevision: number,
  ) {
    return this.content.removeAction({ user, householdId: id, expectedRevision, versionNumber }, actionId);
  }
}
