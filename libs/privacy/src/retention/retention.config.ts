import { ConfigType, registerAs } from '@nestjs/config';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { validateCronExpression } from 'cron';
import type { Pillar } from '@app/access';
import { validateConfig } from '@app/core';

@ValidatorConstraint({ name: 'isCronExpression' })
class IsCronExpression implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && validateCronExpression(value).valid;
  }
  defaultMessage() {
    return 'RETENTION_CRON must be a cron expression, e.g. "30 2 * * *"';
  }
}

/**
 * Defaults: Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143), procestype
 * 8 "Voorzieningen verstrekken", counted from the end of the case. See libs/privacy/README.md for the
 * result numbers and what is uncertain.
 */
class RetentionEnvironment {
  /** 8.1.1 / 8.3.1 WMO voorziening: 15 jaar (Wmo 2015 art. 5.3.4). */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_WMO: number = 15;
  /** 8.1.2 / 8.3.2 Individuele jeugdhulp voorziening: 20 jaar (Jeugdwet art. 7.3.8 lid 3). */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_JEUGD: number = 20;
  /** 8.1 / 8.3 generic (uitkering of inkomensvoorziening): 10 jaar. */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_PARTICIPATIE: number = 10;
  /** 8.1.9 / 8.3.5 Schuldhulpverlening: 5 jaar. */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_SHV: number = 5;
  /** 8.1.15 / 8.3.3 Primair of voortgezet onderwijs (voorziening om onderwijs te volgen): 5 jaar. */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_ONDERWIJS: number = 5;
  /** A case without any pillar on its case team: the generic result 8.1, 10 jaar. */
  @IsOptional() @IsInt() @Min(1) @Max(100) RETENTION_YEARS_WITHOUT_PILLAR: number = 10;
  @IsOptional()
  @IsString()
  @Validate(IsCronExpression)
  RETENTION_CRON: string = '30 2 * * *';
  @IsOptional() @IsIn(['true', 'false']) RETENTION_JOB_ENABLED?: string;
  /** At most this many households per run; the rest follow the next day. */
  @IsOptional() @IsInt() @Min(1) @Max(10000) RETENTION_BATCH_SIZE: number = 500;
}

export const retentionConfig = registerAs('retention', () => {
  const env = validateConfig('retention', RetentionEnvironment);
  const years: Record<Pillar, number> = {
    WMO: env.RETENTION_YEARS_WMO,
    JEUGD: env.RETENTION_YEARS_JEUGD,
    PARTICIPATIE: env.RETENTION_YEARS_PARTICIPATIE,
    SHV: env.RETENTION_YEARS_SHV,
    ONDERWIJS: env.RETENTION_YEARS_ONDERWIJS,
  };
  return {
    yearsByPillar: years,
    yearsWithoutPillar: env.RETENTION_YEARS_WITHOUT_PILLAR,
    cron: env.RETENTION_CRON,
    // The daily job runs unless switched off; never by default in tests (they run it on a fixed clock).
    jobEnabled: env.RETENTION_JOB_ENABLED
      ? env.RETENTION_JOB_ENABLED === 'true'
      : process.env.NODE_ENV !== 'test',
    batchSize: env.RETENTION_BATCH_SIZE,
  };
});
export type RetentionConfig = ConfigType<typeof retentionConfig>;
