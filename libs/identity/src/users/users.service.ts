import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, Pillar, PROFESSIONAL_ROLES, Role } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { ReferenceService } from '@app/reference';
import { newOneTimePassword, OneTimePassword } from '../auth/one-time-password';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshTokenService } from '../auth/refresh-token.service';
import {
  AccountChangeKind,
  AccountChangeRecord,
  AccountChangesRepository,
} from '../changes/account-changes.repository';
import { AccountChangeView, OneTimePasswordView } from '../changes/dto/account-change-view.dto';
import {
  assertNoSelfAssignment,
  assertSeparationOfDuties,
  grantsFourEyesRole,
  memberships,
  needsFourEyes,
} from './account-rules';
import { CreatedUserView } from './dto/created-user-view.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user-view.dto';
import { UserAccountsRepository, UserRecord, UserTeamMembership } from './user-accounts.repository';

/** A professional as other contexts may know them (no e-mail, no credentials). */
export interface UserProfile {
  id: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  municipalityIds: string[];
  roles: Role[];
  pillars: Pillar[];
  active: boolean;
}

interface Assignment {
  organisationId: string;
  roles: Role[];
  municipalityIds: string[];
  teams: UserTeamMembership[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Done at once, or waiting for a second functioneel beheerder. */
export type AdminOutcome<T> = { done: T; pending?: never } | { pending: AccountChangeView; done?: never };

/** An approved change, checked and ready to write in the approval's transaction. */
export interface PreparedApproval {
  oneTimePassword?: OneTimePassword;
  /** Writes the change; answers the account id. */
  apply(manager: EntityManager): Promise<string>;
}

/** User administration by the functioneel beheerder, and what other contexts may ask about users. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: UserAccountsRepository,
    private readonly reference: ReferenceService,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly clock: Clock,
    private readonly changes: AccountChangesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListUsersQuery): Promise<UserPageView> {
    const { items, total } = await this.accounts.list(query);
    return { items: items.map(UserView.from), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<UserView> {
    return UserView.from(await this.record(id));
  }

  /**
   * An account without case access is created at once, with a one-time password shown once; one with a
   * four-eyes role becomes a pending change (the password is made when a second beheerder approves).
   */
  async create(dto: CreateUserDto, actor: AuthenticatedUser): Promise<AdminOutcome<CreatedUserView>> {
    await this.validateNew(dto);
    if (needsFourEyes(dto.roles)) {
      const account = { userId: null, email: dto.email, displayName: dto.displayName };
      return { pending: await this.request('create', account, dto, actor) };
    }
    const oneTime = newOneTimePassword(this.clock.now());
    const passwordHash = await this.hasher.hash(oneTime.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const userId = await this.insertAccount(manager, dto, passwordHash, oneTime.expiresAt);
      await this.recordWrite(manager, 'create', userId);
      return userId;
    });
    this.logger.log({ userId: id }, 'user created with a one-time password');
    return { done: { ...(await this.get(id)), ...oneTimePasswordView(oneTime) } };
  }

  /** Demo seed only: an account with a chosen, lasting password, outside user administration. */
  async seedAccount(dto: CreateUserDto, password: string): Promise<string> {
    await this.validateNew(dto);
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction((manager) => this.insertAccount(manager, dto, passwordHash, null));
  }

  /** Granting a four-eyes role makes the whole change pending; anything else applies at once. */
  async update(id: string, dto: UpdateUserDto, actor: AuthenticatedUser): Promise<AdminOutcome<UserView>> {
    const current = await this.record(id);
    if (id === actor.id) assertNoSelfAssignment(current, dto);
    const assignment = await this.validateUpdate(current, dto);
    if (grantsFourEyesRole(current.roles, assignment.roles)) {
      return { pending: await this.request('update', target(current), dto, actor) };
    }
    await this.dataSource.transaction(async (manager) => {
      await this.applyUpdate(manager, id, dto, assignment);
      await this.recordWrite(manager, 'update', id);
    });
    return { done: await this.get(id) };
  }

  /**
   * A new one-time password (the beheerder never chooses one). For an account with a four-eyes role
   * this is a pending change: the password is made and shown to the second beheerder who approves it.
   */
  async resetPassword(id: string, actor: AuthenticatedUser): Promise<AdminOutcome<OneTimePasswordView>> {
    const current = await this.record(id);
    if (needsFourEyes(current.roles)) {
      return { pending: await this.request('password-reset', target(current), {}, actor) };
    }
    const oneTime = newOneTimePassword(this.clock.now());
    const passwordHash = await this.hasher.hash(oneTime.password);
    await this.dataSource.transaction(async (manager) => {
      await this.setOneTimePassword(manager, id, passwordHash, oneTime);
      await this.recordWrite(manager, 'update', id, 'eenmalig wachtwoord');
    });
    return { done: oneTimePasswordView(oneTime) };
  }

