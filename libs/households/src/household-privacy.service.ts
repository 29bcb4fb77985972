import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Pillar } from '@app/access';
import { Clock, DomainError } from '@app/core';
import {
  CaseRole,
  CaseTeamMember,
  Consent,
  Household,
  HouseholdMember,
  MemberRelation,
  Person,
  Referral,
  Representative,
} from './entities';

/** Replaces free text that may name people once a case is anonymised. */
export const ANONYMISED_TEXT = '[geanonimiseerd]';

/** A household as a person's own record shows it: where they lived, and the case's status. */
export interface PersonMembership {
  memberId: string;
  relation: MemberRelation;
  joinedOn: string;
  leftOn: string | null;
  household: Pick<
    Household,
    | 'id'
    | 'municipalityId'
    | 'neighbourhoodId'
    | 'street'
    | 'houseNumber'
    | 'postcode'
    | 'city'
    | 'status'
    | 'closedOn'
    | 'cohort50'
  >;
}

/** Everything the households context holds on one person (AVG art. 15), without other members' details. */
export interface PersonHouseholdData {
  person: Pick<Person, 'id' | 'bsn' | 'givenNames' | 'familyNamePrefix' | 'familyName' | 'birthDate'>;
  memberships: PersonMembership[];
  representatives: Representative[];
  /** Consents given by the person, and those of their households while they lived there. */
  consents: (Consent & { givenByThisPerson: boolean })[];
  /** Referrals of the person, and of their households (no person named) while they lived there. */
  referrals: (Referral & { concerns: 'person' | 'household' })[];
  /** Organisations on the case team of their households while they lived there (no professionals' names). */
  caseTeams: Pick<
    CaseTeamMember,
    'id' | 'householdId' | 'organisationId' | 'caseRole' | 'pillar' | 'legalBasis' | 'joinedAt' | 'leftAt'
  >[];
}

/** A closed household not yet anonymised, with what retention needs to decide whether it is due. */
export interface RetentionCandidate {
  householdId: string;
  municipalityId: string;
  closedOn: string;
  /** Pillars of everyone who was ever on its case team. */
  pillars: Pillar[];
  /** Everyone who was ever a member. */
  personIds: string[];
}

export interface HouseholdAnonymisation {
  householdId: string;
  /** Members anonymised now; members still living in (or kept by) another household stay. */
  anonymisedPersonIds: string[];
  keptPersonIds: string[];
}

/**
 * What the privacy context asks of households: a person's data for an access request, and the
 * anonymisation of closed cases past their retention period. No access checks and no logging here:
 * the caller has checked the privacy officer's rights and logs in the same transaction.
 */
