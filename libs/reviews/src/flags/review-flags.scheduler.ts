import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { RequestContext, startCronJob } from '@app/core';
import { ReviewsConfig, reviewsConfig } from '../reviews.config';
import { ReviewFlagsService } from './review-flags.service';

export const REVIEW_FLAGS_JOB = 'reviews.flags';

/**
 * Runs the review flags daily (REVIEW_FLAGS_CRON, Europe/Amsterdam) on every instance; the advisory
 * lock lets one of them work. Off in tests (REVIEW_FLAGS_JOB_ENABLED), which call the service directly.
 */
@Injectable()
export class ReviewFlagsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReviewFlagsScheduler.name);

  constructor(
    @Inject(reviewsConfig.KEY) private readonly config: ReviewsConfig,
    private readonly schedule: SchedulerRegistry,
    private readonly flags: ReviewFlagsService,
    private readonly context: RequestContext,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.jobEnabled) return;
    startCronJob(this.schedule, REVIEW_FLAGS_JOB, this.config.cron, () => this.runScheduled());
  }

  /** Never throws: a failure is logged without personal data and retried the next day. */
  async runScheduled(): Promise<void> {
    try {
      const run = await this.context.run(() => this.flags.run());
      if (run) this.logger.log(run, 'review flags updated');
      else this.logger.log('review flags skipped: another instance is running them');
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'review flags failed');
    }
  }
}
