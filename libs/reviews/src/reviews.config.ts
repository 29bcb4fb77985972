import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, Validate, ValidatorConstraint } from 'class-validator';
import { ValidatorConstraintInterface } from 'class-validator';
import { validateCronExpression } from 'cron';
import { validateConfig } from '@app/core';

@ValidatorConstraint({ name: 'isCronExpression' })
class IsCronExpression implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && validateCronExpression(value).valid;
  }
  defaultMessage() {
    return 'REVIEW_FLAGS_CRON must be a cron expression, e.g. "15 6 * * *"';
  }
}

class ReviewsEnvironment {
  /** A plan without an evaluation (or, never evaluated, since it was made) for this many weeks is flagged. */
  @IsOptional() @IsInt() @Min(1) @Max(104) REVIEW_NO_EVALUATION_WEEKS: number = 12;
  @IsOptional() @IsString() @Validate(IsCronExpression) REVIEW_FLAGS_CRON: string = '15 6 * * *';
  @IsOptional() @IsIn(['true', 'false']) REVIEW_FLAGS_JOB_ENABLED?: string;
}

export const reviewsConfig = registerAs('reviews', () => {
  const env = validateConfig('reviews', ReviewsEnvironment);
  return {
    noEvaluationWeeks: env.REVIEW_NO_EVALUATION_WEEKS,
    cron: env.REVIEW_FLAGS_CRON,
    // Never by default in tests (they run the job on a fixed clock).
    jobEnabled: env.REVIEW_FLAGS_JOB_ENABLED
      ? env.REVIEW_FLAGS_JOB_ENABLED === 'true'
      : process.env.NODE_ENV !== 'test',
  };
});
export type ReviewsConfig = ConfigType<typeof reviewsConfig>;
