import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { UsersService } from '@app/identity';
import { ReferenceService } from '@app/reference';
import { ArrearsSignal, SignalAttempt } from '../entities';
import { MIN_ATTEMPTS_FOR_NO_CONTACT } from '../outreach.vocabulary';
import { CreateAttemptDto, TransferSignalDto, UpdateSignalDto, WorklistQuery } from './dto';
import { signalSubject } from './signal-import.service';
import { signalView } from './signal-view';

const SIGNAL_ORGANISATION_KINDS = ['kbl', 'financial-coaching'];
const WORKER_ROLES = ['financial-coach', 'schuldhulpverlener'];

/** The worklist of signals for coaches and KBL intake, and the follow-up of one signal. */
@Injectable()
export class SignalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  /** Signals of my organisation by priority (hoog first), oldest first within a priority; filtered in SQL. */
  async worklist(user: AuthenticatedUser, query: WorklistQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const ability = await this.access.abilityFor(user);
    const condition = this.access.condition(
      ability,
      'read',
      'Signal',
      this.dataSource.getMetadata(ArrearsSignal),
      's',
    );
    if (condition === null) return { items: [], page, pageSize, total: 0 };
    return this.dataSource.transaction(async (m) => {
      const qb = m.getRepository(ArrearsSignal).createQueryBuilder('s').andWhere(condition);
      const status = query.status ?? 'open';
      if (status === 'open') qb.andWhere('s.outcome IS NULL');
      if (status === 'closed') qb.andWhere('s.outcome IS NOT NULL');
      if (query.mine) qb.andWhere('s.owner_user_id = :me', { me: user.id });
      if (query.creditorType) qb.andWhere('s.creditor_type = :type', { type: query.creditorType });
      qb.orderBy('s.priority', 'DESC')
        .addOrderBy('s.received_on', 'ASC')
        .addOrderBy('s.reference', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize);
      const [rows, total] = await qb.getManyAndCount();
      const extras = await this.extras(m, rows);
      await this.audit.record(m, {
        activityId: 'outreach.signals.follow-up',
        action: 'read',
        resourceType: 'Signal',
        dataSubjects: rows.map(signalSubject),
      });
      const today = this.clock.today();
      return { items: rows.map((s) => signalView(s, today, extras.get(s.id)!)), page, pageSize, total };
    });
  }

  async get(user: AuthenticatedUser, id: string) {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const signal = await m.findOneBy(ArrearsSignal, { id });
      this.access.ensureCan(ability, 'read', 'Signal', signal);
      return this.detail(m, ability, signal!, 'read');
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateSignalDto) {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const signal = await this.lockForUpdate(m, ability, id);
      const today = this.clock.today();
      const changes: Partial<ArrearsSignal> = {};
      const notBefore = (field: string, date: string, earliest: string, what: string) => {
        if (date < earliest) throw DomainError.invalidField(field, `Deze datum ligt vóór ${what}.`);
      };
      const notAfterToday = (field: string, date: string) => {
        if (date > today) throw DomainError.invalidField(field, 'Deze datum ligt in de toekomst.');
      };
      if (dto.outcome !== undefined) {
        if (dto.outcome === 'geen_contact') {
          const attempts = await m.countBy(SignalAttempt, { signalId: id });
          if (attempts < MIN_ATTEMPTS_FOR_NO_CONTACT) {
            throw DomainError.rule(
              `"Geen contact" vraagt ten minste ${MIN_ATTEMPTS_FOR_NO_CONTACT} vastgelegde contactpogingen.`,
              'outcome',
            );
          }
        }
        changes.outcome = dto.outcome;
        changes.outcomeOn = dto.outcome === null ? null : (dto.outcomeOn ?? today);
      } else if (dto.outcomeOn !== undefined) {
        if (!signal.outcome) throw DomainError.invalidField('outcomeOn', 'Er is nog geen uitkomst.');
        changes.outcomeOn = dto.outcomeOn;
      }
      if (changes.outcomeOn) {
        notAfterToday('outcomeOn', changes.outcomeOn);
        notBefore('outcomeOn', changes.outcomeOn, signal.receivedOn, 'de ontvangst van het signaal');
      }
      if (dto.helpRequestedOn !== undefined) {
        notAfterToday('helpRequestedOn', dto.helpRequestedOn);
        notBefore('helpRequestedOn', dto.helpRequestedOn, signal.receivedOn, 'de ontvangst van het signaal');
        changes.helpRequestedOn = dto.helpRequestedOn;
      }
      if (dto.firstConversationOn !== undefined) {
        const requested = changes.helpRequestedOn ?? signal.helpRequestedOn;
        if (!requested) {
          throw DomainError.invalidField(
            'firstConversationOn',
            'Leg eerst de hulpvraag vast (helpRequestedOn).',
          );
        }
        notBefore('firstConversationOn', dto.firstConversationOn, requested, 'de hulpvraag');
        changes.firstConversationOn = dto.firstConversationOn;
      }
      if (dto.threatening !== undefined) changes.threatening = dto.threatening;
      if (dto.ownerUserId !== undefined) {
        if (dto.ownerUserId !== null) await this.assertColleague(m, dto.ownerUserId, signal);
        changes.ownerUserId = dto.ownerUserId;
      }
      if (Object.keys(changes).length) {
        await m.update(ArrearsSignal, { id }, { ...changes, updatedAt: this.clock.now() });
      }
      const updated = await m.findOneByOrFail(ArrearsSignal, { id });
      return this.detail(m, ability, updated, 'update');
    });
  }

  async addAttempt(user: AuthenticatedUser, id: string, dto: CreateAttemptDto) {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const signal = await this.lockForUpdate(m, ability, id);
      if (dto.attemptedOn > this.clock.today()) {
        throw DomainError.invalidField('attemptedOn', 'Deze datum ligt in de toekomst.');
      }
      if (dto.attemptedOn < signal.receivedOn) {
        throw DomainError.invalidField('attemptedOn', 'Deze datum ligt vóór de ontvangst van het signaal.');
      }
      await m.insert(SignalAttempt, {
        signalId: id,
        kind: dto.kind,
        attemptedOn: dto.attemptedOn,
        reached: dto.reached,
        note: dto.note?.trim() ?? null,
        recordedBy: user.id,
      });
      return this.detail(m, ability, signal, 'update');
    });
  }

  /** Hands a signal to the other organisation that works signals (coaches <-> KBL intake). */
  async transfer(user: AuthenticatedUser, id: string, dto: TransferSignalDto) {
    const ability = await this.access.abilityFor(user);
    await this.dataSource.transaction(async (m) => {
      const signal = await this.lockForUpdate(m, ability, id);
      // On the transaction's connection (see assertColleague).
      const target = await this.reference.organisation(dto.organisationId, m);
      if (!target || !SIGNAL_ORGANISATION_KINDS.includes(target.kind)) {
        throw DomainError.invalidField(
          'organisationId',
          'Alleen KBL of de financieel coaches werken signalen.',
        );
      }
      if (target.id === signal.ownerOrganisationId) {
        throw DomainError.invalidField('organisationId', 'Dit signaal ligt al bij deze organisatie.');
      }
      await m.update(
        ArrearsSignal,
        { id },
        { ownerOrganisationId: target.id, ownerUserId: null, updatedAt: this.clock.now() },
      );
      await this.log(m, 'update', signal);
    });
  }

  private async lockForUpdate(m: EntityManager, ability: AppAbility, id: string) {
    const signal = await m.findOne(ArrearsSignal, { where: { id }, lock: { mode: 'pessimistic_write' } });
    this.access.ensureCan(ability, 'update', 'Signal', signal);
    return signal!;
  }

  private async assertColleague(m: EntityManager, userId: string, signal: ArrearsSignal) {
    // On the transaction's connection: a second pooled connection while holding the row lock
    // deadlocks the pool under load.
    const [profile] = await this.users.caseWorkerProfiles([userId], m);
    if (
      !profile ||
      !profile.active ||
      profile.organisationId !== signal.ownerOrganisationId ||
      !profile.roles.some((role) => WORKER_ROLES.includes(role)) ||
      !profile.municipalityIds.includes(signal.municipalityId)
    ) {
      throw DomainError.invalidField(
        'ownerUserId',
        'Wijs het signaal toe aan een coach of KBL-medewerker van de eigen organisatie.',
      );
    }
  }

  private async detail(
    m: EntityManager,
    ability: AppAbility,
    signal: ArrearsSignal,
    action: 'read' | 'update',
  ) {
    const attempts = await m.find(SignalAttempt, {
      where: { signalId: signal.id },
      order: { attemptedOn: 'ASC', createdAt: 'ASC' },
    });
    // Other signals at the same address that the caller may see (the grouping behind the priority).
    const condition = this.access.condition(
      ability,
      'read',
      'Signal',
      this.dataSource.getMetadata(ArrearsSignal),
      'g',
    );
    const group = condition
      ? await m
          .getRepository(ArrearsSignal)
          .createQueryBuilder('g')
          .andWhere(condition)
          .andWhere('g.municipality_id = :municipality AND g.address_key = :address AND g.id <> :id', {
            municipality: signal.municipalityId,
            address: signal.addressKey,
            id: signal.id,
          })
          .orderBy('g.received_on', 'ASC')
          .getMany()
      : [];
    const extras = await this.extras(m, [signal]);
    await this.log(m, action, signal);
    return {
      ...signalView(signal, this.clock.today(), extras.get(signal.id)!),
      attempts: attempts.map((a) => ({
        id: a.id,
        kind: a.kind,
        attemptedOn: a.attemptedOn,
        reached: a.reached,
        note: a.note,
        recordedBy: a.recordedBy,
      })),
      sameAddress: group.map((g) => ({
        id: g.id,
        reference: g.reference,
        creditorType: g.creditorType,
        creditor: g.creditor,
        receivedOn: g.receivedOn,
        outcome: g.outcome,
      })),
    };
  }

  /** Attempt counts and the number of signals at each address, for a page of signals in one query. */
  private async extras(m: EntityManager, signals: ArrearsSignal[]) {
    const rows = await m.query<{ id: string; attempts: number; address_signals: number }[]>(
      `SELECT s.id,
              (SELECT count(*)::int FROM arrears_signal_attempt a WHERE a.signal_id = s.id) AS attempts,
              (SELECT count(*)::int FROM arrears_signal o
                WHERE o.municipality_id = s.municipality_id AND o.address_key = s.address_key) AS address_signals
         FROM arrears_signal s WHERE s.id = ANY($1::uuid[])`,
      [signals.map((s) => s.id)],
    );
    return new Map(rows.map((r) => [r.id, { attempts: r.attempts, addressSignals: r.address_signals }]));
  }

  private log(m: EntityManager, action: 'read' | 'update', signal: ArrearsSignal) {
    return this.audit.record(m, {
      activityId: 'outreach.signals.follow-up',
      action,
      resourceType: 'Signal',
      resourceId: signal.id,
      householdId: signal.householdId ?? undefined,
      dataSubjects: [signalSubject(signal)],
    });
  }
}
