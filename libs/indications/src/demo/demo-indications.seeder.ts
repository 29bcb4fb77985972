import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Pillar } from '@app/access';
import { addDays, Clock } from '@app/core';
import { HouseholdsService } from '@app/households';
import { PRODUCT_IDS } from '../catalogue-ids';
import { Bezwaar, BezwaarOutcome, Indication, IndicationSuspension } from '../entities';
import { currentDeadline, procedureFacts } from '../indication-view';
import {
  BEZWAAR_OUTCOME_WEIGHTS,
  PRODUCT_WEIGHTS,
  PROVIDERS,
  Random,
  REASONS,
  Scenario,
  SCENARIO_WEIGHTS,
  seededRandom,
} from './demo-indications.data';

/** Share of households with indications from two or more pillars (samenloop: 24% in the 2018 monitor). */
const SAMENLOOP_SHARE = 0.24;
/** Share of households without any indication (e.g. only a plan or a signal). */
const WITHOUT_SHARE = 0.08;
const SUSPENSION_REASONS = [
  'Wachten op aanvullende stukken van de aanvrager',
  'Medisch advies opgevraagd',
  'Hersteltermijn (Awb 4:5)',
];

interface HouseholdFacts {
  household: { id: string; municipalityId: string };
  members: { personId: string; birthDate: string }[];
  team: { userId: string; pillar: Pillar | null }[];
}

type Draft = Partial<Indication> & { pillar: Pillar; meldingDate: string };
interface Planned {
  row: Draft;
  suspensions: { startDate: string; endDate: string | null; reason: string }[];
  bezwaren: { receivedDate: string; decisionDate: string | null; outcome: BezwaarOutcome | null }[];
}

export interface DemoIndicationsResult {
  households: number;
  indications: number;
  samenloop: number;
}

/**
 * Indications for the demo households: about 24% of them with indications from two or more pillars,
 * most others one, with realistic products, dates and statuses relative to the Clock, some procedures
 * due within 10 days or overdue, a few suspended, rejected with bezwaar, withdrawn or ended.
 * Indications go to pillars on the household's case team, handled by that case-team member.
 * Deterministic (seeded PRNG, households in the households context's order) and idempotent: nothing happens when any
 * indication exists. Run after the demo users and households.
 */
@Injectable()
export class DemoIndicationsSeeder {
  private readonly logger = new Logger(DemoIndicationsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<DemoIndicationsResult> {
    const result: DemoIndicationsResult = { households: 0, indications: 0, samenloop: 0 };
    if ((await this.dataSource.getRepository(Indication).count()) > 0) return result;
    const today = this.clock.today();
    const random = seededRandom(5_2026);
    await this.dataSource.transaction(async (m) => {
      const households = await this.householdFacts(m);
      const plan = this.pillarPlan(random, households, today);
      for (const [i, facts] of households.entries()) {
        let written = 0;
        for (const pillar of plan[i]) {
          const person = personFor(random, pillar, facts.members, today);
          if (!person) continue;
          const handler = facts.team.find((c) => c.pillar === pillar)?.userId ?? null;
          await this.insert(
            m,
            facts.household,
            person.personId,
            handler,
            this.planned(random, pillar, today),
          );
          written++;
        }
        result.indications += written;
        if (written > 0) result.households++;
        if (written > 1) result.samenloop++;
      }
    });
    this.logger.log(result, 'demo indications seeded');
    return result;
  }

  /** Households with current members and active case team, in the households context's stable order. */
  private async householdFacts(m: EntityManager): Promise<HouseholdFacts[]> {
    const facts: HouseholdFacts[] = [];
    for (const household of await this.households.activeHouseholdRefs(m)) {
      const { members, professionals } = await this.households.participants(household.id, m);
      const current = members
        .filter((x) => x.current)
        .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.name.localeCompare(b.name));
      if (current.length === 0) continue;
      const team = professionals
        .filter((p) => p.active)
        .sort((a, b) => Number(b.caseRole === 'regisseur') - Number(a.caseRole === 'regisseur'));
      facts.push({ household, members: current, team });
    }
    return facts;
  }

