import { Logger, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { requestIdFor } from '../logging/logging.module';
import { ProblemDetailsFilter, sendProblem } from '../errors/problem-details.filter';
import { validationExceptionFactory } from '../errors/validation';
import { requireKnownContentType } from './content-type.middleware';
import { RefuseNulCharactersPipe } from '../validation/refuse-nul.pipe';

export const API_PREFIX = 'api/v1';

/** Deeper than any of our documents: deeper input only serves to exhaust the validator's recursion. */
const MAX_JSON_DEPTH = 32;

function refuseDeepNesting(_req: unknown, _res: unknown, body: Buffer) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw Object.assign(new Error('JSON nested too deeply'), {
          type: 'entity.parse.failed',
          status: 400,
        });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

export interface HttpOptions {
  bodyLimit: string;
}

/** Everything about the HTTP surface, shared by main.ts and the end-to-end tests. */
export function configureApp(app: NestExpressApplication, options: HttpOptions) {
  app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    requestIdFor(req, res);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(requireKnownContentType);
  app.use(
    express.json({
      limit: options.bodyLimit,
      type: ['application/json', 'application/merge-patch+json'],
      verify: refuseDeepNesting,
    }),
  );
  app.use(express.text({ limit: '20mb', type: 'text/csv' }));
  const logger = new Logger('HttpBody');
  // Errors of the body parsers happen before Nest's routing; answer them as problem details too.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) =>
    error ? sendProblem(error, req, res, logger) : next(),
  );
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(
    new RefuseNulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gezinsplan API')
      .setDescription('1Gezin1Plan1Regisseur — Sociaal Domein Maastricht-Heuvelland')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return document;
}
