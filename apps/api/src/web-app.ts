import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` (vite build) puts the web application. */
export const WEB_DIST = resolve(process.cwd(), 'apps/web/dist');

/** Paths the fallback leaves alone: the API, the health checks, and assets that do not exist (a 404, not HTML). */
const NOT_THE_APP = /^\/(api|health|assets)(\/|$)/;

/**
 * Serves the built web application (apps/web) at `/`: hashed assets with a long cache life, and
 * index.html for every other GET that is not for the API or the health checks, so the browser's router
 * handles deep links (`/huishoudens/…`). Registered before Nest's routes; helmet's CSP (script-src 'self')
 * applies to these answers too, which the build satisfies (no inline scripts).
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_DIST) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`No web build in ${dir}: run \`npm run build:web\`; the API works without it.`);
    return false;
  }
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      NOT_THE_APP.test(req.path) ||
      !req.accepts('html')
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
