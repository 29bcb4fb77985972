import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * TypeORM's own loggers print failed queries with their parameters, which may be a BSN or a name.
 * This one logs the SQL text of a failure (our SQL never inlines values) and never the parameters.
 */
export class SafeTypeOrmLogger extends AbstractLogger {
  private readonly logger = new NestLogger('Database');

  logQueryError(error: string | Error, query: string) {
    const code = typeof error === 'object' ? (error as { code?: string }).code : undefined;
    this.logger.error({ sqlState: code, query: query.slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string) {
    this.logger.warn({ durationMs: time, query: query.slice(0, 500) }, 'slow query');
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]) {
    for (const entry of Array.isArray(message) ? message : [message]) {
      if (level === 'error' || level === 'warn') this.logger.warn(String(entry.message).slice(0, 500));
    }
  }
}
