import type { Pillar, Role } from '../../api/types';

/** A user as the functioneel beheerder sees them (GET /users): never a password or its hash. */
export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  pillars: Pillar[];
  municipalityIds: string[];
  teams: { teamId: string; isLead: boolean }[];
  mandateCents: number;
  active: boolean;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type AccountChangeKind = 'create' | 'update' | 'password-reset';

/** A change that waits for a second functioneel beheerder (vier-ogenprincipe, GET /user-changes). */
export interface AccountChange {
  id: string;
  kind: AccountChangeKind;
  userId: string | null;
  email: string;
  displayName: string;
  changes: Partial<UserFieldsBody> & { active?: boolean };
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  requestedById: string;
  requestedByName: string;
  requestedAt: string;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
}

export interface OneTimePassword {
  oneTimePassword: string;
  oneTimePasswordExpiresAt: string;
}

/** The answer to POST /users: 201 with a one-time password, or 202 with the pending change. */
export type CreatedUser = UserAccount & OneTimePassword;

export interface ApprovalResult extends Partial<OneTimePassword> {
  change: AccountChange;
  user: UserAccount;
}

/** The body of POST /users and PATCH /users/:id. */
export interface UserFieldsBody {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  pillars: Pillar[];
  municipalityIds: string[];
  teams: { teamId: string; isLead: boolean }[];
  mandateCents: number;
}

export interface Team {
  id: string;
  organisationId: string;
  name: string;
}

export const CHANGE_KIND_LABELS: Record<AccountChangeKind, string> = {
  create: 'Nieuw account',
  update: 'Wijziging',
  'password-reset': 'Wachtwoord resetten',
};
