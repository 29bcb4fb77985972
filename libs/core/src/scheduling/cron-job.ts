import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

/**
 * Registers and starts a job on Dutch wall-clock time. Jobs are registered at start from validated
 * configuration (not with @Cron), so each can be switched off and given its own schedule.
 */
export function startCronJob(
  registry: SchedulerRegistry,
  name: string,
  cronTime: string,
  onTick: () => Promise<void>,
): void {
  const job = CronJob.from({ cronTime, timeZone: 'Europe/Amsterdam', onTick, start: false });
  registry.addCronJob(name, job);
  job.start();
}
