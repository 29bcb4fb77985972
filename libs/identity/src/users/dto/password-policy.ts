export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but an unbounded password is a cheap way to burn our CPU. */
export const PASSWORD_MAX_LENGTH = 256;