  /** Checks an approved change against today's data and makes its one-time password, outside any transaction. */
  async prepareApproval(change: AccountChangeRecord): Promise<PreparedApproval> {
    if (change.kind === 'create') {
      const dto = change.changes as unknown as CreateUserDto;
      await this.validateNew(dto);
      const oneTime = newOneTimePassword(this.clock.now());
      const passwordHash = await this.hasher.hash(oneTime.password);
      return {
        oneTimePassword: oneTime,
        apply: async (manager) => {
          const userId = await this.insertAccount(manager, dto, passwordHash, oneTime.expiresAt);
          await this.recordWrite(manager, 'create', userId, 'na goedkeuring (vier ogen)');
          return userId;
        },
      };
    }
    const current = await this.record(change.userId ?? '');
    if (change.kind === 'update') {
      const dto = change.changes as UpdateUserDto;
      const assignment = await this.validateUpdate(current, dto);
      return {
        apply: async (manager) => {
          await this.applyUpdate(manager, current.id, dto, assignment);
          await this.recordWrite(manager, 'update', current.id, 'na goedkeuring (vier ogen)');
          return current.id;
        },
      };
    }
    const oneTime = newOneTimePassword(this.clock.now());
    const passwordHash = await this.hasher.hash(oneTime.password);
    return {
      oneTimePassword: oneTime,
      apply: async (manager) => {
        await this.setOneTimePassword(manager, current.id, passwordHash, oneTime);
        await this.recordWrite(
          manager,
          'update',
          current.id,
          'eenmalig wachtwoord na goedkeuring (vier ogen)',
        );
        return current.id;
      },
    };
  }

  private async validateNew(dto: CreateUserDto) {
    await this.assertEmailFree(dto.email);
    assertSeparationOfDuties(dto.roles);
    await this.assertAssignable({
      organisationId: dto.organisationId,
      roles: dto.roles,
      municipalityIds: dto.municipalityIds ?? [],
      teams: memberships(dto.teams),
    });
  }

  private async validateUpdate(current: UserRecord, dto: UpdateUserDto): Promise<Assignment> {
    const assignment: Assignment = {
      organisationId: dto.organisationId ?? current.organisationId,
      roles: dto.roles ?? current.roles,
      municipalityIds: dto.municipalityIds ?? current.municipalityIds,
      teams: dto.teams ? memberships(dto.teams) : current.teams,
    };
    assertSeparationOfDuties(assignment.roles);
    if (dto.email !== undefined && dto.email !== current.email)
      await this.assertEmailFree(dto.email, current.id);
    await this.assertAssignable(assignment);
    return assignment;
  }

  private async insertAccount(
    manager: EntityManager,
    dto: CreateUserDto,
    passwordHash: string,
    oneTimePasswordExpiresAt: Date | null,
  ): Promise<string> {
    const userId = await this.accounts.insert(manager, {
      email: dto.email,
      displayName: dto.displayName,
      passwordHash,
      organisationId: dto.organisationId,
      roles: dto.roles,
      pillars: dto.pillars ?? [],
      mandateCents: dto.mandateCents ?? 0,
      passwordChangedAt: this.clock.now(),
      oneTimePasswordExpiresAt,
    });
    await this.accounts.replaceMunicipalities(manager, userId, dto.municipalityIds ?? []);
    await this.accounts.replaceTeams(manager, userId, memberships(dto.teams));
    return userId;
  }

  private async applyUpdate(manager: EntityManager, id: string, dto: UpdateUserDto, assignment: Assignment) {
    const { email, displayName, organisationId, roles, pillars, mandateCents, active } = dto;
    await this.accounts.update(manager, id, {
      email,
      displayName,
      organisationId,
      roles,
      pillars,
      mandateCents,
      active,
    });
    if (dto.municipalityIds)
      await this.accounts.replaceMunicipalities(manager, id, assignment.municipalityIds);
    if (dto.teams) await this.accounts.replaceTeams(manager, id, assignment.teams);
    if (dto.active === false) await this.refreshTokens.revokeAllOfUser(id, manager);
    this.logger.log({ userId: id, sessionsEnded: dto.active === false }, 'user updated');
  }

  /** The one-time password replaces the current one at once and ends every session of the account. */
  private async setOneTimePassword(
    manager: EntityManager,
    id: string,
    passwordHash: string,
    oneTime: OneTimePassword,
  ) {
    await this.accounts.setPassword(id, passwordHash, this.clock.now(), manager, oneTime.expiresAt);
    await this.refreshTokens.revokeAllOfUser(id, manager);
    this.logger.log({ userId: id }, 'one-time password set; sessions ended');
  }

  private async request(
    kind: AccountChangeKind,
    account: { userId: string | null; email: string; displayName: string },
    changes: object,
    actor: AuthenticatedUser,
  ): Promise<AccountChangeView> {
    const change = await this.dataSource.transaction(async (manager) => {
      const existing = await this.changes.pendingFor(
        manager,
        account.userId ? { userId: account.userId } : { email: account.email },
      );
      if (existing) {
        throw DomainError.conflict(
          'Er wacht al een wijziging voor dit account op goedkeuring door een tweede functioneel beheerder.',
          { pendingChangeId: existing.id },
        );
      }
      const inserted = await this.changes.insert(manager, {
        kind,
        ...account,
        changes,
        requestedById: actor.id,
        requestedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        action: 'create',
        resourceType: 'UserAccountChange',
        resourceId: inserted.id,
        dataSubjects: [],
        reason: `vier ogen: ${kind} wacht op goedkeuring`,
      });
      return inserted;
    });
    this.logger.log({ changeId: change.id, kind }, 'account change waits for a second beheerder');
    return AccountChangeView.from(change);
  }

