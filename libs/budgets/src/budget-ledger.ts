import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@app/core';
import { BudgetLedgerEntry, BudgetRequest } from './entities';
import { formatEurosNl } from './money';

interface BudgetTotals {
  amount_cents: string;
  committed_cents: string;
  paid_cents: string;
}

/**
 * The only code that moves a budget's totals. Each movement is one guarded, relative UPDATE of the
 * budget row (PostgreSQL re-checks the guard on the newest row version when concurrent writers queue
 * on the row lock, so READ COMMITTED is enough) plus one ledger row, in the caller's transaction.
 * The CHECK budget_never_overspent is the backstop should a guard ever be wrong.
 */
@Injectable()
export class BudgetLedger {
  /** Reserves the granted amount; refused (422) when the budget has no room left for it. */
  async commit(m: EntityManager, request: BudgetRequest, userId: string) {
    const rows: BudgetTotals[] = await this.update(
      m,
      `UPDATE budget SET committed_cents = committed_cents + $2, updated_at = now()
        WHERE id = $1 AND committed_cents + paid_cents + $2 <= amount_cents
        RETURNING amount_cents, committed_cents, paid_cents`,
      [request.budgetId, request.amountCents],
    );
    if (rows.length !== 1) {
      const remaining = await this.remaining(m, request.budgetId);
      throw new DomainError(
        ErrorCode.BusinessRule,
        `Het maatwerkbudget heeft nog ${formatEurosNl(remaining)} ruimte; ` +
          `toekennen van ${formatEurosNl(request.amountCents)} zou het budget overschrijden.`,
        { reason: 'budget-exhausted', remainingCents: remaining },
      );
    }
    await this.append(m, request, 'commitment', request.amountCents, 0, null, userId);
  }

  /** Gives an unpaid part of a grant back to the budget (withdrawal, or a final payment below the grant). */
  async release(m: EntityManager, request: BudgetRequest, cents: number, userId: string) {
    const rows = await this.update(
      m,
      `UPDATE budget SET committed_cents = committed_cents - $2, updated_at = now()
        WHERE id = $1 AND committed_cents >= $2 RETURNING id`,
      [request.budgetId, cents],
    );
    if (rows.length !== 1) throw new Error('ledger: release exceeds the committed total');
    await this.append(m, request, 'release', -cents, 0, null, userId);
  }

  /** Moves a paid amount from committed to paid: the budget's total use does not change. */
  async pay(m: EntityManager, request: BudgetRequest, paymentId: string, cents: number, userId: string) {
    const rows = await this.update(
      m,
      `UPDATE budget SET committed_cents = committed_cents - $2, paid_cents = paid_cents + $2, updated_at = now()
        WHERE id = $1 AND committed_cents >= $2 RETURNING id`,
      [request.budgetId, cents],
    );
    if (rows.length !== 1) throw new Error('ledger: payment exceeds the committed total');
    await this.append(m, request, 'payment', -cents, cents, paymentId, userId);
  }

  /** Sets a budget's amount, refused (422, field "amount") below what is committed plus paid. */
  async setAmount(m: EntityManager, budgetId: string, cents: number, userId: string, field: string) {
    const rows = await this.update(
      m,
      `UPDATE budget SET amount_cents = $2, version = version + 1, updated_by = $3, updated_at = now()
        WHERE id = $1 AND committed_cents + paid_cents <= $2 RETURNING id`,
      [budgetId, cents, userId],
    );
    if (rows.length === 1) return;
    const [used] = await m.query<{ used: string }[]>(
      `SELECT committed_cents + paid_cents AS used FROM budget WHERE id = $1`,
      [budgetId],
    );
    throw new DomainError(
      ErrorCode.BusinessRule,
      `Het budget kan niet lager worden dan wat al is toegekend of betaald (${formatEurosNl(Number(used.used))}).`,
      {
        reason: 'budget-below-use',
        usedCents: Number(used.used),
        errors: [{ field, message: 'lager dan wat al is toegekend of betaald' }],
      },
    );
  }

  /** Committed and paid as the ledger adds them up, to check against the budget row. */
  async ledgerTotals(m: EntityManager, budgetIds: string[]) {
    if (budgetIds.length === 0) return new Map<string, { committedCents: number; paidCents: number }>();
    const rows = await m.query<{ budget_id: string; committed: string; paid: string }[]>(
      `SELECT budget_id, sum(committed_delta_cents) AS committed, sum(paid_delta_cents) AS paid
         FROM budget_ledger_entry WHERE budget_id = ANY($1::uuid[]) GROUP BY budget_id`,
      [budgetIds],
    );
    return new Map(
      rows.map((r) => [r.budget_id, { committedCents: Number(r.committed), paidCents: Number(r.paid) }]),
    );
  }

  private async remaining(m: EntityManager, budgetId: string): Promise<number> {
    const [row] = await m.query<{ remaining: string }[]>(
      `SELECT amount_cents - committed_cents - paid_cents AS remaining FROM budget WHERE id = $1`,
      [budgetId],
    );
    return Number(row.remaining);
  }

  /** UPDATE ... RETURNING through TypeORM answers [rows, count]; we want the rows. */
  private async update<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    const result = (await m.query(sql, params)) as [T[], number] | T[];
    return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
  }

  private append(
    m: EntityManager,
    request: BudgetRequest,
    kind: BudgetLedgerEntry['kind'],
    committedDeltaCents: number,
    paidDeltaCents: number,
    paymentId: string | null,
    userId: string,
  ) {
    return m.insert(BudgetLedgerEntry, {
      budgetId: request.budgetId,
      requestId: request.id,
      paymentId,
      kind,
      committedDeltaCents,
      paidDeltaCents,
      recordedById: userId,
    });
  }
}