  /** Which pillars each household gets: samenloop for ~24%, none for a few, one for the rest. */
  private pillarPlan(random: Random, households: HouseholdFacts[], today: string): Pillar[][] {
    const feasible = households.map(({ team, members }) => {
      const pillars = [...new Set(team.map((c) => c.pillar).filter((p): p is Pillar => p !== null))];
      return pillars.filter((p) => hasPersonFor(p, members, today));
    });
    const plan: Pillar[][] = households.map(() => []);
    const order = random.shuffle(households.map((_, i) => i));
    let samenloop = Math.round(households.length * SAMENLOOP_SHARE);
    let without = Math.round(households.length * WITHOUT_SHARE);
    for (const i of order) {
      if (samenloop > 0 && feasible[i].length >= 2) {
        plan[i] = feasible[i].slice(0, feasible[i].length > 2 && random.chance(0.3) ? 3 : 2);
        samenloop--;
      } else if (without > 0) {
        without--;
      } else if (feasible[i].length > 0) {
        plan[i] = [feasible[i][0]];
      }
    }
    return plan;
  }

  private planned(random: Random, pillar: Pillar, today: string): Planned {
    const scenario = random.weighted<Scenario>(SCENARIO_WEIGHTS);
    const day = (offset: number) => addDays(today, offset);
    const notAfterToday = (date: string) => (date > today ? today : date);
    const requestField = pillar === 'SHV' ? 'firstConversationDate' : 'aanvraagDate';
    const planned: Planned = {
      row: { pillar, meldingDate: today, status: 'melding' },
      suspensions: [],
      bezwaren: [],
    };
    // A procedure in progress whose clock (56 days from melding / aanvraag / first conversation) ends on `deadline`.
    const inProgress = (deadlineOffset: number) => {
      const clockStart = day(deadlineOffset - 56);
      const melding = pillar === 'WMO' ? clockStart : addDays(clockStart, -random.int(0, 21));
      const request = pillar === 'WMO' ? notAfterToday(addDays(clockStart, random.int(7, 30))) : clockStart;
      Object.assign(planned.row, { meldingDate: melding, [requestField]: request, status: 'in_behandeling' });
    };
    // A procedure decided `ago` days ago or more, with melding and request before it.
    const decided = (
      outcome: 'toegekend' | 'afgewezen' | 'buiten_behandeling',
      minAgo: number,
      maxAgo: number,
    ) => {
      const beschikking = day(-random.int(minAgo, maxAgo));
      const request = addDays(beschikking, -random.int(10, 60));
      const melding =
        pillar === 'WMO' ? addDays(request, -random.int(0, 20)) : addDays(request, -random.int(0, 14));
      Object.assign(planned.row, {
        meldingDate: melding,
        [requestField]: request,
        beschikkingDate: beschikking,
        beschikkingOutcome: outcome,
        status: outcome,
      });
      return beschikking;
    };

    switch (scenario) {
      case 'granted':
      case 'ended': {
        const beschikking = decided(
          'toegekend',
          scenario === 'ended' ? 420 : 20,
          scenario === 'ended' ? 1000 : 700,
        );
        const start = notAfterToday(addDays(beschikking, random.int(0, 14)));
        const end =
          scenario === 'ended'
            ? day(-random.int(5, 200))
            : random.chance(0.5)
              ? null
              : day(random.int(30, 400));
        Object.assign(planned.row, {
          startDate: start,
          endDate: end,
          status: scenario === 'ended' ? 'beeindigd' : 'toegekend',
        });
        break;
      }
      case 'rejected': {
        const recentBezwaar = random.chance(0.4);
        const beschikking = recentBezwaar ? decided('afgewezen', 42, 60) : decided('afgewezen', 60, 600);
        if (recentBezwaar) {
          // An open bezwaar whose 6 weeks end within about ten days.
          planned.bezwaren.push({
            receivedDate: day(-random.int(32, 41)),
            decisionDate: null,
            outcome: null,
          });
        } else if (random.chance(0.5)) {
          const received = addDays(beschikking, random.int(5, 40));
          const decision = notAfterToday(addDays(received, random.int(20, 60)));
          planned.bezwaren.push({
            receivedDate: received,
            decisionDate: decision,
            outcome: random.weighted(BEZWAAR_OUTCOME_WEIGHTS),
          });
        }
        break;
      }
      case 'notProcessed':
        decided('buiten_behandeling', 30, 500);
        break;
      case 'dueSoon':
        if (pillar === 'SHV' && random.chance(0.4)) {
          // Threatening eviction or cut-off: the first conversation is due within 3 working days.
          Object.assign(planned.row, {
            meldingDate: day(-random.int(0, 1)),
            threat: random.pick(['huisuitzetting', 'afsluiting_energie', 'afsluiting_water'] as const),
          });
        } else {
          inProgress(random.int(0, 10));
        }
        break;
      case 'overdue':
        inProgress(-random.int(1, 20));
        break;
      case 'fresh':
        planned.row.meldingDate = day(-random.int(0, 20));
        break;
      case 'suspended': {
        inProgress(random.int(-8, 15));
        const start = notAfterToday(addDays(day(-random.int(10, 30)), 0));
        const open = random.chance(0.5);
        const earliest = planned.row.meldingDate;
        const from = start < earliest ? earliest : start;
        planned.suspensions.push({
          startDate: from,
          endDate: open ? null : notAfterToday(addDays(from, random.int(5, 20))),
          reason: random.pick(SUSPENSION_REASONS),
        });
        break;
      }
      case 'withdrawn': {
        const melding = day(-random.int(30, 300));
        const withdrawn = addDays(melding, random.int(3, 25));
        Object.assign(planned.row, { meldingDate: melding, withdrawnOn: withdrawn, status: 'ingetrokken' });
        if (random.chance(0.5))
          Object.assign(planned.row, { [requestField]: addDays(melding, random.int(0, 3)) });
        break;
      }
    }
    this.details(random, planned.row, scenario);
    return planned;
  }