  /** Account administration is logged like any write (no data subjects: colleagues, not clients). */
  private recordWrite(manager: EntityManager, action: 'create' | 'update', userId: string, reason?: string) {
    return this.audit.record(manager, {
      action,
      resourceType: 'UserAccount',
      resourceId: userId,
      dataSubjects: [],
      reason,
    });
  }

  /**
   * Profiles of these users, in one round trip; unknown ids are absent (deactivated users are included).
   * Inside a transaction pass its `manager`: a second pooled connection per request deadlocks the pool
   * under load.
   */
  async caseWorkerProfiles(userIds: readonly string[], manager?: EntityManager): Promise<UserProfile[]> {
    const unique = [...new Set(userIds)].filter((id) => UUID.test(id));
    return this.profilesOf(await this.accounts.findRecords(unique, manager), manager);
  }

  /** Active professionals with a case-work role in the municipality whose name contains the text. */
  async caseWorkersNamed(
    municipalityId: string,
    nameContains: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<UserProfile[]> {
    const records = await this.accounts.findCaseWorkers(
      { municipalityId, roles: PROFESSIONAL_ROLES, nameContains, limit },
      manager,
    );
    return this.profilesOf(records, manager);
  }

  private async profilesOf(records: UserRecord[], manager?: EntityManager): Promise<UserProfile[]> {
    const organisations = await this.reference.organisationsByIds(
      [...new Set(records.map((r) => r.organisationId))],
      manager,
    );
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return records.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      organisationId: r.organisationId,
      organisationName: names.get(r.organisationId) ?? '',
      municipalityIds: r.municipalityIds,
      roles: r.roles,
      pillars: r.pillars,
      active: r.active,
    }));
  }

  /** Everyone (active or not) who is a member of one of these teams. */
  /**
   * The names of every account, active or not: what an anonymiser must remove from free text, which can
   * name any colleague, not only those on the case.
   */
  allDisplayNames(manager?: EntityManager): Promise<string[]> {
    return this.accounts.displayNames(manager);
  }

  userIdsInTeams(teamIds: readonly string[]): Promise<string[]> {
    return this.accounts.userIdsInTeams([...new Set(teamIds)].filter((id) => UUID.test(id)));
  }

  /** Account ids by (lower-case) e-mail, for seeds; unknown addresses are absent from the map. */
  async idsByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.accounts.idsByEmail(emails);
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  /** Used by the demo seed: does an account with this e-mail exist? */
  emailExists(email: string): Promise<boolean> {
    return this.accounts.emailTaken(email);
  }

  private async record(id: string) {
    const record = await this.accounts.findRecord(id);
    if (!record) throw DomainError.notFound('De gebruiker');
    return record;
  }

  private async assertEmailFree(email: string, exceptId?: string) {
    if (await this.accounts.emailTaken(email, exceptId)) {
      const message = 'Er is al een gebruiker met dit e-mailadres.';
      throw DomainError.conflict(message, { errors: [{ field: 'email', message }] });
    }
  }

  /** Organisation, municipalities and teams exist; teams belong to the organisation; only teamleiders lead. */
  private async assertAssignable(assignment: Assignment) {
    if (!(await this.reference.organisation(assignment.organisationId))) {
      throw unknownReference('organisationId', 'De organisatie bestaat niet.');
    }
    const unknown = await this.reference.unknownMunicipalityIds(assignment.municipalityIds);
    if (unknown.length > 0) {
      const index = assignment.municipalityIds.indexOf(unknown[0]);
      throw unknownReference(`municipalityIds.${index}`, 'De gemeente bestaat niet.');
    }
    const teams = new Map(
      (await this.reference.teamsByIds(assignment.teams.map((t) => t.teamId))).map((t) => [t.id, t]),
    );
    assignment.teams.forEach((membership, index) => {
      const team = teams.get(membership.teamId);
      if (!team) throw unknownReference(`teams.${index}.teamId`, 'Het team bestaat niet.');
      if (team.organisationId !== assignment.organisationId) {
        throw DomainError.rule(
          'Het team hoort niet bij de organisatie van de gebruiker.',
          `teams.${index}.teamId`,
        );
      }
    });
    if (assignment.teams.some((t) => t.isLead) && !assignment.roles.includes('teamleider')) {
      throw DomainError.rule('Alleen een teamleider kan een team leiden.', 'teams');
    }
  }
}

function target(record: UserRecord) {
  return { userId: record.id, email: record.email, displayName: record.displayName };
}

function oneTimePasswordView(oneTime: OneTimePassword): OneTimePasswordView {
  return { oneTimePassword: oneTime.password, oneTimePasswordExpiresAt: oneTime.expiresAt.toISOString() };
}

function unknownReference(field: string, message: string) {
  return new DomainError(ErrorCode.NotFound, message, { errors: [{ field, message }] });
}
