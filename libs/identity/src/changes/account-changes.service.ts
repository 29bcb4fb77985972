import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Action, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { UsersService } from '../users/users.service';
import { AccountChangeRecord, AccountChangesRepository } from './account-changes.repository';
import {
  AccountChangeApprovalView,
  AccountChangePageView,
  AccountChangeView,
} from './dto/account-change-view.dto';
import { ListAccountChangesQuery } from './dto/list-account-changes.query';

/**
 * The vier-ogenprincipe: a pending account change takes effect only when a second functioneel beheerder
 * (not the requester, not the account itself) approves it; the requester may withdraw it first.
 */
@Injectable()
export class AccountChangesService {
  private readonly logger = new Logger(AccountChangesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: AccountChangesRepository,
    private readonly users: UsersService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAccountChangesQuery): Promise<AccountChangePageView> {
    const { items, total } = await this.changes.list(query);
    return { items: items.map(AccountChangeView.from), total, limit: query.limit, offset: query.offset };
  }

  /**
   * Carries the change out and answers, once, the one-time password it made (creation, password reset):
   * the approver hands it to the user, who must replace it at first login.
   */
  async approve(id: string, actor: AuthenticatedUser): Promise<AccountChangeApprovalView> {
    const change = await this.pending(id, actor, 'decide');
    // Checked again against today's data (e-mail still free, team still there), before any lock is held.
    const prepared = await this.users.prepareApproval(change);
    const decided = await this.dataSource.transaction(async (manager) => {
      await this.lockPending(manager, id);
      const userId = await prepared.apply(manager);
      return this.decide(manager, id, actor, { status: 'approved', userId }, 'goedgekeurd');
    });
    this.logger.log({ changeId: id, kind: decided.kind }, 'account change approved');
    const oneTime = prepared.oneTimePassword;
    return {
      change: AccountChangeView.from(decided),
      user: await this.users.get(decided.userId ?? ''),
      ...(oneTime && {
        oneTimePassword: oneTime.password,
        oneTimePasswordExpiresAt: oneTime.expiresAt.toISOString(),
      }),
    };
  }

  async reject(id: string, reason: string, actor: AuthenticatedUser): Promise<AccountChangeView> {
    await this.pending(id, actor, 'decide');
    const decided = await this.dataSource.transaction(async (manager) => {
      await this.lockPending(manager, id);
      return this.decide(manager, id, actor, { status: 'rejected', rejectionReason: reason }, 'afgewezen');
    });
    return AccountChangeView.from(decided);
  }

  async withdraw(id: string, actor: AuthenticatedUser): Promise<AccountChangeView> {
    await this.pending(id, actor, 'delete');
    const decided = await this.dataSource.transaction(async (manager) => {
      await this.lockPending(manager, id);
      return this.decide(manager, id, actor, { status: 'withdrawn' }, 'ingetrokken');
    });
    return AccountChangeView.from(decided);
  }

  /** The change, if the caller may do this to it (403 for their own request) and it is still pending. */
  private async pending(id: string, actor: AuthenticatedUser, action: Action): Promise<AccountChangeRecord> {
    const change = await this.changes.find(id);
    const ability = await this.access.abilityFor(actor);
    const may = (what: Action) => !!change && this.access.can(ability, what, 'UserAccountChange', change);
    if (action === 'decide' && may('read') && !may('decide')) {
      throw DomainError.forbidden(
        'U kunt uw eigen verzoek of een wijziging van uw eigen account niet goedkeuren of afwijzen; ' +
          'dat doet een andere functioneel beheerder (vier ogen).',
      );
    }
    this.access.ensureCan(ability, action, 'UserAccountChange', change);
    assertPending(change!);
    return change!;
  }

  private async lockPending(manager: EntityManager, id: string) {
    assertPending((await this.changes.findForUpdate(manager, id))!);
  }

  private async decide(
    manager: EntityManager,
    id: string,
    actor: AuthenticatedUser,
    decision: { status: 'approved' | 'rejected' | 'withdrawn'; userId?: string; rejectionReason?: string },
    reason: string,
  ) {
    const decided = await this.changes.decide(manager, id, {
      ...decision,
      decidedById: actor.id,
      decidedAt: this.clock.now(),
    });
    await this.audit.record(manager, {
      action: 'update',
      resourceType: 'UserAccountChange',
      resourceId: id,
      dataSubjects: [],
      reason: `vier ogen: ${decided.kind} ${reason}`,
    });
    return decided;
  }
}

const STATUS_NAMES = { approved: 'goedgekeurd', rejected: 'afgewezen', withdrawn: 'ingetrokken' } as const;

function assertPending(change: AccountChangeRecord) {
  if (change.status === 'pending') return;
  throw new DomainError(
    ErrorCode.InvalidTransition,
    `Deze wijziging is al afgehandeld: ${STATUS_NAMES[change.status]}.`,
  );
}
