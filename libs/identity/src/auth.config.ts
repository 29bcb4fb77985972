import { randomBytes } from 'node:crypto';
import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { validateConfig } from '@app/core';

class AuthEnvironment {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV: string = 'development';
  @ValidateIf((env: AuthEnvironment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required in production' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;
  @IsOptional() @IsInt() @Min(60) @Max(3600) ACCESS_TOKEN_TTL_SECONDS: number = 900;
  @IsOptional() @IsInt() @Min(1) @Max(90) REFRESH_TOKEN_TTL_DAYS: number = 7;
  @IsOptional() @IsInt() @Min(1) @Max(100) LOGIN_MAX_FAILURES: number = 5;
  @IsOptional() @IsInt() @Min(1) @Max(1440) LOGIN_LOCK_MINUTES: number = 15;
  @IsOptional() @IsInt() @Min(1) @Max(100000) LOGIN_RATE_LIMIT_PER_MINUTE: number = 20;
}

// Without JWT_SECRET (development, test) the process signs with a random secret generated once at
// start: access tokens then do not survive a restart (refresh tokens do, they live in the database).
let ephemeralSecret: string | undefined;
function processSecret() {
  ephemeralSecret ??= randomBytes(48).toString('base64url');
  return ephemeralSecret;
}

export const authConfig = registerAs('auth', () => {
  const env = validateConfig('auth', AuthEnvironment);
  return {
    jwtSecret: env.JWT_SECRET ?? processSecret(),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMinutes: env.LOGIN_LOCK_MINUTES,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
  };
});
export type AuthConfig = ConfigType<typeof authConfig>;
