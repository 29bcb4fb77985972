import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { AnonymisationFacts, CaseloadHousehold, HouseholdCaseloadService } from '@app/households';
import { PlanSummariesService } from '@app/plans';
import { UsersService } from '@app/identity';
import { ReferenceService } from '@app/reference';
import { CaseloadService } from '../caseload/caseload.service';
import { CaseReview, CaseReviewAction, CaseReviewLeerpunt, LEERPUNT_THEMES, THEME_LABELS } from '../entities';
import { ageBand, ageOn, monthOf, quarterOf, redact } from './anonymise';
import { CasusboekCase, CasusboekDocument, casusboekMarkdown } from './casusboek.document';
import { renderCasusboek } from './casusboek.pdf';

/** Neighbourhoods are named only where at least this many cohort households live. */
export const MIN_COHORT_HOUSEHOLDS_PER_NEIGHBOURHOOD = 10;

const PILLAR_LABELS: Record<string, string> = {
  WMO: 'Wmo',
  JEUGD: 'Jeugd',
  PARTICIPATIE: 'Participatie',
  SHV: 'Schuldhulpverlening',
  ONDERWIJS: 'Onderwijs',
};

/** The anonymised casusboek of chosen cases (issue 9); its reading is logged as one export. */
@Injectable()
export class CasusboekService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly households: HouseholdCaseloadService,
    private readonly caseload: CaseloadService,
    private readonly plans: PlanSummariesService,
    private readonly reference: ReferenceService,
    private readonly users: UsersService,
  ) {}

  async markdown(user: AuthenticatedUser, householdIds: string[]): Promise<string> {
    return casusboekMarkdown(await this.document(user, householdIds));
  }

  async pdf(user: AuthenticatedUser, householdIds: string[]): Promise<Buffer> {
    return renderCasusboek(await this.document(user, householdIds));
  }

  private async document(user: AuthenticatedUser, householdIds: string[]): Promise<CasusboekDocument> {
    const ability = await this.access.abilityFor(user);
    const today = this.clock.today();
    return this.dataSource.transaction(async (m) => {
      const scoped = await this.households.households(m, this.caseload.scope(ability), { householdIds });
      // A case the caller may not review is "not found", whichever it is: nothing leaks.
      if (scoped.length !== householdIds.length) throw DomainError.notFound('Een van de gekozen huishoudens');
      const byId = new Map(scoped.map((h) => [h.householdId, h]));
      const facts = new Map(
        (await this.households.anonymisationFacts(m, householdIds)).map((f) => [f.householdId, f]),
      );
      const cohortCounts = await this.households.cohortHouseholdsPerNeighbourhood(m);
      const plans = await this.plans.summaries(m, householdIds, today);
      // Free text may name any professional (reviewers, colleagues not on the case): read them once.
      const professionals = await this.users.allDisplayNames(m);
      const cases: CasusboekCase[] = [];
      for (const [index, id] of householdIds.entries()) {
        const f = facts.get(id)!;
        const plan = plans.get(id);
        cases.push({
          number: index + 1,
          area: await this.area(f, cohortCounts),
          composition: composition(f, today),
          pillars: byId.get(id)!.pillars.map((p) => PILLAR_LABELS[p] ?? p),
          plan: plan?.lastAgreedOn
            ? `vastgesteld in ${quarterOf(plan.lastAgreedOn)}; ${plan.overdueGoals} doel(en) over de streefdatum`
            : plan
              ? 'opgesteld, nog niet vastgesteld'
              : 'nog geen gezinsplan',
          reviews: await this.reviews(m, byId.get(id)!, f, professionals),
        });
      }
      await this.audit.record(m, {
        activityId: 'reviews.casusboek.export',
        action: 'export',
        resourceType: 'Casusboek',
        dataSubjects: householdIds.map((hid) => ({ type: 'household', id: hid })),
      });
      return { madeIn: monthOf(today), cases, themes: themes(cases) };
    });
  }

  private async area(f: AnonymisationFacts, cohortCounts: Map<string, number>) {
    const municipality = (await this.reference.municipality(f.municipalityId))?.name ?? 'onbekende gemeente';
    if (
      f.neighbourhoodId &&
      (cohortCounts.get(f.neighbourhoodId) ?? 0) >= MIN_COHORT_HOUSEHOLDS_PER_NEIGHBOURHOOD
    ) {
      const neighbourhood = await this.reference.neighbourhood(f.neighbourhoodId);
      if (neighbourhood) return `${neighbourhood.name}, ${municipality}`;
    }
    return municipality;
  }

  private async reviews(
    m: EntityManager,
    household: CaseloadHousehold,
    f: AnonymisationFacts,
    professionals: string[],
  ) {
    const reviews = await m.find(CaseReview, {
      where: { householdId: household.householdId },
      order: { reviewedOn: 'ASC' },
    });
    const actions = await m.find(CaseReviewAction, {
      where: { householdId: household.householdId },
      order: { position: 'ASC' },
    });
    const leerpunten = await m.find(CaseReviewLeerpunt, {
      where: { householdId: household.householdId },
      order: { position: 'ASC' },
    });
    // Free text may also name the participants of the reviews.
    const participants = reviews.flatMap((r) => r.participants);
    const names = [...professionals, ...participants].flatMap((name) => [name, ...name.split(/\s+/)]);
    const clean = (text: string) => redact(text, [...f.identifyingTerms, ...names]);
    return reviews.map((r) => ({
      quarter: quarterOf(r.reviewedOn),
      participantCount: r.participants.length,
      findings: clean(r.findings),
      actions: actions
        .filter((a) => a.reviewId === r.id)
        .map((a) => ({
          description: clean(a.description),
          month: monthOf(a.dueOn),
          done: a.doneOn !== null,
        })),
      leerpunten: leerpunten
        .filter((l) => l.reviewId === r.id)
        .map((l) => ({ theme: THEME_LABELS[l.theme], text: clean(l.text) })),
    }));
  }
}

function composition(f: AnonymisationFacts, today: string): string {
  const ages = f.memberBirthDates.map((b) => ageOn(b, today)).sort((a, b) => b - a);
  const adults = ages.filter((a) => a >= 18).map(ageBand);
  const children = ages.filter((a) => a < 18).map(ageBand);
  const part = (n: number, one: string, many: string, bands: string[]) =>
    `${n} ${n === 1 ? one : many} (${[...new Set(bands)].join(', ')})`;
  const parts = [];
  if (adults.length) parts.push(part(adults.length, 'volwassene', 'volwassenen', adults));
  if (children.length) parts.push(part(children.length, 'kind', 'kinderen', children));
  return parts.join(', ') || 'onbekend';
}

function themes(cases: CasusboekCase[]): CasusboekDocument['themes'] {
  return LEERPUNT_THEMES.map((theme) => ({
    label: THEME_LABELS[theme],
    leerpunten: cases.flatMap((c) =>
      c.reviews.flatMap((r) =>
        r.leerpunten
          .filter((l) => l.theme === THEME_LABELS[theme])
          .map((l) => ({ caseNumber: c.number, text: l.text })),
      ),
    ),
  })).filter((t) => t.leerpunten.length > 0);
}
