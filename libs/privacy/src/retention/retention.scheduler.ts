import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DomainError, ErrorCode, RequestContext, startCronJob } from '@app/core';
import { RetentionConfig, retentionConfig } from './retention.config';
import { RetentionService } from './retention.service';

export const RETENTION_JOB = 'privacy.retention';

/**
 * Runs retention daily (RETENTION_CRON, Europe/Amsterdam). Every API instance schedules it; the
 * advisory lock lets one of them do the work and the others skip. Registered at start from the
 * validated configuration, so it can be switched off (RETENTION_JOB_ENABLED=false; off in tests).
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionScheduler.name);

  constructor(
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    private readonly schedule: SchedulerRegistry,
    private readonly retention: RetentionService,
    private readonly context: RequestContext,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.jobEnabled) return;
    startCronJob(this.schedule, RETENTION_JOB, this.config.cron, () => this.runScheduled());
  }

  /** One scheduled run; never throws (a failure is logged without personal data and retried the next day). */
  async runScheduled(): Promise<void> {
    try {
      const run = await this.context.run(() => this.retention.run({ dryRun: false, trigger: 'schedule' }));
      this.logger.log(
        {
          runId: run.id,
          householdsAnonymised: run.householdsAnonymised,
          personsAnonymised: run.personsAnonymised,
        },
        'retention run finished',
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Conflict) {
        this.logger.log('retention run skipped: another instance is running it');
        return;
      }
      this.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'retention run failed');
    }
  }
}
