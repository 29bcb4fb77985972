import { Body, Controller, Get, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { AuthService, Session } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { FirstPasswordDto } from './dto/first-password.dto';
import { LoginDto } from './dto/login.dto';
import { AuthenticatedUserDto, TokenResponseDto } from './dto/token-response.dto';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';
import { RequireAuthentication } from './jwt-auth.guard';

@ApiTags('auth')
@ProcessingActivity('identity.authentication')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenResponseDto, description: `Zet ook de cookie ${REFRESH_COOKIE}` })
  @ApiUnauthorizedResponse({
    description: 'E-mailadres of wachtwoord onjuist, of eenmalig wachtwoord verlopen',
  })
  @ApiForbiddenResponse({
    description:
      'password-change-required: eenmalig wachtwoord; kies eerst een eigen (POST /auth/first-password)',
  })
  @ApiTooManyRequestsResponse({ description: 'Te veel inlogpogingen vanaf dit adres' })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<TokenResponseDto> {
    return respond(res, await this.auth.login(dto.email, dto.password));
  }

  @Post('first-password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({
    type: TokenResponseDto,
    description: `Eigen wachtwoord gekozen en ingelogd; zet ${REFRESH_COOKIE}`,
  })
  @ApiUnauthorizedResponse({ description: 'E-mailadres of eenmalig wachtwoord onjuist, of verlopen' })
  @ApiTooManyRequestsResponse({ description: 'Te veel pogingen vanaf dit adres' })
  async firstPassword(
    @Body() dto: FirstPasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenResponseDto> {
    return respond(res, await this.auth.setFirstPassword(dto.email, dto.oneTimePassword, dto.newPassword));
  }

  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOkResponse({ type: TokenResponseDto, description: `Vervangt de cookie ${REFRESH_COOKIE}` })
  @ApiUnauthorizedResponse({ description: 'Geen, verlopen, ingetrokken of hergebruikt refresh token' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokenResponseDto> {
    try {
      return respond(res, await this.auth.refresh(readRefreshCookie(req)));
    } catch (error) {
      clearRefreshCookie(res);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiNoContentResponse({ description: 'Sessie beëindigd, cookie gewist' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(req));
    clearRefreshCookie(res);
  }

  @Post('password')
  @HttpCode(204)
  @RequireAuthentication()
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse({ description: 'Wachtwoord gewijzigd; alle sessies beëindigd' })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword);
    clearRefreshCookie(res);
  }

  @Get('me')
  @RequireAuthentication()
  @ApiOkResponse({ type: AuthenticatedUserDto })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}

function respond(res: Response, session: Session): TokenResponseDto {
  setRefreshCookie(res, session.refresh.token, session.refresh.maxAgeMs);
  return {
    accessToken: session.accessToken,
    tokenType: 'Bearer',
    expiresIn: session.expiresIn,
    user: session.user,
  };
}