@Injectable()
export class HouseholdPrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The person with this BSN; null when unknown (or anonymised, which removes the BSN). */
  async personIdByBsn(bsn: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const person = await manager.findOne(Person, { select: { id: true }, where: { bsn } });
    return person?.id ?? null;
  }

  async personExists(personId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(Person, { id: personId });
  }

  async personDataFor(
    personId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonHouseholdData | null> {
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person) return null;
    const members = await manager.find(HouseholdMember, {
      where: { personId },
      order: { joinedOn: 'ASC' },
    });
    const households = new Map(
      (await manager.findBy(Household, { id: In(members.map((m) => m.householdId)) })).map((h) => [h.id, h]),
    );
    const memberships: PersonMembership[] = members.map((m) => {
      const h = households.get(m.householdId)!;
      return {
        memberId: m.id,
        relation: m.relation,
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
        household: {
          id: h.id,
          municipalityId: h.municipalityId,
          neighbourhoodId: h.neighbourhoodId,
          street: h.street,
          houseNumber: h.houseNumber,
          postcode: h.postcode,
          city: h.city,
          status: h.status,
          closedOn: h.closedOn,
          cohort50: h.cohort50,
        },
      };
    });
    const householdIds = [...households.keys()];
    // Household-level records count for the person only while they lived there.
    const during = (householdId: string, from: string, to: string | null) =>
      memberships.some(
        (m) =>
          m.household.id === householdId &&
          from <= (m.leftOn ?? '9999-12-31') &&
          (to ?? '9999-12-31') >= m.joinedOn,
      );
    const day = (date: Date) => date.toISOString().slice(0, 10);

    const consents = (await manager.find(Consent, { where: { householdId: In(householdIds) } }))
      .filter((c) => c.personId === personId || during(c.householdId, c.givenOn, c.revokedOn))
      .map((c) => ({ ...c, givenByThisPerson: c.personId === personId }));
    const referrals = (
      await manager.find(Referral, { where: [{ personId }, { householdId: In(householdIds) }] })
    )
      .filter(
        (r) =>
          r.personId === personId ||
          (r.personId === null && during(r.householdId, day(r.createdAt), day(r.createdAt))),
      )
      .map((r) => ({
        ...r,
        concerns: r.personId === personId ? ('person' as const) : ('household' as const),
      }));
    const caseTeams = (
      await manager.find(CaseTeamMember, {
        where: { householdId: In(householdIds) },
        order: { joinedAt: 'ASC' },
      })
    )
      .filter((c) => during(c.householdId, day(c.joinedAt), c.leftAt ? day(c.leftAt) : null))
      .map(({ id, householdId, organisationId, caseRole, pillar, legalBasis, joinedAt, leftAt }) => ({
        id,
        householdId,
        organisationId,
        caseRole: caseRole as CaseRole,
        pillar,
        legalBasis,
        joinedAt,
        leftAt,
      }));
    return {
      person: {
        id: person.id,
        bsn: person.bsn,
        givenNames: person.givenNames,
        familyNamePrefix: person.familyNamePrefix,
        familyName: person.familyName,
        birthDate: person.birthDate,
      },
      memberships,
      representatives: await manager.find(Representative, {
        where: { personId },
        order: { startsOn: 'ASC' },
      }),
      consents,
      referrals,
      caseTeams,
    };
  }

  /** Closed households not yet anonymised that closed on or before the date, oldest first. */
  async retentionCandidates(
    closedOnOrBefore: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RetentionCandidate[]> {
    const rows: {
      id: string;
      municipality_id: string;
      closed_on: string;
      pillars: Pillar[];
      person_ids: string[];
    }[] = await manager.query(
      `SELECT h.id, h.municipality_id, to_char(h.closed_on, 'YYYY-MM-DD') AS closed_on,
              ARRAY(SELECT DISTINCT c.pillar FROM case_team_member c
                    WHERE c.household_id = h.id AND c.pillar IS NOT NULL ORDER BY 1) AS pillars,
              ARRAY(SELECT DISTINCT m.person_id FROM household_member m WHERE m.household_id = h.id) AS person_ids
         FROM household h
        WHERE h.status = 'closed' AND h.anonymised_at IS NULL AND h.closed_on <= $1::date
        ORDER BY h.closed_on, h.id`,
      [closedOnOrBefore],
    );
    return rows.map((r) => ({
      householdId: r.id,
      municipalityId: r.municipality_id,
      closedOn: r.closed_on,
      pillars: r.pillars,
      personIds: r.person_ids,
    }));
  }

  /**
   * Anonymises a closed household so that aggregates still count it: municipality, neighbourhood,
   * city, dates, membership (relation, periods), case team and pillars stay; street, house number,
   * postcode, the closing reason and free text of representatives, referrals and break-the-glass
   * grants go. Members lose BSN and names, and keep only their birth year, unless they are (or were)
   * a member of a household that is not anonymised yet: then they stay until that one is. Run it
   * inside the caller's transaction; idempotent.
   */
  async anonymiseClosedHousehold(
    householdId: string,
    manager: EntityManager,
  ): Promise<HouseholdAnonymisation> {
    const household = await manager
      .createQueryBuilder(Household, 'h')
      .setLock('pessimistic_write')
      .where('h.id = :householdId', { householdId })
      .getOne();
    if (!household) throw DomainError.notFound('Het huishouden');
    if (household.status !== 'closed')
      throw DomainError.conflict('Alleen een gesloten huishouden wordt geanonimiseerd.');
    if (household.anonymisedAt) return { householdId, anonymisedPersonIds: [], keptPersonIds: [] };
    const now = this.clock.now();
    const members: { person_id: string; elsewhere: boolean }[] = await manager.query(
      `SELECT DISTINCT m.person_id,
              EXISTS (SELECT 1 FROM household_member o JOIN household oh ON oh.id = o.household_id
                       WHERE o.person_id = m.person_id AND oh.id <> $1 AND oh.anonymised_at IS NULL) AS elsewhere
         FROM household_member m WHERE m.household_id = $1`,
      [householdId],
    );
    const anonymise = members.filter((m) => !m.elsewhere).map((m) => m.person_id);
    if (anonymise.length > 0) {
      await manager.query(
        `UPDATE person SET bsn = NULL, given_names = NULL, family_name_prefix = NULL, family_name = NULL,
                birth_date = date_trunc('year', birth_date)::date, anonymised_at = $2, updated_at = $2
          WHERE id = ANY($1::uuid[]) AND anonymised_at IS NULL`,
        [anonymise, now],
      );
    }
    await manager.update(
      Representative,
      { householdId },
      { name: ANONYMISED_TEXT, organisationName: null, contact: null, scope: ANONYMISED_TEXT },
    );
    await manager.update(Referral, { householdId }, { reason: ANONYMISED_TEXT });
    await manager.query(
      `UPDATE referral SET decline_reason = $2 WHERE household_id = $1 AND decline_reason IS NOT NULL`,
      [householdId, ANONYMISED_TEXT],
    );
    await manager.query(
      `UPDATE break_glass_grant SET reason = $2, review_note = NULL WHERE household_id = $1`,
      [householdId, ANONYMISED_TEXT],
    );
    await manager.query(
      `UPDATE household SET street = NULL, house_number = NULL, postcode = NULL, close_reason = NULL,
              anonymised_at = $2, updated_at = $2, version = version + 1
        WHERE id = $1`,
      [householdId, now],
    );
    return {
      householdId,
      anonymisedPersonIds: anonymise,
      keptPersonIds: members.filter((m) => m.elsewhere).map((m) => m.person_id),
    };
  }
}
