import { CookieOptions, Request, Response } from 'express';
import { API_PREFIX } from '@app/core';

export const REFRESH_COOKIE = 'gezinsplan_refresh';

// Sent only to the auth endpoints, never readable by scripts, never cross-site.
const OPTIONS: CookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: `/${API_PREFIX}/auth`,
};

export function setRefreshCookie(res: Response, token: string, maxAgeMs: number) {
  res.cookie(REFRESH_COOKIE, token, { ...OPTIONS, maxAge: maxAgeMs });
}

export function clearRefreshCookie(res: Response) {
  res.clearCookie(REFRESH_COOKIE, OPTIONS);
}

export function readRefreshCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
