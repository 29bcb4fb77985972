import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Pillar, Role } from '@app/access';
import { UserAccount } from '../entities/user-account.entity';

export interface UserTeamMembership {
  teamId: string;
  isLead: boolean;
}

/** A user as stored, with memberships; never the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  pillars: Pillar[];
  municipalityIds: string[];
  teams: UserTeamMembership[];
  mandateCents: number;
  active: boolean;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
}

export interface LoginCredentials {
  id: string;
  passwordHash: string;
  active: boolean;
  lockedUntil: Date | null;
  /** Set: the password is a one-time password, only good for choosing a new one until then. */
  oneTimePasswordExpiresAt: Date | null;
}

export interface UserListFilter {
  organisationId?: string;
  teamId?: string;
  role?: Role;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface NewUserRow {
  email: string;
  displayName: string;
  passwordHash: string;
  organisationId: string;
  roles: Role[];
  pillars: Pillar[];
  mandateCents: number;
  passwordChangedAt: Date;
  oneTimePasswordExpiresAt: Date | null;
}

export type UserRowChanges = Partial<
  Omit<NewUserRow, 'passwordHash' | 'passwordChangedAt' | 'oneTimePasswordExpiresAt'>
> & {
  active?: boolean;
};

const RECORD_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.organisation_id AS "organisationId", u.roles, u.pillars,
  u.mandate_cents::text AS "mandateCents", u.active, u.locked_until AS "lockedUntil",
  u.password_changed_at AS "passwordChangedAt", u.created_at AS "createdAt",
  ARRAY(SELECT um.municipality_id::text FROM user_municipality um WHERE um.user_id = u.id ORDER BY 1)
    AS "municipalityIds",
  COALESCE((SELECT json_agg(json_build_object('teamId', ut.team_id, 'isLead', ut.is_lead) ORDER BY ut.team_id)
    FROM user_team ut WHERE ut.user_id = u.id), '[]'::json) AS teams`;

type RawRecord = Omit<UserRecord, 'mandateCents'> & { mandateCents: string };
const toRecord = (row: RawRecord): UserRecord => ({ ...row, mandateCents: Number(row.mandateCents) });

/** The SQL of user accounts, named for what the services need. */
@Injectable()
export class UserAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findRecord(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRecord | null> {
    const rows: RawRecord[] = await manager.query(
      `SELECT ${RECORD_COLUMNS} FROM user_account u WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findRecords(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const rows: RawRecord[] = await manager.query(
      `SELECT ${RECORD_COLUMNS} FROM user_account u WHERE u.id = ANY ($1::uuid[])`,
      [ids],
    );
    return rows.map(toRecord);
  }

  async idsByEmail(emails: readonly string[]): Promise<{ id: string; email: string }[]> {
    if (emails.length === 0) return [];
    return this.dataSource.query(`SELECT id, email FROM user_account WHERE lower(email) = ANY ($1::text[])`, [
      emails.map((e) => e.toLowerCase()),
    ]);
  }

  async displayNames(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { display_name: string }[] = await manager.query(
      `SELECT DISTINCT display_name FROM user_account`,
    );
    return rows.map((r) => r.display_name);
  }

