import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, Pillar, PROFESSIONAL_ROLES, Role } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { ReferenceService } from '@app/reference';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshTokenService } from '../auth/refresh-token.service';
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
  ) {}

  async list(query: ListUsersQuery): Promise<UserPageView> {
    const { items, total } = await this.accounts.list(query);
    return { items: items.map(UserView.from), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<UserView> {
    return UserView.from(await this.record(id));
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    const assignment: Assignment = {
      organisationId: dto.organisationId,
      roles: dto.roles,
      municipalityIds: dto.municipalityIds ?? [],
      teams: memberships(dto.teams),
    };
    await this.assertEmailFree(dto.email);
    assertSeparationOfDuties(assignment.roles);
    await this.assertAssignable(assignment);
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const userId = await this.accounts.insert(manager, {
        email: dto.email,
        displayName: dto.displayName,
        passwordHash,
        organisationId: dto.organisationId,
        roles: dto.roles,
        pillars: dto.pillars ?? [],
        mandateCents: dto.mandateCents ?? 0,
        passwordChangedAt: this.clock.now(),
      });
      await this.accounts.replaceMunicipalities(manager, userId, assignment.municipalityIds);
      await this.accounts.replaceTeams(manager, userId, assignment.teams);
      return userId;
    });
    this.logger.log({ userId: id }, 'user created');
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthenticatedUser): Promise<UserView> {
    const current = await this.record(id);
    const assignment: Assignment = {
      organisationId: dto.organisationId ?? current.organisationId,
      roles: dto.roles ?? current.roles,
      municipalityIds: dto.municipalityIds ?? current.municipalityIds,
      teams: dto.teams ? memberships(dto.teams) : current.teams,
    };
    if (id === actor.id) assertNoSelfAssignment(current, dto);
    assertSeparationOfDuties(assignment.roles);
    if (dto.email !== undefined && dto.email !== current.email) await this.assertEmailFree(dto.email, id);
    await this.assertAssignable(assignment);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    const endSessions = dto.active === false || passwordHash !== undefined;
    await this.dataSource.transaction(async (manager) => {
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
      if (passwordHash) await this.accounts.setPassword(id, passwordHash, this.clock.now(), manager);
      if (endSessions) await this.refreshTokens.revokeAllOfUser(id, manager);
    });
    this.logger.log({ userId: id, sessionsEnded: endSessions }, 'user updated');
    return this.get(id);
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

/**
 * Nobody changes their own rights (four eyes): roles, pillars, mandate, municipalities, teams,
 * organisation and deactivation of one's own account are changed by another functioneel beheerder.
 * Name, e-mail and password may be changed; a field sent unchanged is no change.
 */
function assertNoSelfAssignment(current: UserRecord, dto: UpdateUserDto) {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const team = (t: UserTeamMembership) => `${t.teamId}:${t.isLead}`;
  const changed = [
    dto.roles !== undefined && !same(dto.roles, current.roles) && 'roles',
    dto.pillars !== undefined && !same(dto.pillars, current.pillars) && 'pillars',
    dto.mandateCents !== undefined && dto.mandateCents !== current.mandateCents && 'mandateCents',
    dto.municipalityIds !== undefined &&
      !same(dto.municipalityIds, current.municipalityIds) &&
      'municipalityIds',
    dto.teams !== undefined && !same(memberships(dto.teams).map(team), current.teams.map(team)) && 'teams',
    dto.organisationId !== undefined && dto.organisationId !== current.organisationId && 'organisationId',
    dto.active === false && 'active',
  ].find((field): field is string => typeof field === 'string');
  if (changed) {
    throw DomainError.rule(
      'U kunt uw eigen rollen, pijlers, mandaat, gemeenten, teams en organisatie niet wijzigen en uw eigen ' +
        'account niet deactiveren; dat doet een andere functioneel beheerder (scheiding van functies).',
      changed,
    );
  }
}

/** Roles without case content (DESIGN rules 6 and 7) never share an account with a case role. */
const NO_CASE_CONTENT_ROLES: readonly Role[] = [
  'beleidsmedewerker',
  'privacy-officer',
  'functioneel-beheerder',
];

function assertSeparationOfDuties(roles: readonly Role[]) {
  const oversight = roles.find((role) => NO_CASE_CONTENT_ROLES.includes(role));
  const caseRole = roles.find((role) => PROFESSIONAL_ROLES.includes(role));
  if (oversight && caseRole) {
    throw DomainError.rule(
      `De rol ${oversight} gaat niet samen met de rol ${caseRole}: wie gebruikers, de verwerkingenlogging ` +
        'of cijfers beheert, ziet geen casusinhoud (scheiding van functies).',
      'roles',
    );
  }
}

function memberships(teams: CreateUserDto['teams']): UserTeamMembership[] {
  return (teams ?? []).map((t) => ({ teamId: t.teamId, isLead: t.isLead ?? false }));
}

function unknownReference(field: string, message: string) {
  return new DomainError(ErrorCode.NotFound, message, { errors: [{ field, message }] });
}
