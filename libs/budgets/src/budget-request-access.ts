import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { AuditService, ProcessingAction } from '@app/audit';
import { DomainError } from '@app/core';
import { BudgetRequest } from './entities';
import { formatEurosNl } from './money';

export type BudgetActivity = 'budgets.request' | 'budgets.decision' | 'budgets.payment';

/** Loading a request with the caller's rights on it, and logging its processing: shared by the services. */
@Injectable()
export class BudgetRequestAccess {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The request, locked for the rest of the transaction (decisions, payments and withdrawals on one
   * request queue here), or 404 when it does not exist or the caller may not read it.
   */
  async lockReadable(m: EntityManager, ability: AppAbility, id: string): Promise<BudgetRequest> {
    const request = await m
      .getRepository(BudgetRequest)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    this.access.ensureCan(ability, 'read', 'BudgetRequest', request);
    return request!;
  }

  async readable(m: EntityManager, ability: AppAbility, id: string): Promise<BudgetRequest> {
    const request = await m.findOneBy(BudgetRequest, { id });
    this.access.ensureCan(ability, 'read', 'BudgetRequest', request);
    return request!;
  }

  /**
   * Decisions and payments: within the caller's mandate and never on their own request (four eyes),
   * as the access rules say; the refusal names which of the two applies.
   */
  ensureMayDecide(ability: AppAbility, user: AuthenticatedUser, request: BudgetRequest) {
    if (this.access.can(ability, 'decide', 'BudgetRequest', request)) return;
    if (request.requestedById === user.id) {
      throw DomainError.forbidden(
        'U heeft deze aanvraag zelf ingediend; een collega moet erover beslissen (vier-ogenprincipe).',
      );
    }
    if (request.amountCents > user.mandateCents) {
      throw DomainError.forbidden(
        `Het bedrag ligt boven uw mandaat (${formatEurosNl(user.mandateCents)}); ` +
          'laat een collega met een hoger mandaat beslissen.',
      );
    }
    throw DomainError.forbidden('U mag over aanvragen voor dit huishouden niet beslissen.');
  }

  log(
    m: EntityManager,
    activityId: BudgetActivity,
    action: ProcessingAction,
    request: Pick<BudgetRequest, 'id' | 'householdId' | 'personId'>,
    resourceType = 'BudgetRequest',
  ) {
    return this.audit.record(m, {
      activityId,
      action,
      resourceType,
      resourceId: request.id,
      householdId: request.householdId,
      dataSubjects: [
        { type: 'household', id: request.householdId },
        ...(request.personId ? [{ type: 'person' as const, id: request.personId }] : []),
      ],
    });
  }

  /** One read of a list: the households (and persons) whose requests were shown. */
  logList(m: EntityManager, activityId: BudgetActivity, requests: BudgetRequest[], householdId?: string) {
    return this.audit.record(m, {
      activityId,
      action: 'read',
      resourceType: 'BudgetRequest',
      householdId,
      dataSubjects: [
        ...(householdId ? [{ type: 'household' as const, id: householdId }] : []),
        ...requests.map((r) => ({ type: 'household' as const, id: r.householdId })),
        ...requests.flatMap((r) => (r.personId ? [{ type: 'person' as const, id: r.personId }] : [])),
      ],
    });
  }
}
