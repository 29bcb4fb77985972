import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '@app/core';

class OutreachEnvironment {
  /** Unanswered vroegsignalering signals are deleted this many days after they were received. */
  @IsOptional() @IsInt() @Min(30) @Max(730) OUTREACH_SIGNAL_RETENTION_DAYS: number = 180;
  /** The daily retention job (03:15 Europe/Amsterdam); the dry run and manual run stay available. */
  @IsOptional() @IsIn(['true', 'false']) OUTREACH_RETENTION_JOB: string = 'true';
}

export const outreachConfig = registerAs('outreach', () => {
  const env = validateConfig('outreach', OutreachEnvironment);
  return {
    signalRetentionDays: env.OUTREACH_SIGNAL_RETENTION_DAYS,
    retentionJobEnabled: env.OUTREACH_RETENTION_JOB === 'true',
  };
});
export type OutreachConfig = ConfigType<typeof outreachConfig>;
