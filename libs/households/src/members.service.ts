import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { AddMemberDto, EndMembershipDto, MoveMemberDto } from './dto';
import { Household, HouseholdMember, Person } from './entities';
import { HouseholdGuard } from './household-guard';
import { HouseholdsService } from './households.service';

const NOT_ADDABLE =
  'Er is geen persoon met dit BSN die u kunt toevoegen. Woont hij buiten uw werkgebied, vraag dan de ' +
  'functioneel beheerder de inschrijving over te dragen.';

/** Membership over time: join, leave and move keep the history as closed periods. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly guard: HouseholdGuard,
    private readonly households: HouseholdsService,
    private readonly clock: Clock,
  ) {}

  async add(user: AuthenticatedUser, householdId: string, dto: AddMemberDto) {
    if (!dto.person === !dto.existingBsn) {
      throw DomainError.invalidField(
        'person',
        'Geef óf een nieuwe persoon óf het BSN van een bestaande persoon.',
      );
    }
    // Only someone who may change this household gets an answer about a BSN.
    await this.guard.load(user, householdId, 'update');
    if (dto.person) {
      await this.households.ensureBsnsUnregistered(user, [dto.person.bsn], () => 'person.bsn');
    } else await this.ensureAddable(user, dto.existingBsn!);
    return this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      this.guard.ensureActive(household);
      let person: Person;
      if (dto.person) {
        this.households.assertMembers([{ ...dto.person, relation: dto.relation, joinedOn: dto.joinedOn }]);
        [person] = await this.households.insertNewPersons(m, [dto.person]);
      } else {
        const found = await m.findOneBy(Person, { bsn: dto.existingBsn! });
        if (!found) throw DomainError.invalidField('existingBsn', NOT_ADDABLE);
        person = found;
        if (dto.joinedOn < person.birthDate)
          throw DomainError.invalidField('joinedOn', 'Lid worden kan niet vóór de geboortedatum.');
        await this.assertNotMemberElsewhere(m, person.id, dto.joinedOn);
      }
      const member = await m.save(
        m.create(HouseholdMember, {
          householdId,
          municipalityId: household.municipalityId,
          personId: person.id,
          relation: dto.relation,
          joinedOn: dto.joinedOn,
        }),
      );
      await this.log(m, household, 'create', member.id, [person.id]);
      return member;
    });
  }

  async end(user: AuthenticatedUser, householdId: string, memberId: string, dto: EndMembershipDto) {
    await this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      const member = await this.activeMember(m, householdId, memberId);
      if (dto.leftOn < member.joinedOn)
        throw DomainError.invalidField('leftOn', 'Vertrekdatum ligt vóór de datum van lid worden.');
      await m.update(HouseholdMember, { id: memberId }, { leftOn: dto.leftOn });
      await this.log(m, household, 'update', memberId, [member.personId]);
    });
  }

  /** Moving ends the membership here and starts one there on the same day, in one transaction. */
  async move(user: AuthenticatedUser, householdId: string, memberId: string, dto: MoveMemberDto) {
    if (dto.toHouseholdId === householdId)
      throw DomainError.invalidField('toHouseholdId', 'Dit is hetzelfde huishouden.');
    return this.dataSource.transaction(async (m) => {
      const { household } = await this.guard.load(user, householdId, 'update', m);
      const { household: target } = await this.guard.load(user, dto.toHouseholdId, 'update', m);
      this.guard.ensureActive(target);
      const member = await this.activeMember(m, householdId, memberId);
      if (dto.movedOn < member.joinedOn)
        throw DomainError.invalidField('movedOn', 'Verhuisdatum ligt vóór de datum van lid worden.');
      await m.update(HouseholdMember, { id: memberId }, { leftOn: dto.movedOn });
      const moved = await m.save(
        m.create(HouseholdMember, {
          householdId: target.id,
          municipalityId: target.municipalityId,
          personId: member.personId,
          relation: dto.relation,
          joinedOn: dto.movedOn,
        }),
      );
      await this.log(m, household, 'update', memberId, [member.personId]);
      await this.log(m, target, 'create', moved.id, [member.personId]);
      return moved;
    });
  }

  private async activeMember(m: EntityManager, householdId: string, memberId: string) {
    const member = await m.findOneBy(HouseholdMember, { id: memberId, householdId, leftOn: IsNull() });
    if (!member) throw DomainError.notFound('Dit gezinslid');
    return member;
  }

  /**
   * An unknown BSN and one of a person the caller could not find by a BSN search get the same answer
   * (rules 1 and 9); the latter is logged as a denied attempt on that person.
   */
  private async ensureAddable(user: AuthenticatedUser, bsn: string) {
    const person = await this.dataSource.manager.findOne(Person, { select: { id: true }, where: { bsn } });
    if (person && (await this.households.findableBy(user, person.id))) return;
    if (person) {
      await this.audit.recordDenied({
        action: 'create',
        resourceType: 'Member',
        dataSubjects: [{ type: 'person', id: person.id }],
        reason: 'BSN buiten het werkgebied van de aanvrager',
      });
    }
    throw DomainError.invalidField('existingBsn', NOT_ADDABLE);
  }

  private async assertNotMemberElsewhere(m: EntityManager, personId: string, from: string) {
    const current = await m.findOneBy(HouseholdMember, { personId, leftOn: IsNull() });
    if (current && current.joinedOn <= (from > this.clock.today() ? from : this.clock.today())) {
      throw DomainError.conflict('Deze persoon woont nog in een ander huishouden; gebruik verhuizen.', {
        errors: [{ field: 'existingBsn', message: 'persoon is lid van een ander huishouden' }],
      });
    }
  }

  private log(
    m: EntityManager,
    household: Household,
    action: 'create' | 'update',
    id: string,
    personIds: string[],
  ) {
    return this.audit.record(m, {
      action,
      resourceType: 'Member',
      resourceId: id,
      householdId: household.id,
      dataSubjects: personIds.map((pid) => ({ type: 'person' as const, id: pid })),
    });
  }
}
