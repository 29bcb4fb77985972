import { ConfigType, registerAs } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnvironment {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_APP_ROLE must be a plain role name' })
  DATABASE_APP_ROLE: string = 'gezinsplan_app';
}

/**
 * DATABASE_URL is the owner connection (it runs migrations). The application itself works as the
 * less privileged DATABASE_APP_ROLE, which may not alter the processing log.
 */
export const databaseConfig = registerAs('database', () => {
  const env = validateConfig('database', DatabaseEnvironment);
  return { url: env.DATABASE_URL, appRole: env.DATABASE_APP_ROLE };
});
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
