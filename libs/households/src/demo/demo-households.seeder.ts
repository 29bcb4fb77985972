import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Pillar } from '@app/access';
import { Clock } from '@app/core';
import { DEMO_EMAILS, DemoUserKey, UsersService } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, ReferenceService } from '@app/reference';
import { LEGAL_BASIS_BY_PILLAR } from '../case-team.service';
import { CaseTeamMember, Consent, Household, HouseholdMember, MemberRelation, Person } from '../entities';
import {
  ADULT_NAMES,
  CHILD_NAMES,
  FAMILY_NAMES,
  HEUVELLAND_ADDRESSES,
  MAASTRICHT_STREETS,
} from './demo-households.data';
import { isoDate, Random, seededRandom, syntheticBsn } from './demo-random';

const MAASTRICHT_HOUSEHOLDS = 54;
const COHORT_SIZE = 50;

/**
 * About 60 synthetic households (54 in Maastricht neighbourhoods, 6 in Meerssen and Vaals), with
 * members of realistic ages, case teams of the demo users and consents of different scopes.
 * Deterministic and idempotent: it does nothing when households already exist.
 */
@Injectable()
export class DemoHouseholdsSeeder {
  private readonly logger = new Logger(DemoHouseholdsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<{ households: number }> {
    if ((await this.dataSource.getRepository(Household).count()) > 0) return { households: 0 };
    const ids = await this.users.idsByEmail(Object.values(DEMO_EMAILS));
    const user = (key: DemoUserKey) => {
      const id = ids.get(DEMO_EMAILS[key]);
      if (!id) throw new Error(`demo user ${key} is missing: seed the demo users first`);
      return id;
    };
    const neighbourhoods = new Map(
      (await this.reference.listNeighbourhoods(MUNICIPALITY_IDS.maastricht)).map((n) => [n.name, n.id]),
    );
    const random = seededRandom(1_2026);
    const year = Number(this.clock.today().slice(0, 4));
    let count = 0;
    await this.dataSource.transaction(async (m) => {
      const places = Object.entries(MAASTRICHT_STREETS);
      for (let i = 0; i < MAASTRICHT_HOUSEHOLDS; i++) {
        const [name, place] = places[i % places.length];
        const household = await this.household(m, random, {
          municipalityId: MUNICIPALITY_IDS.maastricht,
          neighbourhoodId: neighbourhoods.get(name) ?? null,
          city: 'Maastricht',
          street: random.pick(place.streets),
          postcode: place.postcode,
          cohort50: i < COHORT_SIZE,
        });
        await this.members(m, random, household, year);
        await this.caseTeam(m, random, household, i, user);
        count++;
      }
      for (const [i, place] of [
        ...HEUVELLAND_ADDRESSES,
        ...HEUVELLAND_ADDRESSES,
        ...HEUVELLAND_ADDRESSES,
      ].entries()) {
        const household = await this.household(m, random, {
          municipalityId: MUNICIPALITY_IDS[place.municipality],
          neighbourhoodId: null,
          city: place.city,
          street: random.pick(place.streets),
          postcode: place.postcode,
          cohort50: false,
        });
        await this.members(m, random, household, year);
        await this.join(
          m,
          household,
          user('consulentHeuvelland'),
          ORGANISATION_IDS.szmh,
          'regisseur',
          i % 2 ? 'WMO' : 'PARTICIPATIE',
        );
        count++;
      }
    });
    this.logger.log({ households: count }, 'demo households seeded');
    return { households: count };
  }

  private household(
    m: EntityManager,
    random: Random,
    address: {
      municipalityId: string;
      neighbourhoodId: string | null;
      city: string;
      street: string;
      postcode: number;
      cohort50: boolean;
    },
  ) {
    const letters = String.fromCharCode(65 + random.int(0, 25), 65 + random.int(0, 25));
    return m.save(
      m.create(Household, {
        municipalityId: address.municipalityId,
        neighbourhoodId: address.neighbourhoodId,
        street: address.street,
        houseNumber: String(random.int(1, 180)),
        postcode: `${address.postcode}${letters}`,
        city: address.city,
        cohort50: address.cohort50,
      }),
    );
  }

  private async members(m: EntityManager, random: Random, household: Household, year: number) {
    const [prefix, familyName] = random.pick(FAMILY_NAMES);
    const elderly = random.chance(0.12);
    const adults = elderly ? 1 : random.int(1, 2);
    const children = elderly ? 0 : random.int(0, 3);
    const rows: { person: Partial<Person>; relation: MemberRelation }[] = [];
    for (let a = 0; a < adults; a++) {
      const age = elderly ? random.int(67, 88) : random.int(24, 58);
      rows.push({
        person: this.person(random, random.pick(ADULT_NAMES), prefix, familyName, year - age),
        relation: a === 0 ? 'parent' : 'partner',
      });
    }
    for (let c = 0; c < children; c++) {
      rows.push({
        person: this.person(random, random.pick(CHILD_NAMES), prefix, familyName, year - random.int(0, 17)),
        relation: 'child',
      });
    }
    const persons = await m.save(rows.map((r) => m.create(Person, r.person)));
    await m.insert(
      HouseholdMember,
      persons.map((person, i) => ({
        householdId: household.id,
        municipalityId: household.municipalityId,
        personId: person.id,
        relation: rows[i].relation,
        joinedOn: person.birthDate > `${year - 3}-01-01` ? person.birthDate : `${year - 3}-01-01`,
      })),
    );
    return persons;
  }

  private person(
    random: Random,
    givenNames: string,
    prefix: string,
    familyName: string,
    birthYear: number,
  ): Partial<Person> {
    return {
      bsn: syntheticBsn(random),
      givenNames,
      familyNamePrefix: prefix || null,
      familyName,
      birthDate: isoDate(birthYear, random.int(1, 12), random.int(1, 28)),
    };
  }

  /** Regisseurs rotate over the consulenten; KBL, the sociaal team and a coach join some cases. */
  private async caseTeam(
    m: EntityManager,
    random: Random,
    household: Household,
    i: number,
    user: (k: DemoUserKey) => string,
  ) {
    const regisseur = (['consulentWmo', 'consulentWmo', 'consulentParticipatie', 'consulentJeugd'] as const)[
      i % 4
    ];
    const pillar: Pillar =
      regisseur === 'consulentWmo' ? 'WMO' : regisseur === 'consulentJeugd' ? 'JEUGD' : 'PARTICIPATIE';
    await this.join(m, household, user(regisseur), ORGANISATION_IDS.szmh, 'regisseur', pillar);
    if (regisseur !== 'consulentWmo' && random.chance(0.4)) {
      await this.join(m, household, user('consulentWmo'), ORGANISATION_IDS.szmh, 'pillar_contact', 'WMO');
    }
    const adult = await m.findOne(HouseholdMember, {
      where: { householdId: household.id, relation: 'parent' },
    });
    if (i % 3 === 0) {
      await this.join(
        m,
        household,
        user('schuldhulpverlener'),
        ORGANISATION_IDS.kbl,
        'pillar_contact',
        'SHV',
      );
      if (i % 2 === 0) await this.consent(m, household, adult!.personId, ORGANISATION_IDS.kbl, 'PLAN');
    }
    if (i % 5 === 1) {
      await this.join(
        m,
        household,
        user('sociaalTeamMedewerker'),
        ORGANISATION_IDS.sociaalTeam3,
        'contributor',
        'WMO',
      );
      await this.consent(m, household, adult!.personId, ORGANISATION_IDS.sociaalTeam3, 'PILLAR_WMO');
    }
    if (i % 10 === 7)
      await this.join(
        m,
        household,
        user('financialCoach'),
        ORGANISATION_IDS.financialCoaches,
        'contributor',
        null,
      );
  }

  private join(
    m: EntityManager,
    household: Household,
    userId: string,
    organisationId: string,
    caseRole: CaseTeamMember['caseRole'],
    pillar: Pillar | null,
  ) {
    return m.insert(CaseTeamMember, {
      householdId: household.id,
      municipalityId: household.municipalityId,
      userId,
      organisationId,
      caseRole,
      pillar,
      legalBasis: pillar
        ? LEGAL_BASIS_BY_PILLAR[pillar]
        : 'AVG art. 6 lid 1 sub e: 1Gezin1Plan-regie (publieke taak gemeente)',
      joinedAt: this.clock.now(),
    });
  }

  private consent(
    m: EntityManager,
    household: Household,
    personId: string,
    organisationId: string,
    category: Consent['category'],
  ) {
    return m.insert(Consent, {
      householdId: household.id,
      municipalityId: household.municipalityId,
      personId,
      organisationId,
      category,
      givenOn: this.clock.today(),
      method: 'schriftelijk',
    });
  }
}
