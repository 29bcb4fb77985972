import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but an unbounded password is a cheap way to burn our CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/** A password the user chooses for themselves (`newPassword`), held to the policy. */
export const NewPasswordField = () =>
  applyDecorators(
    ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH }),
    IsString({ message: 'newPassword is verplicht' }),
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `newPassword moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben`,
    }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: 'newPassword is te lang' }),
  );
