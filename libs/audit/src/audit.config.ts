import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '@app/core';

class AuditEnvironment {
  /** How often committed log rows are sealed into the hash chains; 0 switches the background sealer off. */
  @IsOptional() @IsInt() @Min(0) @Max(60_000) PROCESSING_LOG_SEAL_INTERVAL_MS: number = 1000;
}

export const auditConfig = registerAs('audit', () => {
  const env = validateConfig('audit', AuditEnvironment);
  return { sealIntervalMs: env.PROCESSING_LOG_SEAL_INTERVAL_MS };
});
export type AuditConfig = ConfigType<typeof auditConfig>;