  private details(random: Random, row: Draft, scenario: Scenario) {
    const pillar = row.pillar;
    const early = ['fresh', 'dueSoon', 'overdue', 'suspended', 'withdrawn'].includes(scenario);
    row.productId =
      pillar === 'SHV' && early ? PRODUCT_IDS.shvMesis : random.weighted(PRODUCT_WEIGHTS[pillar]);
    const decidedForCare = row.beschikkingOutcome === 'toegekend';
    if (pillar === 'WMO' || pillar === 'JEUGD') row.form = random.chance(0.13) ? 'PGB' : 'ZiN';
    row.provider =
      decidedForCare && row.form !== 'PGB' && row.productId !== PRODUCT_IDS.participatieLevensonderhoud
        ? random.pick(PROVIDERS[pillar])
        : null;
    row.reason = random.pick(REASONS[pillar]);
    row.notes = random.chance(0.3) ? 'Evaluatie met het gezin gepland na zes maanden.' : null;
  }

  private async insert(
    m: EntityManager,
    household: HouseholdFacts['household'],
    personId: string,
    handlerUserId: string | null,
    planned: Planned,
  ) {
    const row = m.create(Indication, {
      aanvraagDate: null,
      firstConversationDate: null,
      threat: null,
      beschikkingDate: null,
      beschikkingOutcome: null,
      startDate: null,
      endDate: null,
      withdrawnOn: null,
      ...planned.row,
      householdId: household.id,
      municipalityId: household.municipalityId,
      personId,
      handlerUserId,
      createdBy: handlerUserId,
      version: 1,
    });
    Object.assign(
      row,
      currentDeadline(
        procedureFacts(
          row,
          planned.suspensions,
          planned.bezwaren.map((b) => ({ id: '', ...b })),
        ),
      ),
    );
    const saved = await m.save(row);
    const parts = {
      indicationId: saved.id,
      householdId: household.id,
      municipalityId: household.municipalityId,
    };
    for (const suspension of planned.suspensions) {
      await m.insert(IndicationSuspension, { ...parts, ...suspension, createdBy: handlerUserId });
    }
    for (const bezwaar of planned.bezwaren) {
      await m.insert(Bezwaar, { ...parts, ...bezwaar, createdBy: handlerUserId });
    }
  }
}

const ageOn = (birthDate: string, today: string) => {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

const AGE_RANGE: Record<Pillar, [number, number]> = {
  WMO: [18, 120],
  JEUGD: [0, 17],
  PARTICIPATIE: [18, 66],
  SHV: [18, 120],
  ONDERWIJS: [4, 17],
};

function candidates(pillar: Pillar, members: HouseholdFacts['members'], today: string) {
  const [min, max] = AGE_RANGE[pillar];
  return members.filter((x) => {
    const age = ageOn(x.birthDate, today);
    return age >= min && age <= max;
  });
}

function hasPersonFor(pillar: Pillar, members: HouseholdFacts['members'], today: string) {
  return candidates(pillar, members, today).length > 0;
}

function personFor(random: Random, pillar: Pillar, members: HouseholdFacts['members'], today: string) {
  const fits = candidates(pillar, members, today);
  return fits.length ? random.pick(fits) : null;
}
