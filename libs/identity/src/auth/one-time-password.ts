import { randomInt } from 'node:crypto';

/** How long a one-time password set by the server for someone else stays valid. */
export const ONE_TIME_PASSWORD_TTL_HOURS = 72;
const HOUR_MS = 3_600_000;

// No 0/O, 1/l/I: the password is read aloud or copied from a screen by the person who hands it over.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

export interface OneTimePassword {
  password: string;
  expiresAt: Date;
}

/** 20 characters from 57 (about 116 bits), in groups of five: `Xk7mP-...`. */
export function newOneTimePassword(now: Date): OneTimePassword {
  const group = () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return {
    password: Array.from({ length: GROUPS }, group).join('-'),
    expiresAt: new Date(now.getTime() + ONE_TIME_PASSWORD_TTL_HOURS * HOUR_MS),
  };
}
