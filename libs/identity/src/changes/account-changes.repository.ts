import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export const ACCOUNT_CHANGE_KINDS = ['create', 'update', 'password-reset'] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];
export const ACCOUNT_CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type AccountChangeStatus = (typeof ACCOUNT_CHANGE_STATUSES)[number];

/** A requested account change as stored (user_account_change). */
export interface AccountChangeRecord {
  id: string;
  kind: AccountChangeKind;
  /** The account; null for a creation until it is approved. */
  userId: string | null;
  email: string;
  displayName: string;
  /** The validated request body (never a password). */
  changes: Record<string, unknown>;
  status: AccountChangeStatus;
  requestedById: string;
  requestedByName: string;
  requestedAt: Date;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
}

export interface NewAccountChange {
  kind: AccountChangeKind;
  userId: string | null;
  email: string;
  displayName: string;
  changes: object;
  requestedById: string;
  requestedAt: Date;
}

const COLUMNS = `id, kind, user_id AS "userId", email, display_name AS "displayName", changes, status,
  requested_by AS "requestedById", requested_at AS "requestedAt", decided_by AS "decidedById",
  decided_at AS "decidedAt", rejection_reason AS "rejectionReason",
  (SELECT display_name FROM user_account WHERE id = requested_by) AS "requestedByName",
  (SELECT display_name FROM user_account WHERE id = decided_by) AS "decidedByName"`;

/** The SQL of pending account changes (vier-ogenprincipe). */
@Injectable()
export class AccountChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, change: NewAccountChange): Promise<AccountChangeRecord> {
    const rows: AccountChangeRecord[] = await manager.query(
      `INSERT INTO user_account_change (kind, user_id, email, display_name, changes, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        change.kind,
        change.userId,
        change.email,
        change.displayName,
        JSON.stringify(change.changes),
        change.requestedById,
        change.requestedAt,
      ],
    );
    return rows[0];
  }

  async find(id: string): Promise<AccountChangeRecord | null> {
    const rows: AccountChangeRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM user_account_change WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the row for the decision (two approvers at once: the second sees it decided). */
  async findForUpdate(manager: EntityManager, id: string): Promise<AccountChangeRecord | null> {
    const rows: AccountChangeRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM user_account_change WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A pending change for this account or (creation) this e-mail address, if any. */
  async pendingFor(
    manager: EntityManager,
    target: { userId?: string; email?: string },
  ): Promise<AccountChangeRecord | null> {
    const rows: AccountChangeRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM user_account_change
       WHERE status = 'pending' AND (user_id = $1::uuid OR (kind = 'create' AND lower(email) = lower($2::text)))
       LIMIT 1`,
      [target.userId ?? null, target.email ?? null],
    );
    return rows[0] ?? null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: {
      status: Exclude<AccountChangeStatus, 'pending'>;
      decidedById: string;
      decidedAt: Date;
      userId?: string;
      rejectionReason?: string;
    },
  ): Promise<AccountChangeRecord> {
    // TypeORM answers an UPDATE as [rows, affected count].
    const [rows]: [AccountChangeRecord[], number] = await manager.query(
      `UPDATE user_account_change
       SET status = $2, decided_by = $3, decided_at = $4, user_id = COALESCE($5::uuid, user_id),
           rejection_reason = $6
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        decision.status,
        decision.decidedById,
        decision.decidedAt,
        decision.userId ?? null,
        decision.rejectionReason ?? null,
      ],
    );
    return rows[0];
  }

  async list(filter: {
    status?: AccountChangeStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: AccountChangeRecord[]; total: number }> {
    const status = filter.status ?? null;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM user_account_change WHERE ($1::text IS NULL OR status = $1)`,
      [status],
    );
    const items: AccountChangeRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM user_account_change WHERE ($1::text IS NULL OR status = $1)
       ORDER BY requested_at DESC, id LIMIT $2 OFFSET $3`,
      [status, filter.limit, filter.offset],
    );
    return { items, total };
  }
}
