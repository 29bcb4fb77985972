import { ConfigType, registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class AppEnvironment {
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV: string = 'development';
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string =
    'info';
  @IsOptional()
  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT: string = '1mb';
  @IsOptional() @IsString() PUBLIC_URL: string = '';
  @IsOptional() @IsIn(['true', 'false']) DEMO_DATA?: string;
}

export const appConfig = registerAs('app', () => {
  const env = validateConfig('app', AppEnvironment);
  return {
    port: env.PORT,
    environment: env.NODE_ENV as 'development' | 'production' | 'test',
    logLevel: env.LOG_LEVEL,
    bodyLimit: env.BODY_LIMIT,
    publicUrl: env.PUBLIC_URL,
    // Synthetic demo data is loaded at start unless switched off; never by default in production.
    demoData: env.DEMO_DATA ? env.DEMO_DATA === 'true' : env.NODE_ENV !== 'production',
  };
});
export type AppConfig = ConfigType<typeof appConfig>;
