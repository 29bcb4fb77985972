import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CaseTeamService } from './case-team.service';
import { ConsentsService } from './consents.service';
import {
  AddCaseTeamMemberDto,
  AddMemberDto,
  AddRepresentativeDto,
  CaseTeamCandidatesQuery,
  CaseTeamCandidateView,
  EndMembershipDto,
  GiveConsentDto,
  HandOverRegisseurDto,
  MoveMemberDto,
  RevokeConsentDto,
} from './dto';
import { MembersService } from './members.service';

/** Members, case team, consents and representatives of one household. */
@ApiTags('households')
@Controller('households/:householdId')
export class HouseholdPartsController {
  constructor(
    private readonly members: MembersService,
    private readonly caseTeam: CaseTeamService,
    private readonly consents: ConsentsService,
  ) {}

  @Post('members')
  @Authorized('update', 'Household')
  @ProcessingActivity('households.dossier.write')
  addMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: AddMemberDto,
  ) {
    return this.members.add(user, id, dto);
  }

  @Post('members/:memberId/end')
  @HttpCode(204)
  @Authorized('update', 'Household')
  @ProcessingActivity('households.dossier.write')
  endMembership(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: EndMembershipDto,
  ) {
    return this.members.end(user, id, memberId, dto);
  }

  @Post('members/:memberId/move')
  @Authorized('update', 'Household')
  @ProcessingActivity('households.dossier.write')
  move(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: MoveMemberDto,
  ) {
    return this.members.move(user, id, memberId, dto);
  }

  @Post('case-team')
  @Authorized('update', 'Household')
  @ProcessingActivity('households.case-team')
  addToCaseTeam(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: AddCaseTeamMemberDto,
  ) {
    return this.caseTeam.add(user, id, dto);
  }

  @Get('case-team/candidates')
  @Authorized('update', 'Household')
  @ProcessingActivity('households.case-team')
  @ApiOkResponse({ type: CaseTeamCandidateView, isArray: true })
  caseTeamCandidates(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Query() query: CaseTeamCandidatesQuery,
  ) {
    return this.caseTeam.candidates(user, id, query.q);
  }

  @Delete('case-team/:memberId')
  @HttpCode(204)
  @Authorized('update', 'Household')
  @ProcessingActivity('households.case-team')
  removeFromCaseTeam(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
  ) {
    return this.caseTeam.remove(user, id, memberId);
  }

  @Post('regisseur')
  @HttpCode(204)
  @Authorized('update', 'Household')
  @ProcessingActivity('households.case-team')
  handOver(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: HandOverRegisseurDto,
  ) {
    return this.caseTeam.handOver(user, id, dto);
  }

  @Post('consents')
  @Authorized('create', 'Consent')
  @ProcessingActivity('households.consents')
  giveConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: GiveConsentDto,
  ) {
    return this.consents.give(user, id, dto);
  }

  @Post('consents/:consentId/revoke')
  @HttpCode(204)
  @Authorized('update', 'Consent')
  @ProcessingActivity('households.consents')
  revokeConsent(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() dto: RevokeConsentDto,
  ) {
    return this.consents.revoke(user, id, consentId, dto);
  }

  @Post('representatives')
  @Authorized('create', 'Representative')
  @ProcessingActivity('households.representatives')
  addRepresentative(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: AddRepresentativeDto,
  ) {
    return this.consents.addRepresentative(user, id, dto);
  }
}
