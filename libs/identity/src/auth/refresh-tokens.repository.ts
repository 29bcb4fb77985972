import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'createdAt'>,
  ): Promise<void> {
    await manager.insert(RefreshToken, token);
  }

  /** The token row, locked until the transaction ends (two refreshes with one token serialise). */
  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.manager.findOneBy(RefreshToken, { tokenHash });
  }

  async markUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(RefreshToken, { id }, { usedAt: at });
  }

  async revokeFamily(familyId: string, at: Date, manager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, at],
    );
  }

  async revokeAllOfUser(userId: string, at: Date, manager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, at],
    );
  }

  /** Housekeeping: tokens expired long ago serve no reuse detection any more. */
  async deleteExpiredOfUser(userId: string, before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM refresh_token WHERE user_id = $1 AND expires_at < $2`, [
      userId,
      before,
    ]);
  }
}
