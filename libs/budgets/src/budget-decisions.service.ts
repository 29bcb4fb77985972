import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { BudgetLedger } from './budget-ledger';
import { BudgetRequestAccess } from './budget-request-access';
import { asJson, BudgetRequestView, BudgetViews } from './budget-views';
import { DecideBudgetRequestDto } from './dto';
import { BudgetRequest } from './entities';
import { IdempotencyStore } from './idempotency';

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** Decisions on requests (four eyes, within mandate) and the decider's worklist. */
@Injectable()
export class BudgetDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly requestAccess: BudgetRequestAccess,
    private readonly ledger: BudgetLedger,
    private readonly idempotency: IdempotencyStore,
    private readonly views: BudgetViews,
    private readonly clock: Clock,
  ) {}

  /**
   * Grants or refuses. A grant reserves the amount in the budget in the same transaction (refused with
   * 422 when it does not fit). With an Idempotency-Key a repeat gets the first answer and changes nothing.
   */
  async decide(
    user: AuthenticatedUser,
    id: string,
    dto: DecideBudgetRequestDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<BudgetRequestView>> {
    const ability = await this.access.abilityFor(user);
    const motivation = dto.motivation.trim();
    // Names for the answer, read before the transaction (no second pooled connection inside it).
    const names = await this.views.namesFor(id, [user.id]);
    return this.dataSource.transaction(async (m) => {
      const request = await this.requestAccess.lockReadable(m, ability, id);
      if (idempotencyKey) {
        const command = { outcome: dto.outcome, motivation };
        const stored = await this.idempotency.claim(m, user.id, idempotencyKey, 'decision', id, command);
        if (stored) {
          // The first answer again: a read of what was written then, logged as such.
          await this.requestAccess.log(m, 'budgets.decision', 'read', request);
          return stored as IdempotentAnswer<BudgetRequestView>;
        }
      }
      this.requestAccess.ensureMayDecide(ability, user, request);
      if (request.status !== 'ingediend') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          request.status === 'ingetrokken'
            ? 'Deze aanvraag is ingetrokken; er valt niets meer te beslissen.'
            : `Over deze aanvraag is al beslist (${request.status}).`,
        );
      }
      if (dto.outcome === 'toegekend') await this.ledger.commit(m, request, user.id);
      const result = await m
        .createQueryBuilder()
        .update(BudgetRequest)
        .set({
          status: dto.outcome,
          decidedById: user.id,
          decidedAt: this.clock.now(),
          motivation,
          version: () => 'version + 1',
        })
        .where('id = :id AND status = :status', { id, status: 'ingediend' })
        .execute();
      if (result.affected !== 1) throw new Error('budget request changed under its lock');
      const decided = await m.findOneByOrFail(BudgetRequest, { id });
      const body = asJson(this.views.request(decided, names));
      if (idempotencyKey) await this.idempotency.complete(m, user.id, idempotencyKey, 200, body);
      await this.requestAccess.log(m, 'budgets.decision', 'update', decided);
      return { status: 200, body, replayed: false };
    });
  }

  /**
   * Requests waiting for a decision that this user may take: the access rule for 'decide' (mandate,
   * four eyes, households they fully see, their municipalities) as a WHERE clause, oldest first.
   */
  async worklist(user: AuthenticatedUser, page = 1, pageSize = 50) {
    const ability = await this.access.abilityFor(user);
    const metadata = this.dataSource.getMetadata(BudgetRequest);
    const condition = this.access.condition(ability, 'decide', 'BudgetRequest', metadata, 'r');
    if (!condition) return { items: [], page, pageSize, total: 0 };
    const { rows, total } = await this.dataSource.transaction(async (m) => {
      const [found, count] = await m
        .getRepository(BudgetRequest)
        .createQueryBuilder('r')
        .andWhere(condition)
        .andWhere(`r.status = 'ingediend'`)
        .orderBy('r.created_at', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      if (found.length) await this.requestAccess.logList(m, 'budgets.decision', found);
      return { rows: found, total: count };
    });
    return asJson({ items: await this.views.requests(rows), page, pageSize, total });
  }
}
