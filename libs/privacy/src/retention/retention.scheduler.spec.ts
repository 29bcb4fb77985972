import { SchedulerRegistry } from '@nestjs/schedule';
import { RequestContext } from '@app/core';
import { RetentionConfig } from './retention.config';
import { RETENTION_JOB, RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

describe('retention schedule', () => {
  const config = (jobEnabled: boolean) => ({ cron: '30 2 * * *', jobEnabled }) as RetentionConfig;
  const context = { run: <T>(work: () => Promise<T>) => work() } as RequestContext;
  const service = {} as RetentionService;

  it('registers the daily job from the configuration, in Dutch time', () => {
    const registry = new SchedulerRegistry();
    new RetentionScheduler(config(true), registry, service, context).onApplicationBootstrap();
    const job = registry.getCronJob(RETENTION_JOB);
    expect(job.isActive).toBe(true);
    expect(job.cronTime.source).toBe('30 2 * * *');
    expect(job.cronTime.timeZone).toBe('Europe/Amsterdam');
    registry.deleteCronJob(RETENTION_JOB);
  });

  it('registers nothing when switched off', () => {
    const registry = new SchedulerRegistry();
    new RetentionScheduler(config(false), registry, service, context).onApplicationBootstrap();
    expect(registry.doesExist('cron', RETENTION_JOB)).toBe(false);
  });
});
