import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainError } from '@app/core';
import { Bezwaar, Indication, IndicationSuspension, Product } from './entities';
import { currentDeadline, IndicationView, procedureFacts, toView } from './indication-view';

/** Reads and writes of indication rows with their procedure parts; no access decisions here. */
@Injectable()
export class IndicationsRepository {
  /** The row locked for the rest of the transaction, so procedure steps on one indication queue up. */
  lockById(m: EntityManager, id: string): Promise<Indication | null> {
    return m
      .getRepository(Indication)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .andWhere('i.id = :id', { id })
      .getOne();
  }

  suspensionsOf(m: EntityManager, indicationIds: string[]): Promise<IndicationSuspension[]> {
    if (indicationIds.length === 0) return Promise.resolve([]);
    return m.find(IndicationSuspension, {
      where: { indicationId: In(indicationIds) },
      order: { startDate: 'ASC' },
    });
  }

  bezwarenOf(m: EntityManager, indicationIds: string[]): Promise<Bezwaar[]> {
    if (indicationIds.length === 0) return Promise.resolve([]);
    return m.find(Bezwaar, { where: { indicationId: In(indicationIds) }, order: { receivedDate: 'ASC' } });
  }

  /**
   * Applies the changes with the version guard (`WHERE version = :v`) and recomputes the stored deadline
   * from the procedure as it is after the change. Returns the row as now stored.
   */
  async update(
    m: EntityManager,
    row: Indication,
    changes: Partial<Indication>,
    now: Date,
  ): Promise<Indication> {
    const next = { ...row, ...changes } as Indication;
    const suspensions = await this.suspensionsOf(m, [row.id]);
    const bezwaren = await this.bezwarenOf(m, [row.id]);
    const deadline = currentDeadline(procedureFacts(next, suspensions, bezwaren));
    const result = await m
      .createQueryBuilder()
      .update(Indication)
      .set({ ...changes, ...deadline, version: row.version + 1, updatedAt: now })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (result.affected !== 1) {
      throw DomainError.conflict('Deze indicatie is intussen gewijzigd; laad haar opnieuw.');
    }
    return { ...next, ...deadline, version: row.version + 1, updatedAt: now };
  }

  /** Views of these rows with their products, suspensions and bezwaren, in three queries. */
  async views(m: EntityManager, rows: Indication[], today: string): Promise<IndicationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const products = await m.find(Product, { where: { id: In([...new Set(rows.map((r) => r.productId))]) } });
    const suspensions = await this.suspensionsOf(m, ids);
    const bezwaren = await this.bezwarenOf(m, ids);
    const productById = new Map(products.map((p) => [p.id, p]));
    return rows.map((row) =>
      toView(
        row,
        productById.get(row.productId)!,
        suspensions.filter((s) => s.indicationId === row.id),
        bezwaren.filter((b) => b.indicationId === row.id),
        today,
      ),
    );
  }
}
