import { ServiceUnavailableException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { ErrorCode, problemType } from './error-codes';
import { toProblem } from './to-problem';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('database outages become 503 with Retry-After', () => {
  it.each([
    ['the server shutting down (57P01)', failedQuery(pgError('57P01', 'terminating connection'))],
    ['too many connections at connect (53300)', pgError('53300', 'too many connections for database')],
    ['the server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a refused socket', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a refused socket to several addresses', new AggregateError([pgError('ECONNREFUSED')], 'connect')],
    ['a lost socket mid-query', failedQuery(new Error('Connection terminated unexpectedly'))],
    ['a pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a connect timeout',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated'),
      }),
    ],
    ['a transaction whose connection was dropped', new QueryRunnerAlreadyReleasedError()],
    ['a transaction whose connection was dropped (manager)', new QueryRunnerProviderAlreadyReleasedError()],
  ])('%s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const mapped = toProblem(error);
    expect(mapped).toMatchObject({ unexpected: false, retryAfterSeconds: 5 });
    expect(mapped.problem).toMatchObject({ status: 503, type: problemType(ErrorCode.ServiceUnavailable) });
  });

  it('answers a failed readiness check with 503 naming the check, not the driver message', () => {
    const health = new ServiceUnavailableException({
      status: 'error',
      error: { database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' } },
    });
    const mapped = toProblem(health);
    expect(mapped.problem).toMatchObject({ status: 503, checks: { database: 'down' } });
    expect(JSON.stringify(mapped.problem)).not.toContain('ECONNREFUSED');
    expect(mapped.retryAfterSeconds).toBe(5);
  });

  it('keeps data conflicts and unknown faults as they were', () => {
    expect(toProblem(failedQuery(pgError('23505'))).problem.status).toBe(409);
    expect(
      toProblem(failedQuery(pgError('57014', 'canceling statement due to statement timeout'))),
    ).toMatchObject({
      problem: { status: 500 },
      unexpected: true,
    });
    expect(toProblem(new Error('Connection refused by the remote party'))).toMatchObject({
      unexpected: true,
    });
    expect(toProblem(new Error('boom')).retryAfterSeconds).toBeUndefined();
  });
});
