import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { QueryFailedError } from 'typeorm';
import { toProblem } from './to-problem';

/** The one place where errors become HTTP answers (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(
  error: unknown,
  req: Request,
  res: Response,
  logger: Pick<Logger, 'error' | 'warn'>,
) {
  const { problem, unexpected, retryAfterSeconds } = toProblem(error);
  if (unexpected) logger.error({ err: safeErrorSummary(error) }, 'unexpected error');
  else if (retryAfterSeconds !== undefined && !(error instanceof HttpException))
    logger.warn({ err: unavailableSummary(error) }, 'database unavailable');
  if (res.headersSent) return;
  const traceId = (req as Request & { id?: string }).id;
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...problem, instance: req.path, ...(traceId ? { traceId } : {}) }));
}

/** Database messages may quote submitted values (a BSN, a name): log only their codes. */
function safeErrorSummary(error: unknown) {
  if (error instanceof QueryFailedError) {
    const driver = error.driverError as { code?: string; constraint?: string; table?: string };
    return {
      name: 'QueryFailedError',
      sqlState: driver.code,
      constraint: driver.constraint,
      table: driver.table,
    };
  }
  const err = error instanceof Error ? error : new Error(String(error));
  return { name: err.name, message: err.message, stack: err.stack };
}

/** The driver's code and message of a connection failure (they name the server's state, never a value). */
function unavailableSummary(error: unknown) {
  const driver = (error as { driverError?: unknown })?.driverError ?? error;
  const { name, code, message } = driver as { name?: string; code?: string; message?: string };
  return { name, code, message };
}
