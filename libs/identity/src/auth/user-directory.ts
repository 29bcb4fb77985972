import { AuthenticatedUser } from '@app/access';

/**
 * Where the JWT strategy (and login/refresh) find the current state of a user, on every request.
 * The local implementation reads user_account; an OpenID Connect provider can bind its own directory
 * to this token later without any domain module noticing.
 */
export interface UserDirectory {
  /** The user as the access rules see them, or null when unknown or deactivated. */
  findActiveUser(userId: string): Promise<AuthenticatedUser | null>;
}

export const USER_DIRECTORY = Symbol('UserDirectory');
