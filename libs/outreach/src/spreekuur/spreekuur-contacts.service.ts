import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService, DataSubject } from '@app/audit';
import { amsterdamDate, Clock, DomainError } from '@app/core';
import { Household, HouseholdGuard, HouseholdsService, ReferralsService } from '@app/households';
import { Organisation, ReferenceService, Wijkservicepunt } from '@app/reference';
import { SpreekuurContact } from '../entities';
import { OutreachAccess } from '../outreach-access';
import { DEFAULT_LEGAL_BASIS, ReferralTarget } from '../outreach.vocabulary';
import { CoachLocationsService } from './coach-locations.service';
import { contactView } from './contact-view';
import {
  ContactLinkDto,
  ContactReferralDto,
  CreateContactDto,
  ListContactsQuery,
  UpdateContactDto,
} from './dto';

/** A few minutes of clock skew between the coach's device and the server. */
const FUTURE_SKEW_MS = 5 * 60_000;
const IN_SYSTEM_KIND: Partial<Record<ReferralTarget, Organisation['kind']>> = {
  kbl: 'kbl',
  szmh: 'szmh',
  'sociaal-team': 'sociaal-team',
};

/** Spreekuur contacts: fast entry, the coach's list (filtered in SQL), follow-up. */
@Injectable()
export class SpreekuurContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outreachAccess: OutreachAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly locations: CoachLocationsService,
    private readonly guard: HouseholdGuard,
    private readonly households: HouseholdsService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, dto: CreateContactDto) {
    const ability = await this.outreachAccess.abilityFor(user);
    // Coaches log any contact in their municipalities; other case-team members only linked to their cases.
    const householdId = dto.link?.householdId ?? null;
    if (
      !user.municipalityIds.some((id) =>
        this.access.can(ability, 'create', 'SpreekuurContact', { municipalityId: id, householdId }),
      )
    ) {
      throw DomainError.forbidden('U mag hier geen spreekuurcontact vastleggen.');
    }
    const point = await this.location(user, dto.wijkservicepuntId);
    const contactAt = dto.contactAt ? new Date(dto.contactAt) : this.clock.now();
    if (contactAt.getTime() > this.clock.now().getTime() + FUTURE_SKEW_MS) {
      throw DomainError.invalidField('contactAt', 'Het tijdstip van het contact ligt in de toekomst.');
    }
    const contactDate = amsterdamDate(contactAt);
    if (dto.followUpOn && dto.followUpOn < contactDate) {
      throw DomainError.invalidField('followUpOn', 'De opvolgdatum ligt vóór het contact.');
    }
    if (dto.link) this.assertLink(dto.link, contactDate);
    const referralOrganisation = dto.referral ? await this.referralOrganisation(dto.referral) : null;

    return this.dataSource.transaction(async (m) => {
      const household = dto.link ? await this.linkedHousehold(m, user, dto.link, point) : null;
      const record = m.create(SpreekuurContact, {
        municipalityId: point.municipalityId,
        wijkservicepuntId: point.id,
        contactAt,
        topics: dto.topics,
        householdId: household?.id ?? null,
        personId: dto.link?.personId ?? null,
        basis: dto.link?.basis ?? null,
        legalBasis: dto.link?.basis === 'publieke-taak' ? (dto.link.legalBasis ?? DEFAULT_LEGAL_BASIS) : null,
        consentGivenOn: dto.link?.basis === 'toestemming' ? dto.link.consentGivenOn! : null,
        consentMethod: dto.link?.basis === 'toestemming' ? dto.link.consentMethod! : null,
        referralTo: dto.referral?.to ?? null,
        referralOrganisationId: referralOrganisation?.id ?? null,
        referralOther: dto.referral?.to === 'other' ? dto.referral.other!.trim() : null,
        note: dto.note?.trim() || null,
        followUpOn: dto.followUpOn ?? null,
        createdBy: user.id,
      });
      if (!this.access.can(ability, 'create', 'SpreekuurContact', record)) {
        throw DomainError.forbidden('U mag hier geen spreekuurcontact vastleggen.');
      }
      const contact = await m.save(record);
      // A linked visitor referred to an organisation in the system: a real referral in the dossier.
      if (household && referralOrganisation) {
        const referral = await this.referrals.create(
          user,
          household.id,
          {
            toOrganisationId: referralOrganisation.id,
            personId: dto.link?.personId,
            reason:
              dto.referral?.reason ??
              `Verwijzing vanuit het spreekuur in ${point.name} (${dto.topics.join(', ')})`,
          },
          m,
        );
        contact.referralId = referral.id;
        await m.update(SpreekuurContact, { id: contact.id }, { referralId: referral.id });
      }
      await this.audit.record(m, {
        action: 'create',
        resourceType: 'SpreekuurContact',
        resourceId: contact.id,
        householdId: contact.householdId ?? undefined,
        dataSubjects: subjectsOf(contact),
      });
      return contactView(contact, new Map([[point.id, point]]), user.id);
    });
  }

  /** My contacts and my colleagues' at my locations, and linked contacts of my cases; filtered in SQL. */
  async list(user: AuthenticatedUser, query: ListContactsQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const ability = await this.outreachAccess.abilityFor(user);
    const metadata = this.dataSource.getMetadata(SpreekuurContact);
    const condition = this.access.condition(ability, 'read', 'SpreekuurContact', metadata, 'c');
    if (condition === null) return { items: [], page, pageSize, total: 0 };
    return this.dataSource.transaction(async (m) => {
      const qb = m.getRepository(SpreekuurContact).createQueryBuilder('c').andWhere(condition);
      const day = `(c.contact_at AT TIME ZONE 'Europe/Amsterdam')::date`;
      if (query.from) qb.andWhere(`${day} >= :from`, { from: query.from });
      if (query.to) qb.andWhere(`${day} <= :to`, { to: query.to });
      if (query.wijkservicepuntId)
        qb.andWhere('c.wijkservicepunt_id = :point', { point: query.wijkservicepuntId });
      if (query.householdId) qb.andWhere('c.household_id = :household', { household: query.householdId });
      if (query.mine) qb.andWhere('c.created_by = :me', { me: user.id });
      if (query.followUpDue) {
        qb.andWhere('c.follow_up_on <= :today AND c.follow_up_done_on IS NULL', {
          today: this.clock.today(),
        });
      }
      qb.orderBy('c.contact_at', 'DESC')
        .addOrderBy('c.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize);
      const [rows, total] = await qb.getManyAndCount();
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'SpreekuurContact',
        dataSubjects: rows.flatMap(subjectsOf),
      });
      const points = await this.points();
      return { items: rows.map((c) => contactView(c, points, user.id)), page, pageSize, total };
    });
  }

  async get(user: AuthenticatedUser, id: string) {
    const ability = await this.outreachAccess.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const contact = await m.findOneBy(SpreekuurContact, { id });
      this.access.ensureCan(ability, 'read', 'SpreekuurContact', contact);
      await this.log(m, 'read', contact!);
      return contactView(contact!, await this.points(), user.id);
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateContactDto) {
    const ability = await this.outreachAccess.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const contact = await m.findOne(SpreekuurContact, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      this.access.ensureCan(ability, 'update', 'SpreekuurContact', contact);
      const contactDate = amsterdamDate(contact!.contactAt);
      if (dto.followUpOn && dto.followUpOn < contactDate) {
        throw DomainError.invalidField('followUpOn', 'De opvolgdatum ligt vóór het contact.');
      }
      if (
        dto.followUpDoneOn &&
        (dto.followUpDoneOn > this.clock.today() || dto.followUpDoneOn < contactDate)
      ) {
        throw DomainError.invalidField(
          'followUpDoneOn',
          'De opvolgdatum moet tussen het contact en vandaag liggen.',
        );
      }
      const changes: Partial<SpreekuurContact> = {};
      if (dto.note !== undefined) changes.note = dto.note.trim() || null;
      if (dto.followUpOn !== undefined) changes.followUpOn = dto.followUpOn;
      if (dto.followUpDoneOn !== undefined) changes.followUpDoneOn = dto.followUpDoneOn;
      if (Object.keys(changes).length) await m.update(SpreekuurContact, { id }, changes);
      await this.log(m, 'update', contact!);
      return contactView({ ...contact!, ...changes }, await this.points(), user.id);
    });
  }

  /** The given wijkservicepunt, or my default; it must lie in a municipality I work for. */
  private async location(user: AuthenticatedUser, requested?: string): Promise<Wijkservicepunt> {
    const id = requested ?? (await this.locations.defaultLocationOf(user.id));
    if (!id) {
      throw DomainError.invalidField(
        'wijkservicepuntId',
        'U heeft geen vaste spreekuurlocatie: kies een wijkservicepunt.',
      );
    }
    const point = await this.reference.wijkservicepunt(id);
    if (!point) throw DomainError.invalidField('wijkservicepuntId', 'Dit wijkservicepunt bestaat niet.');
    if (!user.municipalityIds.includes(point.municipalityId)) {
      throw DomainError.invalidField(
        'wijkservicepuntId',
        'U werkt niet voor de gemeente van dit wijkservicepunt.',
      );
    }
    return point;
  }

  private assertLink(link: ContactLinkDto, contactDate: string) {
    if (link.basis === 'publieke-taak' && (link.consentGivenOn || link.consentMethod)) {
      throw DomainError.invalidField(
        'link.basis',
        'Toestemming hoort bij de grondslag toestemming, niet bij publieke taak.',
      );
    }
    if (link.basis === 'toestemming') {
      if (link.legalBasis) {
        throw DomainError.invalidField(
          'link.legalBasis',
          'Bij toestemming is er geen andere wettelijke grondslag.',
        );
      }
      if (link.consentGivenOn! > contactDate) {
        throw DomainError.invalidField('link.consentGivenOn', 'De toestemming ligt na het contact.');
      }
    }
  }

  /** The household must be known to me (index, my municipality) and lie where the contact took place. */
  private async linkedHousehold(
    m: EntityManager,
    user: AuthenticatedUser,
    link: ContactLinkDto,
    point: Wijkservicepunt,
  ): Promise<Household> {
    const { household } = await this.guard.load(user, link.householdId, 'read', m);
    if (household.municipalityId !== point.municipalityId) {
      throw DomainError.invalidField(
        'link.householdId',
        'Dit huishouden woont niet in de gemeente van het wijkservicepunt.',
      );
    }
    if (link.personId) {
      const { members } = await this.households.participants(household.id, m);
      if (!members.some((member) => member.personId === link.personId && member.current)) {
        throw DomainError.invalidField('link.personId', 'Deze persoon woont niet in dit huishouden.');
      }
    }
    return household;
  }

  private async referralOrganisation(referral: ContactReferralDto): Promise<Organisation | null> {
    const kind = IN_SYSTEM_KIND[referral.to];
    if (referral.to !== 'other' && referral.other !== undefined) {
      throw DomainError.invalidField(
        'referral.other',
        'Alleen bij een verwijzing naar "other" hoort een naam.',
      );
    }
    if (referral.to !== 'sociaal-team' && referral.organisationId !== undefined) {
      throw DomainError.invalidField(
        'referral.organisationId',
        'Alleen bij een sociaal team kiest u de organisatie.',
      );
    }
    if (!kind) return null;
    if (referral.organisationId) {
      const organisation = await this.reference.organisation(referral.organisationId);
      if (!organisation || organisation.kind !== kind) {
        throw DomainError.invalidField('referral.organisationId', 'Dit is geen sociaal team.');
      }
      return organisation;
    }
    const candidates = (await this.reference.listOrganisations()).filter((o) => o.kind === kind);
    if (candidates.length !== 1)
      throw DomainError.invalidField('referral.to', 'Deze organisatie is niet eenduidig.');
    return candidates[0];
  }

  private async points() {
    return new Map((await this.reference.listWijkservicepunten()).map((p) => [p.id, p]));
  }

  private log(m: EntityManager, action: 'read' | 'update', contact: SpreekuurContact) {
    return this.audit.record(m, {
      action,
      resourceType: 'SpreekuurContact',
      resourceId: contact.id,
      householdId: contact.householdId ?? undefined,
      dataSubjects: subjectsOf(contact),
    });
  }
}

/** Anonymous contacts name nobody; linked ones their household and person. */
export function subjectsOf(contact: Pick<SpreekuurContact, 'householdId' | 'personId'>): DataSubject[] {
  const subjects: DataSubject[] = [];
  if (contact.householdId) subjects.push({ type: 'household', id: contact.householdId });
  if (contact.personId) subjects.push({ type: 'person', id: contact.personId });
  return subjects;
}
