import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { amsterdamDate, Clock, DomainError, ErrorCode } from '@app/core';
import { IdempotentAnswer } from './budget-decisions.service';
import { BudgetLedger } from './budget-ledger';
import { BudgetRequestAccess } from './budget-request-access';
import { asJson, BudgetRequestView, BudgetViews, PaymentView } from './budget-views';
import { centsOf, RecordPaymentDto } from './dto';
import { BudgetPayment, BudgetRequest, outstandingCents } from './entities';
import { IdempotencyStore } from './idempotency';
import { formatEurosNl } from './money';

export interface PaymentAnswer {
  payment: PaymentView;
  request: BudgetRequestView;
}

/** Payments of granted requests: one or more, together never more than the grant. */
@Injectable()
export class BudgetPaymentsService {
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
   * Records a payment by someone who may decide on the request (the same mandate and four eyes).
   * The request becomes 'betaald' once paid in full, or with a final payment (the rest is released).
   */
  async pay(
    user: AuthenticatedUser,
    id: string,
    dto: RecordPaymentDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<PaymentAnswer>> {
    const { cents, field } = centsOf(dto);
    if (dto.paidOn > this.clock.today()) {
      throw DomainError.invalidField('paidOn', 'De betaaldatum ligt in de toekomst.');
    }
    const ability = await this.access.abilityFor(user);
    // Names for the answer, read before the transaction (no second pooled connection inside it).
    const names = await this.views.namesFor(id, [user.id]);
    return this.dataSource.transaction(async (m) => {
      const request = await this.requestAccess.lockReadable(m, ability, id);
      if (idempotencyKey) {
        const command = {
          cents,
          paidOn: dto.paidOn,
          reference: dto.reference ?? null,
          final: dto.final ?? false,
        };
        const stored = await this.idempotency.claim(m, user.id, idempotencyKey, 'payment', id, command);
        if (stored) {
          // The first answer again: a read of what was written then, logged as such.
          await this.requestAccess.log(m, 'budgets.payment', 'read', request);
          return stored as IdempotentAnswer<PaymentAnswer>;
        }
      }
      this.requestAccess.ensureMayDecide(ability, user, request);
      if (request.status !== 'toegekend') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          request.status === 'betaald'
            ? 'Deze aanvraag is al volledig betaald.'
            : `Alleen een toegekende aanvraag kan worden betaald (status: ${request.status}).`,
        );
      }
      const outstanding = outstandingCents(request);
      if (cents > outstanding) {
        throw new DomainError(
          ErrorCode.BusinessRule,
          `Het bedrag is hoger dan wat van de toekenning nog niet is betaald (${formatEurosNl(outstanding)}).`,
          {
            outstandingCents: outstanding,
            errors: [{ field, message: 'hoger dan het nog te betalen bedrag' }],
          },
        );
      }
      if (request.decidedAt && dto.paidOn < amsterdamDate(request.decidedAt)) {
        throw DomainError.invalidField('paidOn', 'De betaaldatum ligt vóór het besluit.');
      }
      const release = dto.final ? outstanding - cents : 0;
      const payment = await m.save(
        m.create(BudgetPayment, {
          requestId: id,
          budgetId: request.budgetId,
          householdId: request.householdId,
          municipalityId: request.municipalityId,
          amountCents: cents,
          paidOn: dto.paidOn,
          reference: dto.reference?.trim() || null,
          final: dto.final ?? false,
          recordedById: user.id,
        }),
      );
      await this.ledger.pay(m, request, payment.id, cents, user.id);
      if (release > 0) await this.ledger.release(m, request, release, user.id);
      const result = await m
        .createQueryBuilder()
        .update(BudgetRequest)
        .set({
          paidCents: () => 'paid_cents + :cents',
          releasedCents: () => 'released_cents + :release',
          status: () =>
            `CASE WHEN paid_cents + :cents + released_cents + :release = amount_cents THEN 'betaald' ELSE status END`,
          version: () => 'version + 1',
        })
        .where(
          `id = :id AND status = 'toegekend' AND paid_cents + :cents + released_cents + :release <= amount_cents`,
          {
            id,
            cents,
            release,
          },
        )
        .execute();
      if (result.affected !== 1) throw new Error('budget request changed under its lock');
      const updated = await m.findOneByOrFail(BudgetRequest, { id });
      const saved = await m.findOneByOrFail(BudgetPayment, { id: payment.id });
      const body = asJson({
        payment: this.views.payment(saved, names),
        request: this.views.request(updated, names),
      });
      if (idempotencyKey) await this.idempotency.complete(m, user.id, idempotencyKey, 201, body);
      await this.requestAccess.log(
        m,
        'budgets.payment',
        'create',
        { id: saved.id, householdId: updated.householdId, personId: updated.personId },
        'BudgetPayment',
      );
      return { status: 201, body, replayed: false };
    });
  }
}
