import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { RequestContext } from '@app/core';
import { outreachConfig, OutreachConfig } from '../outreach.config';
import { SignalRetentionService } from './signal-retention.service';

/** Every night: delete unanswered signals past their retention period (once, however many instances run). */
@Injectable()
export class SignalRetentionJob {
  private readonly logger = new Logger(SignalRetentionJob.name);

  constructor(
    @Inject(outreachConfig.KEY) private readonly config: OutreachConfig,
    private readonly retention: SignalRetentionService,
    private readonly context: RequestContext,
  ) {}

  @Cron('15 3 * * *', { name: 'outreach-signal-retention', timeZone: 'Europe/Amsterdam' })
  async run() {
    if (!this.config.retentionJobEnabled) return;
    try {
      const result = await this.context.run(() => this.retention.runScheduled());
      if (result.status === 'skipped') this.logger.log({ reason: result.reason }, 'signal retention skipped');
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'signal retention failed');
    }
  }
}
