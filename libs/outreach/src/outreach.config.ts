import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '@app/core';

class OutreachEnvironment {
  /** Unanswered vroegsignalering signals are deleted this many days after they were received. */
  @IsOptional() @IsInt() @Min(30) @Max(730) OUTREACH_SIGNAL_RETENTION_DAYS: number = 180;
  /**
   * Linked spreekuur contacts are anonymised this many days after the contact (and its follow-up date):
   * the link to the person and household, the legal basis or consent and the note go; location, time,
   * topics and referral stay for the figures. No statutory period exists for walk-in contacts: 2 years is
   * our default under AVG art. 5 lid 1 sub e (libs/outreach/README.md "Retention").
   */
  @IsOptional() @IsInt() @Min(30) @Max(3650) OUTREACH_CONTACT_RETENTION_DAYS: number = 730;
}

export const outreachConfig = registerAs('outreach', () => {
  const env = validateConfig('outreach', OutreachEnvironment);
  return {
    signalRetentionDays: env.OUTREACH_SIGNAL_RETENTION_DAYS,
    contactRetentionDays: env.OUTREACH_CONTACT_RETENTION_DAYS,
  };
});
export type OutreachConfig = ConfigType<typeof outreachConfig>;
