import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Authorized } from '@app/access';
import { NoPersonalData, ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '@app/identity';
import { ListRetentionRunsQuery, StartRetentionRunDto } from '../dto';
import { RETENTION_SOURCES } from './retention-sources';
import { RETENTION_ACTIVITY, RetentionService } from './retention.service';

const uuid = uuidParam();

/**
 * Retention, for the privacy officer. Guarded by the right to read the processing log, the privacy
 * officer's supervisory right (libs/access has no subject of its own for retention).
 */
@ApiTags('privacy: retention')
@Controller('privacy/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('policy')
  @Authorized('read', 'ProcessingLog')
  @NoPersonalData()
  @ApiOkResponse({ description: 'Bewaartermijnen per domein (jaren na afsluiten van de casus) en hun bron' })
  policy() {
    return { ...this.retention.policy, sources: RETENTION_SOURCES, sweeps: this.retention.sweepPolicies };
  }

  @Post('runs')
  @Authorized('read', 'ProcessingLog')
  @ProcessingActivity(RETENTION_ACTIVITY)
  @ApiCreatedResponse({
    description: 'De run: welke huishoudens (ids) geanonimiseerd zijn of bij een proefrun zouden worden',
  })
  start(@CurrentUser() user: AuthenticatedUser, @Body() dto: StartRetentionRunDto) {
    return this.retention.run({ dryRun: dto.dryRun, trigger: 'manual', user });
  }

  @Get('runs')
  @Authorized('read', 'ProcessingLog')
  @NoPersonalData()
  async list(@Query() query: ListRetentionRunsQuery) {
    const [items, total] = await this.retention.list(query.page, query.pageSize);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get('runs/:id')
  @Authorized('read', 'ProcessingLog')
  @ProcessingActivity(RETENTION_ACTIVITY)
  get(@Param('id', uuid) id: string) {
    return this.retention.get(id);
  }
}