  async userIdsInTeams(teamIds: readonly string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM user_team WHERE team_id = ANY ($1::uuid[])`,
      [teamIds],
    );
    return rows.map((r) => r.user_id);
  }

  async list(filter: UserListFilter): Promise<{ items: UserRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.organisationId) add('u.organisation_id = ?', filter.organisationId);
    if (filter.role) add('? = ANY (u.roles)', filter.role);
    if (filter.active !== undefined) add('u.active = ?', filter.active);
    if (filter.teamId)
      add('EXISTS (SELECT 1 FROM user_team t WHERE t.user_id = u.id AND t.team_id = ?)', filter.teamId);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM user_account u ${condition}`,
      params,
    );
    const rows: RawRecord[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM user_account u ${condition}
       ORDER BY u.display_name, u.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toRecord), total };
  }

  /** Active users with one of these roles working in the municipality whose name contains the text. */
  async findCaseWorkers(
    filter: { municipalityId: string; roles: readonly Role[]; nameContains: string; limit: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserRecord[]> {
    const rows: RawRecord[] = await manager.query(
      `SELECT ${RECORD_COLUMNS} FROM user_account u
       WHERE u.active AND u.roles && $1::text[]
         AND EXISTS (SELECT 1 FROM user_municipality um WHERE um.user_id = u.id AND um.municipality_id = $2)
         AND u.display_name ILIKE '%' || $3 || '%' ESCAPE '\\'
       ORDER BY u.display_name, u.id LIMIT $4`,
      [filter.roles, filter.municipalityId, filter.nameContains.replace(/[\\%_]/g, '\\$&'), filter.limit],
    );
    return rows.map(toRecord);
  }

  async emailTaken(email: string, exceptId?: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM user_account WHERE lower(email) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [email, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async findCredentialsByEmail(email: string): Promise<LoginCredentials | null> {
    const rows: LoginCredentials[] = await this.dataSource.query(
      `SELECT id, password_hash AS "passwordHash", active, locked_until AS "lockedUntil",
              one_time_password_expires_at AS "oneTimePasswordExpiresAt"
       FROM user_account WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findPasswordHash(id: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT password_hash FROM user_account WHERE id = $1`, [id]);
    return rows[0]?.password_hash ?? null;
  }

  /**
   * Counts a failed login in one atomic statement; the failure that reaches the maximum locks the
   * account until `lockUntil` and starts the count afresh. Answers the lock end when it locked.
   */
  async recordFailedLogin(id: string, maxFailures: number, lockUntil: Date): Promise<Date | null> {
    const reachesMax = 'failed_logins + 1 >= :maxFailures';
    const result = await this.dataSource
      .createQueryBuilder()
      .update(UserAccount)
      .set({
        failedLogins: () => `CASE WHEN ${reachesMax} THEN 0 ELSE failed_logins + 1 END`,
        lockedUntil: () => `CASE WHEN ${reachesMax} THEN :lockUntil::timestamptz ELSE locked_until END`,
      })
      .where('id = :id', { id, maxFailures, lockUntil })
      .returning('(locked_until = :lockUntil::timestamptz) AS locked')
      .execute();
    const rows = result.raw as { locked: boolean }[];
    return rows[0]?.locked ? lockUntil : null;
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_account SET failed_logins = 0, locked_until = NULL
       WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
      [id],
    );
  }

  /** A new password also lifts a lock; `oneTimeUntil` makes it a one-time password valid until then. */
  async setPassword(
    id: string,
    passwordHash: string,
    changedAt: Date,
    manager = this.dataSource.manager,
    oneTimeUntil: Date | null = null,
  ) {
    await manager.query(
      `UPDATE user_account SET password_hash = $2, password_changed_at = $3, failed_logins = 0, locked_until = NULL,
         one_time_password_expires_at = $4
       WHERE id = $1`,
      [id, passwordHash, changedAt, oneTimeUntil],
    );
  }

  async insert(manager: EntityManager, row: NewUserRow): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO user_account
         (email, display_name, password_hash, organisation_id, roles, pillars, mandate_cents, password_changed_at, created_at,
          one_time_password_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
      [
        row.email,
        row.displayName,
        row.passwordHash,
        row.organisationId,
        row.roles,
        row.pillars,
        row.mandateCents,
        row.passwordChangedAt,
        row.oneTimePasswordExpiresAt,
      ],
    );
    return rows[0].id;
  }

  async update(manager: EntityManager, id: string, changes: UserRowChanges): Promise<void> {
    const columns: Record<keyof UserRowChanges, string> = {
      email: 'email',
      displayName: 'display_name',
      organisationId: 'organisation_id',
      roles: 'roles',
      pillars: 'pillars',
      mandateCents: 'mandate_cents',
      active: 'active',
    };
    // PATCH: an absent or null field leaves the stored value alone (none of these columns is nullable).
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined && value !== null);
    if (entries.length === 0) return;
    const assignments = entries.map(([key], i) => `${columns[key as keyof UserRowChanges]} = $${i + 2}`);
    await manager.query(`UPDATE user_account SET ${assignments.join(', ')} WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  }

  async replaceMunicipalities(manager: EntityManager, userId: string, municipalityIds: readonly string[]) {
    await manager.query(`DELETE FROM user_municipality WHERE user_id = $1`, [userId]);
    if (municipalityIds.length === 0) return;
    await manager.query(
      `INSERT INTO user_municipality (user_id, municipality_id) SELECT $1, unnest($2::uuid[])`,
      [userId, municipalityIds],
    );
  }

  async replaceTeams(manager: EntityManager, userId: string, teams: readonly UserTeamMembership[]) {
    await manager.query(`DELETE FROM user_team WHERE user_id = $1`, [userId]);
    if (teams.length === 0) return;
    await manager.query(
      `INSERT INTO user_team (user_id, team_id, is_lead) SELECT $1, unnest($2::uuid[]), unnest($3::boolean[])`,
      [userId, teams.map((t) => t.teamId), teams.map((t) => t.isLead)],
    );
  }
}
