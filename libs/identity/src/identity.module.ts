import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceModule } from '@app/reference';
import { AuthConfig, authConfig } from './auth.config';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, JwtStrategy } from './auth/jwt.strategy';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshTokenService } from './auth/refresh-token.service';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository';
import { USER_DIRECTORY } from './auth/user-directory';
import { AccountChangesController } from './changes/account-changes.controller';
import { AccountChangesRepository } from './changes/account-changes.repository';
import { AccountChangesService } from './changes/account-changes.service';
import { DemoUsersSeeder } from './demo/demo-users.seeder';
import { RefreshToken, UserAccount, UserMunicipality, UserTeam } from './entities';
import { LocalUserDirectory } from './users/local-user-directory';
import { UserAccountsRepository } from './users/user-accounts.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    TypeOrmModule.forFeature([UserAccount, UserMunicipality, UserTeam, RefreshToken]),
    ReferenceModule,
    PassportModule,
    JwtModule.registerAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        secret: config.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTokenTtlSeconds,
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        },
        verifyOptions: {
          algorithms: ['HS256'],
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        },
      }),
    }),
    // Per-IP limit for login and password change (in memory: per API instance).
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        errorMessage: 'Te veel pogingen vanaf dit adres. Probeer het over een minuut opnieuw.',
      }),
    }),
  ],
  controllers: [AuthController, UsersController, AccountChangesController],
  providers: [
    AccountChangesRepository,
    AccountChangesService,
    AuthService,
    DemoUsersSeeder,
    JwtAuthGuard,
    JwtStrategy,
    LocalUserDirectory,
    PasswordHasher,
    RefreshTokenService,
    RefreshTokensRepository,
    UserAccountsRepository,
    UsersService,
    { provide: USER_DIRECTORY, useExisting: LocalUserDirectory },
  ],
  exports: [DemoUsersSeeder, JwtAuthGuard, USER_DIRECTORY, UsersService],
})
export class IdentityModule {}
