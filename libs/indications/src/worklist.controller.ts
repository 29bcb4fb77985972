import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { WorklistQueryDto } from './dto';
import { WorklistService } from './worklist.service';

@ApiTags('worklists')
@Controller('worklists')
export class WorklistController {
  constructor(private readonly worklist: WorklistService) {}

  @Get('procedures')
  @Authorized('read', 'Indication')
  @ProcessingActivity('indications.read')
  @ApiOkResponse({
    description:
      'Procedures waarvan de wettelijke termijn binnen 10 dagen verloopt of verlopen is, vroegste eerst',
  })
  procedures(@CurrentUser() user: AuthenticatedUser, @Query() query: WorklistQueryDto) {
    return this.worklist.procedures(user, query);
  }
}
