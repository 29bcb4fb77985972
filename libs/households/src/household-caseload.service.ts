import { Inject, Injectable } from '@nestjs/common';
import { Brackets, EntityManager } from 'typeorm';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory } from './case-worker-directory';
import { CaseTeamMember, fullName, Household, HouseholdMember } from './entities';

/** A household on a teamleider's caseload: the index facts, never names or addresses. */
export interface CaseloadHousehold {
  householdId: string;
  municipalityId: string;
  neighbourhoodId: string | null;
  cohort50: boolean;
  pillars: string[];
  regisseur: { userId: string; name: string; organisation: string } | null;
}

/**
 * Condition on a row with `household_id` and `municipality_id` columns under the given alias (the
 * caller's access rules, e.g. AccessService.condition for CaseReview); null means nothing is allowed.
 */
/** What an anonymised export needs of a household, and every identifying term it must never print. */
export interface AnonymisationFacts {
  householdId: string;
  municipalityId: string;
  neighbourhoodId: string | null;
  /** Birth dates of the current members (for age bands only). */
  memberBirthDates: string[];
  /** Names (whole and in parts), BSNs, street, postcode of members, former members and professionals. */
  identifyingTerms: string[];
}

export type HouseholdScopeCondition = (alias: string) => Brackets | null;

/** Active households matching an access condition, set-based: the rules are part of the SQL. */
@Injectable()
export class HouseholdCaseloadService {
  constructor(@Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory) {}

  async households(
    m: EntityManager,
    scope: HouseholdScopeCondition,
    options: { cohortOnly?: boolean; householdIds?: string[] } = {},
  ): Promise<CaseloadHousehold[]> {
    const condition = scope('c');
    if (condition === null) return [];
    const inner = m
      .createQueryBuilder()
      .from(Household, 'h')
      .select('h.id', 'household_id')
      .addSelect('h.municipality_id', 'municipality_id')
      .addSelect('h.neighbourhood_id', 'neighbourhood_id')
      .addSelect('h.cohort_50', 'cohort_50')
      .where(`h.status = 'active'`);
    // Pillars and regisseur in the same query (one row per household), names in one directory call.
    const qb = m
      .createQueryBuilder()
      .select('c.*')
      .addSelect(
        `ARRAY(SELECT DISTINCT t.pillar FROM case_team_member t
                WHERE t.household_id = c.household_id AND t.left_at IS NULL AND t.pillar IS NOT NULL
                ORDER BY 1)`,
        'pillars',
      )
      .addSelect(
        `(SELECT t.user_id FROM case_team_member t WHERE t.household_id = c.household_id
             AND t.left_at IS NULL AND t.case_role = 'regisseur' LIMIT 1)`,
        'regisseur_id',
      )
      .from(`(${inner.getQuery()})`, 'c')
      .andWhere(condition);
    if (options.cohortOnly) qb.andWhere('c.cohort_50');
    if (options.householdIds)
      qb.andWhere('c.household_id = ANY(CAST(:ids AS uuid[]))', { ids: options.householdIds });
    const rows = await qb.orderBy('c.household_id').getRawMany<{
      household_id: string;
      municipality_id: string;
      neighbourhood_id: string | null;
      cohort_50: boolean;
      pillars: string[];
      regisseur_id: string | null;
    }>();
    const regisseurIds = [...new Set(rows.flatMap((r) => (r.regisseur_id ? [r.regisseur_id] : [])))];
    const profiles = new Map((await this.directory.profiles(regisseurIds)).map((p) => [p.id, p]));
    return rows.map((r) => {
      const profile = r.regisseur_id ? profiles.get(r.regisseur_id) : undefined;
      return {
        householdId: r.household_id,
        municipalityId: r.municipality_id,
        neighbourhoodId: r.neighbourhood_id,
        cohort50: r.cohort_50,
        pillars: r.pillars,
        regisseur: r.regisseur_id
          ? {
              userId: r.regisseur_id,
              name: profile?.displayName ?? 'onbekend',
              organisation: profile?.organisationName ?? 'onbekend',
            }
          : null,
      };
    });
  }

  /** Facts for anonymisation; no access check: the caller has checked the households and logs the read. */
  async anonymisationFacts(m: EntityManager, householdIds: string[]): Promise<AnonymisationFacts[]> {
    if (householdIds.length === 0) return [];
    const households = await m
      .getRepository(Household)
      .createQueryBuilder('h')
      .where('h.id = ANY(CAST(:ids AS uuid[]))', { ids: householdIds })
      .getMany();
    const memberships = await m
      .getRepository(HouseholdMember)
      .createQueryBuilder('hm')
      .innerJoinAndSelect('hm.person', 'p')
      .where('hm.household_id = ANY(CAST(:ids AS uuid[]))', { ids: householdIds })
      .getMany();
    const teams = await m
      .getRepository(CaseTeamMember)
      .createQueryBuilder('c')
      .where('c.household_id = ANY(CAST(:ids AS uuid[]))', { ids: householdIds })
      .getMany();
    const profiles = new Map(
      (await this.directory.profiles([...new Set(teams.map((t) => t.userId))], m)).map((p) => [p.id, p]),
    );
    return households.map((h) => {
      const members = memberships.filter((x) => x.householdId === h.id);
      const terms = new Set<string>(
        h.postcode ? [h.street, h.postcode, `${h.postcode.slice(0, 4)} ${h.postcode.slice(4)}`] : [],
      );
      for (const { person } of members) {
        if (!person) continue;
        for (const term of [person.bsn, fullName(person), person.givenNames, person.familyName])
          terms.add(term);
        for (const part of `${person.givenNames ?? ''} ${person.familyName ?? ''}`.split(/\s+/))
          terms.add(part);
      }
      for (const t of teams.filter((x) => x.householdId === h.id)) {
        const name = profiles.get(t.userId)?.displayName;
        if (name) for (const part of [name, ...name.split(/\s+/)]) terms.add(part);
      }
      return {
        householdId: h.id,
        municipalityId: h.municipalityId,
        neighbourhoodId: h.neighbourhoodId,
        memberBirthDates: members
          .filter((x) => x.leftOn === null && x.person)
          .map((x) => x.person!.birthDate),
        identifyingTerms: [...terms].filter((t): t is string => typeof t === 'string' && t.trim().length > 1),
      };
    });
  }

  /** Active cohort (50-gezinnen) households per neighbourhood, for the small-area rule of exports. */
  async cohortHouseholdsPerNeighbourhood(m: EntityManager): Promise<Map<string, number>> {
    const rows = await m.query<{ neighbourhood_id: string; n: number }[]>(
      `SELECT neighbourhood_id, count(*)::int AS n FROM household
        WHERE cohort_50 AND status = 'active' AND neighbourhood_id IS NOT NULL GROUP BY neighbourhood_id`,
    );
    return new Map(rows.map((r) => [r.neighbourhood_id, r.n]));
  }
}
