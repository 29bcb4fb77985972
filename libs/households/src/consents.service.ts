import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { ReferenceService } from '@app/reference';
import { AddRepresentativeDto, GiveConsentDto, RevokeConsentDto } from './dto';
import { Consent, Household, HouseholdMember, Person, Representative } from './entities';
import { HouseholdGuard } from './household-guard';

const ADULT_AGE = 18;

/** Consents (toestemming) for sharing beyond the legal task, and representatives of members. */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly guard: HouseholdGuard,
    private readonly clock: Clock,
  ) {}

  async give(user: AuthenticatedUser, householdId: string, dto: GiveConsentDto) {
    const consent = await this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      this.guard.ensureOnHousehold(ability, 'create', 'Consent', household);
      if (dto.givenOn > this.clock.today())
        throw DomainError.invalidField('givenOn', 'De datum ligt in de toekomst.');
      const person = await this.currentMember(m, householdId, dto.personId);
      if (ageOn(person.birthDate, dto.givenOn) < ADULT_AGE) {
        throw DomainError.invalidField('personId', 'Alleen een volwassen gezinslid kan toestemming geven.');
      }
      // On the transaction's connection: a second pooled one while holding this one deadlocks under load.
      if (!(await this.reference.organisation(dto.organisationId, m))) {
        throw DomainError.invalidField('organisationId', 'Deze organisatie bestaat niet.');
      }
      const saved = await m.save(
        m.create(Consent, {
          ...dto,
          householdId,
          municipalityId: household.municipalityId,
          recordedBy: user.id,
        }),
      );
      await this.log(m, household, 'create', 'Consent', saved.id, person.id);
      return saved;
    });
    return consent;
  }

  /** Revocation applies from the given date; abilities are rebuilt per request, so at once. */
  async revoke(user: AuthenticatedUser, householdId: string, consentId: string, dto: RevokeConsentDto) {
    await this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      // Locked: of racing revocations exactly one applies, the others get 409.
      const consent = await m.findOne(Consent, {
        where: { id: consentId, householdId },
        lock: { mode: 'pessimistic_write' },
      });
      this.access.ensureCan(ability, 'update', 'Consent', consent);
      if (consent!.revokedOn) throw DomainError.conflict('Deze toestemming is al ingetrokken.');
      if (dto.revokedOn < consent!.givenOn)
        throw DomainError.invalidField('revokedOn', 'Intrekken kan niet vóór het geven.');
      await m.update(Consent, { id: consentId }, { revokedOn: dto.revokedOn });
      await this.log(m, household, 'update', 'Consent', consentId, consent!.personId);
    });
  }

  async addRepresentative(user: AuthenticatedUser, householdId: string, dto: AddRepresentativeDto) {
    return this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      this.guard.ensureOnHousehold(ability, 'create', 'Representative', household);
      const person = await this.currentMember(m, householdId, dto.personId);
      const saved = await m.save(
        m.create(Representative, { ...dto, householdId, municipalityId: household.municipalityId }),
      );
      await this.log(m, household, 'create', 'Representative', saved.id, person.id);
      return saved;
    });
  }

  private async currentMember(m: EntityManager, householdId: string, personId: string): Promise<Person> {
    const member = await m.findOne(HouseholdMember, {
      where: { householdId, personId, leftOn: IsNull() },
      relations: { person: true },
    });
    if (!member?.person)
      throw DomainError.invalidField('personId', 'Deze persoon is geen lid van dit huishouden.');
    return member.person;
  }

  private log(
    m: EntityManager,
    household: Household,
    action: 'create' | 'update',
    type: string,
    id: string,
    personId: string,
  ) {
    return this.audit.record(m, {
      action,
      resourceType: type,
      resourceId: id,
      householdId: household.id,
      dataSubjects: [{ type: 'person', id: personId }],
    });
  }
}

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, mo, d] = on.split('-').map(Number);
  return y - by - (mo < bm || (mo === bm && d < bd) ? 1 : 0);
}
