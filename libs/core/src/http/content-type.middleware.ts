import { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

const ACCEPTED = ['application/json', 'application/merge-patch+json', 'multipart/form-data', 'text/csv'];
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A write with a body we cannot read is a 415, not a confusing "field missing" 400. */
export function requireKnownContentType(req: Request, _res: Response, next: NextFunction) {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!WITH_BODY.has(req.method) || !hasBody) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (ACCEPTED.includes(type)) return next();
  next(
    new DomainError(
      ErrorCode.UnsupportedMediaType,
      `Content-type '${type || '(geen)'}' wordt niet ondersteund; gebruik application/json.`,
    ),
  );
}
