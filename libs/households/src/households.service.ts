import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService, AuthenticatedUser, Pillar } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { ReferenceService } from '@app/reference';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory } from './case-worker-directory';
import { CaseTeamService } from './case-team.service';
import { CloseHouseholdDto, CreateHouseholdDto, NewMemberDto, UpdateHouseholdDto } from './dto';
import {
  CaseRole,
  CaseTeamMember,
  fullName,
  Household,
  HouseholdMember,
  MemberRelation,
  Person,
  Representative,
} from './entities';
import { HouseholdGuard } from './household-guard';

/** A registered person and the active household they live in today (null when none). */
export interface KnownResident {
  personId: string;
  householdId: string | null;
  municipalityId: string | null;
  neighbourhoodId: string | null;
}

/** The people a household's records may name: its members and case-team professionals, current and former. */
export interface HouseholdParticipants {
  members: {
    personId: string;
    name: string;
    relation: MemberRelation;
    birthDate: string;
    /** Lives in the household now. */
    current: boolean;
  }[];
  professionals: {
    userId: string;
    name: string;
    organisation: string;
    caseRole: CaseRole;
    pillar: Pillar | null;
    /** On the case team now. */
    active: boolean;
  }[];
}

@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly guard: HouseholdGuard,
    private readonly caseTeam: CaseTeamService,
    private readonly clock: Clock,
  ) {}

  /** A new household with its members and regisseur, in one transaction. Returns the new id. */
  async create(user: AuthenticatedUser, dto: CreateHouseholdDto): Promise<string> {
    const ability = await this.access.abilityFor(user);
    if (!this.access.can(ability, 'create', 'Household', { municipalityId: dto.municipalityId })) {
      throw DomainError.invalidField('municipalityId', 'U werkt niet voor deze gemeente.');
    }
    await this.assertNeighbourhood(dto.neighbourhoodId, dto.municipalityId);
    this.assertMembers(dto.members);
    await this.ensureBsnsUnregistered(
      user,
      dto.members.map((member) => member.bsn),
      (i) => `members.${i}.bsn`,
    );
    const regisseurId = dto.regisseurUserId ?? user.id;
    const regisseur = await this.caseTeam.eligibleProfessional(
      regisseurId,
      dto.municipalityId,
      'regisseurUserId',
    );
    // Looked up before the transaction: the directory takes a pooled connection of its own.
    const creator =
      regisseurId === user.id
        ? undefined
        : await this.caseTeam.eligibleProfessional(user.id, dto.municipalityId, 'regisseurUserId');
    const id = await this.dataSource.transaction(async (m) => {
      const household = await m.save(
        m.create(Household, {
          municipalityId: dto.municipalityId,
          neighbourhoodId: dto.neighbourhoodId ?? null,
          street: dto.street,
          houseNumber: dto.houseNumber,
          postcode: dto.postcode,
          city: dto.city,
          cohort50: dto.cohort50 ?? false,
          createdBy: user.id,
        }),
      );
      const persons = await this.insertNewPersons(m, dto.members);
      await m.insert(
        HouseholdMember,
        dto.members.map((member, i) => ({
          householdId: household.id,
          municipalityId: household.municipalityId,
          personId: persons[i].id,
          relation: member.relation,
          joinedOn: member.joinedOn,
        })),
      );
      await this.caseTeam.insertMember(
        m,
        household,
        regisseur,
        'regisseur',
        dto.regisseurPillar ?? null,
        user.id,
      );
      if (creator) await this.caseTeam.insertMember(m, household, creator, 'contributor', null, user.id);
      await this.audit.record(m, {
        action: 'create',
        resourceType: 'Household',
        resourceId: household.id,
        householdId: household.id,
        dataSubjects: [
          { type: 'household', id: household.id },
          ...persons.map((p) => ({ type: 'person' as const, id: p.id })),
        ],
      });
      return household.id;
    });
    this.access.forgetAbility();
    return id;
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateHouseholdDto) {
    // Before the transaction (a pooled connection of its own); checked inside, after the access check.
    const neighbourhood = dto.neighbourhoodId
      ? await this.reference.neighbourhood(dto.neighbourhoodId)
      : null;
    await this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, id, 'update', m);
      if (dto.neighbourhoodId && neighbourhood?.municipalityId !== household.municipalityId)
        throw DomainError.invalidField(
          'neighbourhoodId',
          'Deze buurt ligt niet in de gemeente van dit huishouden.',
        );
      await m.update(
        Household,
        { id },
        { ...dto, updatedAt: this.clock.now(), version: () => 'version + 1' },
      );
      await this.audit.record(m, {
        action: 'update',
        resourceType: 'Household',
        resourceId: id,
        householdId: id,
        dataSubjects: [{ type: 'household', id }],
      });
    });
  }

  async close(user: AuthenticatedUser, id: string, dto: CloseHouseholdDto) {
    await this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, id, 'update', m);
      this.guard.ensureActive(household);
      if (dto.closedOn > this.clock.today())
        throw DomainError.invalidField('closedOn', 'De sluitdatum ligt in de toekomst.');
      if (dto.closedOn < household.createdAt.toISOString().slice(0, 10)) {
        throw DomainError.invalidField(
          'closedOn',
          'De sluitdatum ligt vóór de registratie van het huishouden.',
        );
      }
      await m.update(
        Household,
        { id },
        { status: 'closed', closedOn: dto.closedOn, closeReason: dto.reason, version: () => 'version + 1' },
      );
      await this.audit.record(m, {
        action: 'update',
        resourceType: 'Household',
        resourceId: id,
        householdId: id,
        dataSubjects: [{ type: 'household', id }],
      });
    });
  }

  /**
   * Members and case-team professionals of a household with their names, for other contexts that
   * name people in their own records (e.g. goal owners in the plan). No access check: callers have
   * checked the household already.
   */
  async participants(
    householdId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HouseholdParticipants> {
    const memberships = await manager.find(HouseholdMember, {
      where: { householdId },
      relations: { person: true },
      order: { joinedOn: 'ASC' },
    });
    const members = new Map<string, HouseholdParticipants['members'][number]>();
    for (const m of memberships) {
      const current = m.leftOn === null || members.get(m.personId)?.current === true;
      members.set(m.personId, {
        personId: m.personId,
        name: m.person ? fullName(m.person) : 'onbekend',
        relation: m.relation,
        birthDate: m.person?.birthDate ?? '',
        current,
      });
    }
    const team = await manager.find(CaseTeamMember, { where: { householdId }, order: { joinedAt: 'ASC' } });
    // On the caller's manager: callers (plans, budgets, spreekuur) ask inside their own transaction.
    const profiles = new Map(
      (
        await this.directory.profiles(
          team.map((c) => c.userId),
          manager,
        )
      ).map((p) => [p.id, p]),
    );
    const professionals = new Map<string, HouseholdParticipants['professionals'][number]>();
    for (const c of team) {
      const earlier = professionals.get(c.userId);
      if (earlier?.active) continue;
      professionals.set(c.userId, {
        userId: c.userId,
        name: profiles.get(c.userId)?.displayName ?? 'onbekend',
        organisation: profiles.get(c.userId)?.organisationName ?? 'onbekend',
        caseRole: c.caseRole,
        pillar: c.pillar,
        active: c.leftAt === null,
      });
    }
    return { members: [...members.values()], professionals: [...professionals.values()] };
  }

  /** The active households (id and municipality) in a stable order, e.g. for other contexts' demo data. */
  async activeHouseholdRefs(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; municipalityId: string }[]> {
    return manager.find(Household, {
      select: { id: true, municipalityId: true },
      where: { status: 'active' },
      order: { municipalityId: 'ASC', postcode: 'ASC', street: 'ASC', houseNumber: 'ASC', id: 'ASC' },
    });
  }

  /** Whether the person lives in the household on the given day. */
  isMemberOn(
    householdId: string,
    personId: string,
    on: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    return manager
      .getRepository(HouseholdMember)
      .createQueryBuilder('hm')
      .where('hm.household_id = :householdId AND hm.person_id = :personId', { householdId, personId })
      .andWhere('hm.joined_on <= :on AND (hm.left_on IS NULL OR hm.left_on > :on)', { on })
      .getExists();
  }

  /** A member's representatives (bewindvoerder, mentor, ...) whose period covers the given day. */
  activeRepresentatives(
    householdId: string,
    personId: string,
    on: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Representative[]> {
    return manager
      .getRepository(Representative)
      .createQueryBuilder('r')
      .where('r.household_id = :householdId AND r.person_id = :personId', { householdId, personId })
      .andWhere('r.starts_on <= :on AND (r.ends_on IS NULL OR r.ends_on >= :on)', { on })
      .orderBy('r.starts_on', 'ASC')
      .getMany();
  }

  /** New persons for these members; a BSN already registered is a conflict (use "move" for people who move). */
  async insertNewPersons(
    m: EntityManager,
    members: NewMemberDto[] | Omit<NewMemberDto, 'relation' | 'joinedOn'>[],
  ) {
    const existing = await m.find(Person, {
      select: { bsn: true },
      where: { bsn: In(members.map((p) => p.bsn)) },
    });
    if (existing.length > 0) {
      // Reached only in a race with another registration: callers check with ensureBsnsUnregistered first.
      const index = members.findIndex((p) => existing.some((e) => e.bsn === p.bsn));
      throw bsnTaken(`members.${index}.bsn`);
    }
    return m.save(
      members.map((p) =>
        m.create(Person, {
          bsn: p.bsn,
          givenNames: p.givenNames,
          familyNamePrefix: p.familyNamePrefix ?? null,
          familyName: p.familyName,
          birthDate: p.birthDate,
        }),
      ),
    );
  }

  /**
   * Refuses BSNs that are already registered with one answer, wherever the person lives, so that it
   * reveals nothing the caller may not see (rules 1 and 9). A registered person the caller could not
   * find by a BSN search is logged as a denied attempt on that person: the privacy officer sees
   * probing, and it is the starting point of a hand-off between municipalities.
   */
  async ensureBsnsUnregistered(user: AuthenticatedUser, bsns: string[], field: (index: number) => string) {
    const existing = await this.dataSource.manager.find(Person, {
      select: { id: true, bsn: true },
      where: { bsn: In(bsns) },
    });
    if (existing.length === 0) return;
    const hidden: string[] = [];
    for (const person of existing) if (!(await this.findableBy(user, person.id))) hidden.push(person.id);
    if (hidden.length) {
      await this.audit.recordDenied({
        action: 'create',
        resourceType: 'Person',
        dataSubjects: hidden.map((id) => ({ type: 'person' as const, id })),
        reason: 'BSN al geregistreerd buiten het werkgebied van de aanvrager',
      });
    }
    throw bsnTaken(field(bsns.findIndex((bsn) => existing.some((p) => p.bsn === bsn))));
  }

  /**
   * Whether the caller may learn that this registered person exists: they live (or last lived) in a
   * household whose index the caller may search. If not, a BSN answer must look like "unknown".
   */
  async findableBy(
    user: AuthenticatedUser,
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [latest] = await manager.find(HouseholdMember, {
      where: { personId },
      order: { leftOn: { direction: 'DESC', nulls: 'FIRST' }, joinedOn: 'DESC' },
      take: 1,
    });
    if (!latest) return false;
    const ability = await this.access.abilityFor(user);
    return this.access.can(ability, 'search', 'Household', {
      id: latest.householdId,
      municipalityId: latest.municipalityId,
    });
  }

  assertMembers(members: NewMemberDto[]) {
    const today = this.clock.today();
    const seen = new Set<string>();
    members.forEach((member, i) => {
      if (member.birthDate > today)
        throw DomainError.invalidField(`members.${i}.birthDate`, 'De geboortedatum ligt in de toekomst.');
      if (member.joinedOn < member.birthDate) {
        throw DomainError.invalidField(`members.${i}.joinedOn`, 'Lid worden kan niet vóór de geboortedatum.');
      }
      if (seen.has(member.bsn))
        throw DomainError.invalidField(`members.${i}.bsn`, 'Dit BSN staat twee keer in de aanvraag.');
      seen.add(member.bsn);
    });
  }

  /**
   * Registered persons by BSN, with the active household they live in today (if any), in one round
   * trip: used to match incoming vroegsignalering signals to known persons and households. No access
   * check: the caller processes these BSNs under its own legal task and logs in its transaction.
   */
  async residentsByBsn(
    bsns: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, KnownResident>> {
    if (bsns.length === 0) return new Map();
    const rows = await manager.query<
      {
        bsn: string;
        person_id: string;
        household_id: string | null;
        municipality_id: string | null;
        neighbourhood_id: string | null;
      }[]
    >(
      `SELECT DISTINCT ON (p.bsn) p.bsn, p.id AS person_id, h.id AS household_id,
              h.municipality_id, h.neighbourhood_id
         FROM person p
         LEFT JOIN household_member hm ON hm.person_id = p.id AND hm.joined_on <= $2::date
              AND (hm.left_on IS NULL OR hm.left_on > $2::date)
         LEFT JOIN household h ON h.id = hm.household_id AND h.status = 'active'
        WHERE p.bsn = ANY($1::bpchar[])
        ORDER BY p.bsn, h.id NULLS LAST`,
      [[...new Set(bsns)], this.clock.today()],
    );
    return new Map(
      rows.map((r) => [
        r.bsn,
        {
          personId: r.person_id,
          householdId: r.household_id,
          municipalityId: r.municipality_id,
          neighbourhoodId: r.neighbourhood_id,
        },
      ]),
    );
  }

  private async assertNeighbourhood(neighbourhoodId: string | undefined, municipalityId: string) {
    if (
      neighbourhoodId &&
      !(await this.reference.neighbourhoodInMunicipality(neighbourhoodId, municipalityId))
    ) {
      throw DomainError.invalidField('neighbourhoodId', 'Deze buurt ligt niet in de gekozen gemeente.');
    }
  }
}

/** The one answer to a BSN that is registered already; it never says where or whether it is findable. */
function bsnTaken(field: string) {
  return new DomainError(
    ErrorCode.Conflict,
    'Dit BSN is al geregistreerd. Zoek de persoon op BSN en voeg hem toe of verhuis hem; vindt u hem niet, ' +
      'vraag dan de functioneel beheerder de inschrijving over te dragen.',
    { errors: [{ field, message: 'BSN is al geregistreerd' }] },
  );
}
