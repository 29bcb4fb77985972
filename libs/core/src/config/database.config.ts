import { ConfigType, registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnvironment {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_APP_ROLE must be a plain role name' })
  DATABASE_APP_ROLE: string = 'gezinsplan_app';
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;
  @IsOptional()
  @IsInt({ message: 'DATABASE_POOL_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(120_000)
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: number = 10_000;
}

/**
 * DATABASE_URL is the owner connection (it runs migrations). The application itself should log in
 * as its own role (DATABASE_APP_URL, a member of DATABASE_APP_ROLE) that owns nothing and may not
 * alter the processing log. Without DATABASE_APP_URL it uses the owner login and switches to the
 * role at connect; that still blocks mistakes, but a `RESET ROLE` would undo it.
 */
export const databaseConfig = registerAs('database', () => {
  const env = validateConfig('database', DatabaseEnvironment);
  return {
    url: env.DATABASE_URL,
    appUrl: env.DATABASE_APP_URL,
    appRole: env.DATABASE_APP_ROLE,
    // How long a request waits for a pooled connection (or for a new one to open) before it answers 503.
    acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  };
});
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
