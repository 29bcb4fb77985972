import { HttpStatus } from '@nestjs/common';

/** Stable problem types. The code is part of the API contract: never rename one. */
export enum ErrorCode {
  Validation = 'validation',
  MalformedJson = 'malformed-json',
  UnsupportedMediaType = 'unsupported-media-type',
  PayloadTooLarge = 'payload-too-large',
  NotFound = 'not-found',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  InvalidTransition = 'invalid-transition',
  PreconditionFailed = 'precondition-failed',
  PreconditionRequired = 'precondition-required',
  TooManyRequests = 'too-many-requests',
  AccountLocked = 'account-locked',
  PasswordChangeRequired = 'password-change-required',
  BusinessRule = 'business-rule',
  ServiceUnavailable = 'service-unavailable',
  Internal = 'internal',
}

export const STATUS_BY_CODE: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.Validation]: HttpStatus.BAD_REQUEST,
  [ErrorCode.MalformedJson]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [ErrorCode.PreconditionFailed]: HttpStatus.PRECONDITION_FAILED,
  [ErrorCode.PreconditionRequired]: HttpStatus.PRECONDITION_REQUIRED,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.AccountLocked]: HttpStatus.LOCKED,
  [ErrorCode.PasswordChangeRequired]: HttpStatus.FORBIDDEN,
  [ErrorCode.BusinessRule]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export const TITLE_BY_CODE: Record<ErrorCode, string> = {
  [ErrorCode.Validation]: 'De invoer is ongeldig',
  [ErrorCode.MalformedJson]: 'De request body is geen geldige JSON',
  [ErrorCode.UnsupportedMediaType]: 'Dit content-type wordt niet ondersteund',
  [ErrorCode.PayloadTooLarge]: 'De request body is te groot',
  [ErrorCode.NotFound]: 'Niet gevonden',
  [ErrorCode.Unauthenticated]: 'Niet ingelogd',
  [ErrorCode.Forbidden]: 'Geen toegang',
  [ErrorCode.Conflict]: 'Conflict met de huidige toestand',
  [ErrorCode.InvalidTransition]: 'Deze statusovergang is niet toegestaan',
  [ErrorCode.PreconditionFailed]: 'De gegevens zijn intussen gewijzigd',
  [ErrorCode.PreconditionRequired]: 'If-Match header ontbreekt',
  [ErrorCode.TooManyRequests]: 'Te veel verzoeken',
  [ErrorCode.AccountLocked]: 'Account tijdelijk geblokkeerd',
  [ErrorCode.PasswordChangeRequired]: 'Wijzig eerst uw eenmalige wachtwoord',
  [ErrorCode.BusinessRule]: 'Dit is niet toegestaan volgens de regels',
  [ErrorCode.ServiceUnavailable]: 'Tijdelijk niet beschikbaar',
  [ErrorCode.Internal]: 'Er ging iets mis aan onze kant',
};

export const problemType = (code: ErrorCode) => `urn:gezinsplan:problem:${code}`;
