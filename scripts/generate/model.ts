/**
 * The synthetic city: households with members, case teams drawn from a generated staff, indications
 * with their procedures, household plans, and (where those modules' tables exist) maatwerkbudget
 * requests, spreekuur contacts and vroegsignalering signals. Everything is drawn from seeded streams
 * (random.ts), so the same seed, scale and reference date give the same rows.
 *
 * The monitor's figures are met exactly where they define the population (households, unique clients,
 * the 24% samenloop) and approximately elsewhere (clients per pillar, neighbourhood and age shares);
 * the summary reports what was generated next to the monitor's figure.
 */
import {
  BEZWAAR_OUTCOME_WEIGHTS,
  PRODUCT_WEIGHTS,
  PROVIDERS,
  REASONS,
} from '../../libs/indications/src/demo/demo-indications.data';
import { legalClocks, runningClock } from '../../libs/indications/src/legal-clocks';
import { GOAL_TEMPLATES, INTERNAL_NOTES, OWN_WORDS } from '../../libs/plans/src/demo/demo-plans.data';
import type { LifeDomain } from '../../libs/plans/src/life-domains';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '../../libs/reference/src/reference-ids';
import { BsnAllocator } from './bsn';
import { CopyTable, SpillDirectory } from './copy-table';
import {
  AGE_BANDS,
  AREA_OF_NEIGHBOURHOOD,
  CASELOAD,
  CITY_CLIENTS,
  CITY_CLIENTS_PER_PILLAR,
  CITY_COMBINATIONS,
  CITY_HOUSEHOLDS,
  CITY_SHARE,
  HOUSEHOLDS_PER_TEAM,
  NEIGHBOURHOOD_SHARES,
  PILLARS,
  PROPORTIONS,
  Scale,
} from './monitor';
import {
  ADULT_NAMES,
  CHILD_NAMES,
  CREDITORS,
  ELDERLY_NAMES,
  FAMILY_NAMES,
  KERN_ADDRESSES,
  REPRESENTATIVE_ORGANISATIONS,
  STREETS,
} from './names';
import { apportion, Random } from './random';
import type { Pillar, ReferenceData } from './types';

export interface ModelOptions {
  scale: Scale;
  /** Overrides the scale's number of households (everything else scales with it). */
  households?: number;
  seed: number;
  /** The reference date ("today") all dates are relative to, YYYY-MM-DD. */
  today: string;
  /** One argon2id hash, shared by every generated account. */
  passwordHash: string;
}

export type LoadStep = { kind: 'copy'; table: CopyTable } | { kind: 'sql'; label: string; sql: string };

export interface Summary {
  scale: string;
  seed: number;
  today: string;
  households: number;
  persons: number;
  clients: number;
  samenloopHouseholds: number;
  samenloopShare: number;
  clientsPerPillar: Record<Pillar, number>;
  householdsPerPillar: Record<Pillar, number>;
  targets: { households: number; clients: number; clientsPerPillar: Record<Pillar, number> };
  households50: number;
  staff: number;
  firstBsns: string[];
  neighbourhoods: { name: string; inhabitants: number; clients: number; perHundred: number }[];
  ageBands: { band: string; clients: number; monitorShare: number | null; impliedShare: number }[];
  rows: Record<string, number>;
}

export interface Dataset {
  steps: LoadStep[];
  summary: Summary;
  /** Removes the spilled rows (call after loading, also when loading failed). */
  dispose(): void;
}

type HouseholdType = 'elderly' | 'adult' | 'family';
type Area = 'noordwest' | 'noordoost' | 'zuidwest' | 'zuidoost' | 'heuvelland';

interface PersonDraft {
  id: string;
  bsn: string;
  givenNames: string;
  prefix: string;
  familyName: string;
  birthDate: string;
  age: number;
  relation: 'parent' | 'partner' | 'child' | 'other';
  /** Pillars this person is a client of; `base` marks the household's first client of a pillar. */
  pillars: PillarSet;
  base: PillarSet;
}

interface HouseholdDraft {
  index: number;
  id: string;
  municipalityId: string;
  municipalityCode: string;
  neighbourhoodId: string | null;
  neighbourhoodName: string;
  area: Area;
  team: TeamDraft;
  sociaalTeam: number;
  pillars: Pillar[];
  type: HouseholdType;
  closed: boolean;
  cohort: boolean;
  street: string;
  houseNumber: number;
  postcode: string;
  city: string;
  since: string;
  members: PersonDraft[];
  /** Filled while emitting: who is on the case team, per pillar. */
  handlers: Map<Pillar, StaffMember>;
  regisseur: StaffMember | null;
  caseTeam: StaffMember[];
  planGoalIds: string[];
}

interface TeamDraft {
  id: string;
  name: string;
  slug: string;
  organisationId: string;
  municipalityIds: string[];
  area: Area | 'kbl' | 'coaches' | 'sociaal';
  generated: boolean;
  households: number;
  perPillar: Map<Pillar, number>;
  staff: Map<Pillar | 'lead' | 'member', StaffMember[]>;
  cursor: Map<Pillar | 'member', number>;
}

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  pillars: Pillar[];
  mandateCents: number;
  municipalityIds: string[];
  teamId: string | null;
  isLead: boolean;
}

const LEGAL_BASIS: Record<Pillar, string> = {
  // The same texts as LEGAL_BASIS_BY_PILLAR in libs/households/src/case-team.service.ts.
  WMO: 'Wmo 2015 art. 2.3.2 (publieke taak)',
  JEUGD: 'Jeugdwet art. 2.3 en 7.4.0 (publieke taak)',
  PARTICIPATIE: 'Participatiewet art. 7 en 64 (publieke taak)',
  SHV: 'Wet gemeentelijke schuldhulpverlening art. 3 en 4a (publieke taak)',
  ONDERWIJS: 'Leerplichtwet 1969 en Wet op het primair onderwijs art. 4 (publieke taak)',
};
const GENERAL_BASIS = 'AVG art. 6 lid 1 sub e: 1Gezin1Plan-regie (publieke taak gemeente)';
/** The regisseur comes from the first of these pillars the household has. */
const LEAD_ORDER: Pillar[] = ['JEUGD', 'PARTICIPATIE', 'WMO', 'ONDERWIJS', 'SHV'];
const SZMH_PILLARS: Pillar[] = ['WMO', 'JEUGD', 'PARTICIPATIE', 'ONDERWIJS'];
const DOMAINS_BY_PILLAR: Record<Pillar, LifeDomain[]> = {
  WMO: ['gezondheid', 'wonen', 'sociaal-netwerk'],
  JEUGD: ['opvoeden', 'veiligheid'],
  PARTICIPATIE: ['werk', 'financien'],
  SHV: ['financien', 'wonen'],
  ONDERWIJS: ['onderwijs'],
};
const REPLACED_SCHEMES: Record<Pillar, string> = {
  WMO: 'wmo-voorziening',
  JEUGD: 'jeugdhulp',
  PARTICIPATIE: 'bijzondere-bijstand',
  SHV: 'schuldhulpverlening',
  ONDERWIJS: 'leerlingenvervoer',
};
const SPREEKUUR_TOPICS = ['budget', 'schulden', 'regelingen', 'inkomen', 'administratie', 'other'];
const SIGNAL_OUTCOME_WEIGHTS = {
  aanbod_gedaan: 35,
  eerste_gesprek_gepland: 25,
  al_in_traject: 15,
  geen_contact: 20,
  geweigerd: 5,
};

/** How a procedure stands on the reference date (shares are assumptions, in line with the monitor's 18% late). */
const SCENARIOS = {
  granted: 54,
  ended: 18,
  rejected: 5,
  notProcessed: 2,
  withdrawn: 2,
  dueSoon: 4,
  overdue: 2,
  running: 8,
  fresh: 3,
  suspended: 2,
} as const;
type Scenario = keyof typeof SCENARIOS;
const CLOSED_SCENARIOS = { ended: 75, rejected: 12, notProcessed: 7, withdrawn: 6 } as const;

/**
 * addDays of libs/indications/src/calendar.ts, memoised: the generator calls it millions of times on a
 * few thousand distinct dates.
 */
const DAY_MS = 86_400_000;
const dayNumbers = new Map<string, number>();
const isoByDay = new Map<number, string>();
function addDays(date: string, days: number): string {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
    dayNumbers.set(date, n);
  }
  const target = n + days;
  let iso = isoByDay.get(target);
  if (iso === undefined) {
    iso = new Date(target * DAY_MS).toISOString().slice(0, 10);
    isoByDay.set(target, iso);
  }
  return iso;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoTimestamp = (date: string, minutes: number) =>
  `${date} ${pad(Math.floor(minutes / 60) % 24, 2)}:${pad(minutes % 60, 2)}:00+01`;
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

export class Model {
  private readonly ids: Random;
  private readonly bsns: BsnAllocator;
  private readonly today: string;
  private readonly households: HouseholdDraft[] = [];
  private readonly teams: TeamDraft[] = [];
  private readonly staff: StaffMember[] = [];
  private readonly t: Record<string, CopyTable> = {};
  private readonly spill = new SpillDirectory();
  private readonly steps: LoadStep[] = [];
  private readonly maastricht = MUNICIPALITY_IDS.maastricht;
  private readonly size: number;
  private readonly factor: number;
  private planRounds = 0;

  constructor(
    private readonly options: ModelOptions,
    private readonly reference: ReferenceData,
  ) {
    this.ids = Random.stream(options.seed, 'ids');
    this.bsns = new BsnAllocator(options.seed);
    this.today = options.today;
    this.size = options.households ?? options.scale.households;
    this.factor = this.size / CITY_HOUSEHOLDS;
  }

  build(): Dataset {
    try {
      return this.buildRows();
    } catch (error) {
      this.spill.dispose();
      throw error;
    }
  }

  private buildRows(): Dataset {
    this.defineTables();
    this.skeleton();
    this.organiseTeams();
    for (const household of this.households) this.compose(household);
    this.assignBaseClients();
    this.fillPillars();
    this.matchClientTotal();
    for (const household of this.households) this.emitHousehold(household);
    this.emitStaff();
    if (this.reference.tables.budgets) this.emitBudgets();
    if (this.reference.tables.outreach) this.emitOutreach();
    this.orderSteps();
    return { steps: this.steps, summary: this.summarise(), dispose: () => this.spill.dispose() };
  }

  // ───────────────────────────── tables ─────────────────────────────

  private table(key: string, table: string, columns: string[]) {
    this.t[key] = new CopyTable(key, table, columns, this.spill);
    return this.t[key];
  }

  private defineTables() {
    this.table('team', 'team', ['id', 'organisation_id', 'name', 'municipality_id']);
    this.table('user_account', 'user_account', [
      'id',
      'email',
      'display_name',
      'password_hash',
      'organisation_id',
      'roles',
      'pillars',
      'mandate_cents',
    ]);
    this.table('user_municipality', 'user_municipality', ['user_id', 'municipality_id']);
    this.table('user_team', 'user_team', ['user_id', 'team_id', 'is_lead']);
    this.table('person', 'person', [
      'id',
      'bsn',
      'given_names',
      'family_name_prefix',
      'family_name',
      'birth_date',
    ]);
    this.table('household', 'household', [
      'id',
      'municipality_id',
      'neighbourhood_id',
      'street',
      'house_number',
      'postcode',
      'city',
      'cohort_50',
      'status',
      'closed_on',
      'close_reason',
      'created_at',
    ]);
    this.table('household_member', 'household_member', [
      'id',
      'household_id',
      'municipality_id',
      'person_id',
      'relation',
      'joined_on',
      'left_on',
    ]);
    this.table('case_team_member', 'case_team_member', [
      'id',
      'household_id',
      'municipality_id',
      'user_id',
      'organisation_id',
      'case_role',
      'pillar',
      'legal_basis',
      'joined_at',
      'left_at',
      'added_by',
    ]);
    this.table('consent', 'consent', [
      'id',
      'household_id',
      'municipality_id',
      'person_id',
      'organisation_id',
      'category',
      'given_on',
      'method',
      'revoked_on',
      'recorded_by',
    ]);
    this.table('representative', 'representative', [
      'id',
      'household_id',
      'municipality_id',
      'person_id',
      'kind',
      'name',
      'organisation_name',
      'contact',
      'scope',
      'starts_on',
      'ends_on',
    ]);
    this.table('referral', 'referral', [
      'id',
      'household_id',
      'municipality_id',
      'person_id',
      'from_organisation_id',
      'to_organisation_id',
      'reason',
      'status',
      'created_by',
      'created_at',
      'decided_by',
      'decided_at',
      'decline_reason',
      'assigned_user_id',
    ]);
    this.table('indication', 'indication', [
      'id',
      'household_id',
      'municipality_id',
      'person_id',
      'pillar',
      'product_id',
      'form',
      'provider',
      'reason',
      'status',
      'melding_date',
      'aanvraag_date',
      'first_conversation_date',
      'threat',
      'beschikking_date',
      'beschikking_outcome',
      'start_date',
      'end_date',
      'withdrawn_on',
      'deadline',
      'deadline_clock',
      'handler_user_id',
      'created_by',
    ]);
    this.table('indication_suspension', 'indication_suspension', [
      'id',
      'indication_id',
      'household_id',
      'municipality_id',
      'start_date',
      'end_date',
      'reason',
      'created_by',
    ]);
    this.table('indication_bezwaar', 'indication_bezwaar', [
      'id',
      'indication_id',
      'household_id',
      'municipality_id',
      'received_date',
      'decision_date',
      'outcome',
      'created_by',
    ]);
    this.table('plan', 'plan', [
      'id',
      'household_id',
      'municipality_id',
      'revision',
      'latest_version',
      'created_on',
      'next_evaluation_on',
      'created_by',
      'updated_by',
    ]);
    this.table('plan_evaluation', 'plan_evaluation', [
      'id',
      'plan_id',
      'household_id',
      'municipality_id',
      'version_number',
      'evaluated_on',
      'next_evaluation_on',
      'recorded_by',
    ]);
    this.table('plan_evaluation_outcome', 'plan_evaluation_outcome', [
      'evaluation_id',
      'goal_id',
      'household_id',
      'municipality_id',
      'life_domain',
      'status',
      'outcome',
    ]);
  }

  /** Plan versions load in rounds by number: each agreed version is frozen before the next is added. */
  private planRound(n: number) {
    while (this.planRounds < n) {
      const r = ++this.planRounds;
      this.table(`plan_version#${r}`, 'plan_version', [
        'id',
        'plan_id',
        'household_id',
        'municipality_id',
        'number',
        'status',
        'own_words',
        'created_by',
      ]);
      this.table(`plan_goal#${r}`, 'plan_goal', [
        'version_id',
        'id',
        'plan_id',
        'household_id',
        'municipality_id',
        'life_domain',
        'description',
        'owner_type',
        'owner_person_id',
        'owner_user_id',
        'target_date',
        'status',
        'indication_ids',
        'internal_note',
        'position',
      ]);
      this.table(`plan_action#${r}`, 'plan_action', [
        'version_id',
        'id',
        'goal_id',
        'plan_id',
        'household_id',
        'municipality_id',
        'actor_type',
        'actor_person_id',
        'actor_user_id',
        'actor_organisation',
        'description',
        'due_on',
        'done',
        'position',
      ]);
      this.table(`plan_agreement#${r}`, 'generate_plan_agreement', [
        'version_id',
        'agreed_on',
        'agreed_by_person_ids',
        'agreed_recorded_by',
      ]);
    }
  }

  private orderSteps() {
    const copy = (key: string) => {
      const table = this.t[key];
      if (table && table.rows > 0) this.steps.push({ kind: 'copy', table });
    };
    const sql = (label: string, text: string) => this.steps.push({ kind: 'sql', label, sql: text });
    for (const key of [
      'team',
      'user_account',
      'user_municipality',
      'user_team',
      'person',
      'household',
      'household_member',
      'case_team_member',
      'consent',
      'representative',
      'referral',
      'indication',
      'indication_suspension',
      'indication_bezwaar',
      'plan',
    ]) {
      copy(key);
    }
    sql(
      'plan agreements (temporary)',
      `CREATE TEMPORARY TABLE generate_plan_agreement (version_id uuid PRIMARY KEY, agreed_on date NOT NULL,
         agreed_by_person_ids uuid[] NOT NULL, agreed_recorded_by uuid) ON COMMIT DROP`,
    );
    for (let r = 1; r <= this.planRounds; r++) {
      copy(`plan_version#${r}`);
      copy(`plan_goal#${r}`);
      copy(`plan_action#${r}`);
      copy(`plan_agreement#${r}`);
      sql(
        `agree plan versions ${r}`,
        `UPDATE plan_version v SET status = 'vastgesteld', agreed_on = a.agreed_on,
           agreed_by_person_ids = a.agreed_by_person_ids, agreed_recorded_by = a.agreed_recorded_by
         FROM generate_plan_agreement a WHERE a.version_id = v.id AND v.number = ${r}`,
      );
    }
    copy('plan_evaluation');
    copy('plan_evaluation_outcome');
    for (const key of ['budget', 'budget_request', 'budget_payment', 'budget_ledger_entry']) copy(key);
    for (const key of [
      'coach_location',
      'spreekuur_contact',
      'arrears_signal_import',
      'arrears_signal',
      'arrears_signal_attempt',
    ]) {
      copy(key);
    }
    if (this.t.arrears_signal?.rows) {
      // The grouping flags, computed exactly as libs/outreach/src/signals/signal-grouping.ts does.
      sql(
        'signal grouping flags',
        `UPDATE arrears_signal s SET
           multiple = EXISTS (SELECT 1 FROM arrears_signal t WHERE t.municipality_id = s.municipality_id
             AND t.address_key = s.address_key AND t.id <> s.id AND t.creditor_key <> s.creditor_key
             AND t.received_on BETWEEN s.received_on - interval '6 months' AND s.received_on + interval '6 months'),
           repeated = EXISTS (SELECT 1 FROM arrears_signal t WHERE t.municipality_id = s.municipality_id
             AND t.address_key = s.address_key AND t.id <> s.id AND t.creditor_key = s.creditor_key
             AND t.received_on BETWEEN s.received_on - interval '6 months' AND s.received_on + interval '6 months')
         WHERE s.address_key IN (SELECT address_key FROM arrears_signal GROUP BY municipality_id, address_key
                                  HAVING count(*) > 1)`,
      );
    }
  }

  // ───────────────────────────── skeleton ─────────────────────────────

  /** Where each household lives, which pillars it has and what kind of household it is. */
  private skeleton() {
    const r = Random.stream(this.options.seed, 'skeleton');
    const byCode = new Map(this.reference.municipalities.map((m) => [m.id, m.code]));
    const maastrichtNeighbourhoods = this.reference.neighbourhoods.filter(
      (n) => n.municipalityId === this.maastricht,
    );
    const totalInhabitants = maastrichtNeighbourhoods.reduce((s, n) => s + n.inhabitants, 0);
    const named = maastrichtNeighbourhoods.filter((n) => NEIGHBOURHOOD_SHARES[n.name] !== undefined);
    const namedClients = named.reduce((s, n) => s + n.inhabitants * NEIGHBOURHOOD_SHARES[n.name], 0);
    const unnamedInhabitants = totalInhabitants - named.reduce((s, n) => s + n.inhabitants, 0);
    const otherShare = Math.max(0.05, (CITY_SHARE * totalInhabitants - namedClients) / unnamedInhabitants);
    const places = this.reference.neighbourhoods.filter(
      (n) => this.options.scale.municipalities === 'all' || n.municipalityId === this.maastricht,
    );
    const weights = places.map((n) => n.inhabitants * (NEIGHBOURHOOD_SHARES[n.name] ?? otherShare));
    const perPlace = apportion(this.size, weights);

    const combos = apportion(
      this.size,
      CITY_COMBINATIONS.map(([, n]) => n),
    ).flatMap((count, i) => Array.from({ length: count }, () => CITY_COMBINATIONS[i][0]));
    r.shuffle(combos);

    let index = 0;
    places.forEach((place, p) => {
      for (let k = 0; k < perPlace[p]; k++) {
        const pillars = combos[index];
        const code = byCode.get(place.municipalityId) ?? 'maastricht';
        const area: Area =
          place.municipalityId === this.maastricht
            ? (AREA_OF_NEIGHBOURHOOD[place.name] ?? 'zuidoost')
            : 'heuvelland';
        const address = this.address(r, place.name, code);
        this.households.push({
          index,
          id: this.ids.uuid(),
          municipalityId: place.municipalityId,
          municipalityCode: code,
          neighbourhoodId: place.id,
          neighbourhoodName: place.name,
          area,
          team: undefined as unknown as TeamDraft,
          sociaalTeam: 1 + (Math.abs(hashName(place.name)) % 8),
          pillars,
          type: this.householdType(r, pillars),
          closed: false,
          cohort: false,
          ...address,
          since: addDays(this.today, -r.int(60, 3650)),
          members: [],
          handlers: new Map(),
          regisseur: null,
          caseTeam: [],
          planGoalIds: [],
        });
        index++;
      }
    });
    // Interleave neighbourhoods so that "household i" is not sorted by place (ids are random anyway).
    r.shuffle(this.households);
    this.households.forEach((h, i) => (h.index = i));

    const cohortSize = Math.max(1, Math.round(this.size * PROPORTIONS.cohortPerCityHousehold));
    const candidates = this.households.filter((h) => h.pillars.length >= 2 && h.type === 'family');
    for (const h of candidates.slice(0, cohortSize)) h.cohort = true;
    for (const h of this.households) h.closed = !h.cohort && r.chance(PROPORTIONS.closedShare);
  }

  private householdType(r: Random, pillars: Pillar[]): HouseholdType {
    if (pillars.includes('JEUGD') || pillars.includes('ONDERWIJS')) return 'family';
    const key = pillars.join('+');
    const weights: Record<string, [number, number, number]> = {
      WMO: [0.8, 0.18, 0.02],
      PARTICIPATIE: [0.05, 0.72, 0.23],
      SHV: [0.05, 0.75, 0.2],
      'WMO+PARTICIPATIE': [0.36, 0.5, 0.14],
      'PARTICIPATIE+SHV': [0.03, 0.67, 0.3],
      'WMO+SHV': [0.2, 0.7, 0.1],
      'WMO+PARTICIPATIE+SHV': [0.15, 0.65, 0.2],
    };
    const [elderly, adult] = weights[key] ?? [0.1, 0.6, 0.3];
    const roll = r.next();
    return roll < elderly ? 'elderly' : roll < elderly + adult ? 'adult' : 'family';
  }

  private address(r: Random, neighbourhood: string, municipalityCode: string) {
    const kern = KERN_ADDRESSES[municipalityCode];
    const place = kern ??
      STREETS[neighbourhood] ?? { streets: [`${neighbourhood}straat`], postcode: 6200 + r.int(10, 99) };
    const letters = String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25));
    return {
      street: r.pick(place.streets),
      houseNumber: r.int(1, 240),
      postcode: `${place.postcode}${letters}`,
      city: kern ? kern.city : 'Maastricht',
    };
  }

  // ───────────────────────────── teams and staff ─────────────────────────────

  private organiseTeams() {
    const r = Random.stream(this.options.seed, 'teams');
    const areaTeams: Record<Area, string> = {
      noordwest: TEAM_IDS.szmhNoordwest,
      noordoost: TEAM_IDS.szmhNoordoost,
      zuidwest: TEAM_IDS.szmhZuidwest,
      zuidoost: TEAM_IDS.szmhZuidoost,
      heuvelland: TEAM_IDS.szmhHeuvelland,
    };
    const heuvelland = Object.values(MUNICIPALITY_IDS).filter((id) => id !== this.maastricht);
    for (const area of Object.keys(areaTeams) as Area[]) {
      const members = this.households.filter((h) => h.area === area);
      if (members.length === 0) continue;
      const count = Math.max(1, Math.ceil(members.length / HOUSEHOLDS_PER_TEAM));
      const base = this.reference.teams.find((t) => t.id === areaTeams[area]);
      const teams: TeamDraft[] = [];
      for (let k = 0; k < count; k++) {
        const name = k === 0 && base ? base.name : `${base?.name ?? `SZMH Team ${area}`} ${k + 1}`;
        teams.push(
          this.newTeam({
            id: k === 0 && base ? base.id : this.ids.uuid(),
            name,
            slug: `${area}-${k + 1}`,
            organisationId: ORGANISATION_IDS.szmh,
            municipalityIds: area === 'heuvelland' ? heuvelland : [this.maastricht],
            area,
            generated: !(k === 0 && base),
          }),
        );
      }
      members.forEach((h, i) => {
        h.team = teams[i % teams.length];
        h.team.households++;
        for (const p of h.pillars) h.team.perPillar.set(p, (h.team.perPillar.get(p) ?? 0) + 1);
      });
    }
    for (const team of this.teams) {
      for (const pillar of SZMH_PILLARS) {
        const n = team.perPillar.get(pillar) ?? 0;
        if (n === 0) continue;
        const count = Math.max(1, Math.ceil(n / CASELOAD[pillar]));
        const list = Array.from({ length: count }, (_, k) =>
          this.person(r, team, {
            email: `consulent.${pillar.toLowerCase()}.${team.slug}.${pad(k + 1, 3)}`,
            roles: ['consulent'],
            pillars: [pillar],
            mandateCents: 50_000,
          }),
        );
        team.staff.set(pillar, list);
      }
      team.staff.set('lead', [
        this.person(r, team, {
          email: `teamleider.${team.slug}`,
          roles: ['teamleider'],
          pillars: [],
          mandateCents: 250_000,
          isLead: true,
        }),
      ]);
    }

    // KBL: one team for the region; schuldhulpverleners by SHV households.
    const shv = this.households.filter((h) => h.pillars.includes('SHV')).length;
    const kbl = this.newTeam({
      id: TEAM_IDS.kblSchuldhulpverlening,
      name: 'KBL Schuldhulpverlening',
      slug: 'kbl',
      organisationId: ORGANISATION_IDS.kbl,
      municipalityIds: Object.values(MUNICIPALITY_IDS),
      area: 'kbl',
      generated: false,
    });
    kbl.staff.set(
      'SHV',
      Array.from({ length: Math.max(1, Math.ceil(shv / CASELOAD.SHV)) }, (_, k) =>
        this.person(r, kbl, {
          email: `schuldhulpverlener.${pad(k + 1, 3)}`,
          roles: ['schuldhulpverlener'],
          pillars: ['SHV'],
          mandateCents: 0,
        }),
      ),
    );

    // Sociaal teams (Maastricht): medewerkers who contribute to Wmo households of their part of town.
    const maastrichtWmo = this.households.filter(
      (h) => h.municipalityId === this.maastricht && h.pillars.includes('WMO'),
    ).length;
    for (let n = 1; n <= 8; n++) {
      const team = this.newTeam({
        id: TEAM_IDS[`sociaalTeam${n}` as keyof typeof TEAM_IDS],
        name: `Sociaal Team ${n}`,
        slug: `sociaal-team-${n}`,
        organisationId: ORGANISATION_IDS[`sociaalTeam${n}` as keyof typeof ORGANISATION_IDS],
        municipalityIds: [this.maastricht],
        area: 'sociaal',
        generated: false,
      });
      const count = Math.max(1, Math.ceil((maastrichtWmo * 0.2) / 8 / 60));
      team.staff.set(
        'member',
        Array.from({ length: count }, (_, k) =>
          this.person(r, team, {
            email: `sociaalteam.${n}.${pad(k + 1, 3)}`,
            roles: ['sociaal-team-medewerker'],
            pillars: ['WMO'],
            mandateCents: 0,
          }),
        ),
      );
    }
    const maastrichtHouseholds = this.households.filter((h) => h.municipalityId === this.maastricht).length;
    const coaches = this.newTeam({
      id: TEAM_IDS.financialCoaches,
      name: 'Financiële coaches',
      slug: 'coaches',
      organisationId: ORGANISATION_IDS.financialCoaches,
      municipalityIds: [this.maastricht],
      area: 'coaches',
      generated: false,
    });
    coaches.staff.set(
      'member',
      Array.from({ length: Math.max(2, Math.ceil(maastrichtHouseholds / 2_300)) }, (_, k) =>
        this.person(r, coaches, {
          email: `financieel.coach.${pad(k + 1, 3)}`,
          roles: ['financial-coach'],
          pillars: ['SHV'],
          mandateCents: 0,
        }),
      ),
    );
    // One of each office role, for completeness of the user base (no case content).
    const office: [string, string, string, string[]][] = [
      // A regional policy officer (SZMH serves all six): the monitor per municipality.
      [
        'beleidsmedewerker',
        'beleidsmedewerker',
        ORGANISATION_IDS.gemeenteMaastricht,
        Object.values(MUNICIPALITY_IDS),
      ],
      [
        'privacy.officer',
        'privacy-officer',
        ORGANISATION_IDS.gemeenteMaastricht,
        Object.values(MUNICIPALITY_IDS),
      ],
      [
        'functioneel.beheerder',
        'functioneel-beheerder',
        ORGANISATION_IDS.szmh,
        Object.values(MUNICIPALITY_IDS),
      ],
    ];
    for (const [email, role, organisationId, municipalityIds] of office) {
      this.staff.push({
        id: this.ids.uuid(),
        email: `${email}@generated.gezinsplan.nl`,
        displayName: this.displayName(r),
        organisationId,
        roles: [role],
        pillars: [],
        mandateCents: 0,
        municipalityIds,
        teamId: null,
        isLead: false,
      });
    }
  }

  private newTeam(team: Omit<TeamDraft, 'households' | 'perPillar' | 'staff' | 'cursor'>): TeamDraft {
    const draft: TeamDraft = {
      ...team,
      households: 0,
      perPillar: new Map(),
      staff: new Map(),
      cursor: new Map(),
    };
    this.teams.push(draft);
    return draft;
  }

  private person(
    r: Random,
    team: TeamDraft,
    spec: { email: string; roles: string[]; pillars: Pillar[]; mandateCents: number; isLead?: boolean },
  ): StaffMember {
    const member: StaffMember = {
      id: this.ids.uuid(),
      email: `${spec.email}@generated.gezinsplan.nl`,
      displayName: this.displayName(r),
      organisationId: team.organisationId,
      roles: spec.roles,
      pillars: spec.pillars,
      mandateCents: spec.mandateCents,
      municipalityIds: team.municipalityIds,
      teamId: team.id,
      isLead: spec.isLead ?? false,
    };
    this.staff.push(member);
    return member;
  }

  private displayName(r: Random) {
    const [prefix, family] = r.pick(FAMILY_NAMES);
    return [r.pick(ADULT_NAMES), prefix, family].filter(Boolean).join(' ');
  }

  /** Round robin over the shuffled staff of a team: caseloads stay even. */
  private nextOf(team: TeamDraft, key: Pillar | 'member'): StaffMember | null {
    const list = team.staff.get(key);
    if (!list?.length) return null;
    const at = team.cursor.get(key) ?? 0;
    team.cursor.set(key, at + 1);
    return list[at % list.length];
  }

  private teamOf(key: 'kbl' | 'coaches' | number): TeamDraft {
    if (key === 'kbl') return this.teams.find((t) => t.area === 'kbl')!;
    if (key === 'coaches') return this.teams.find((t) => t.area === 'coaches')!;
    return this.teams.find((t) => t.slug === `sociaal-team-${key}`)!;
  }

  // ───────────────────────────── members and clients ─────────────────────────────

  private compose(h: HouseholdDraft) {
    const r = Random.stream(this.options.seed, `household:${h.index}`);
    const [prefix, family] = r.pick(FAMILY_NAMES);
    const add = (
      relation: PersonDraft['relation'],
      age: number,
      names: readonly string[],
      ownFamily = true,
    ) => {
      const [p, f] = ownFamily ? [prefix, family] : r.pick(FAMILY_NAMES);
      h.members.push({
        id: this.ids.uuid(),
        bsn: this.bsns.next(),
        givenNames: r.pick(names),
        prefix: p,
        familyName: f,
        birthDate: this.birthDate(r, age),
        age,
        relation,
        pillars: new PillarSet(),
        base: new PillarSet(),
      });
    };
    if (h.type === 'elderly') {
      const age = this.elderlyAge(r);
      add('parent', age, ELDERLY_NAMES);
      if (r.chance(0.42))
        add('partner', Math.max(62, Math.min(102, age + r.int(-6, 5))), ELDERLY_NAMES, r.chance(0.3));
    } else if (h.type === 'adult') {
      const roll = r.next();
      const age = roll < 0.15 ? r.int(18, 26) : roll < 0.55 ? r.int(27, 44) : r.int(45, 66);
      add('parent', age, ADULT_NAMES);
      if (r.chance(0.45))
        add('partner', Math.max(18, Math.min(70, age + r.int(-7, 7))), ADULT_NAMES, r.chance(0.5));
      if (r.chance(0.12)) add('other', r.int(18, 30), ADULT_NAMES);
    } else {
      const needsSchoolChild = h.pillars.includes('ONDERWIJS') || h.pillars.includes('JEUGD');
      const parentAge = r.int(24, 54);
      add('parent', parentAge, ADULT_NAMES);
      if (r.chance(0.6)) add('partner', Math.max(20, parentAge + r.int(-5, 6)), ADULT_NAMES, r.chance(0.5));
      const children = r.weighted({ 1: 34, 2: 36, 3: 20, 4: 10 });
      const oldest = Math.min(17, parentAge - 17);
      for (let c = 0; c < Number(children); c++) {
        const age = c === 0 && needsSchoolChild ? r.int(Math.min(4, oldest), oldest) : r.int(0, oldest);
        add('child', age, CHILD_NAMES);
      }
    }
  }

  private elderlyAge(r: Random) {
    const roll = r.next();
    if (roll < 0.25) return r.int(67, 74);
    if (roll < 0.68) return r.int(75, 84);
    return Math.min(104, 85 + Math.floor(-Math.log(1 - r.next()) * 4.5));
  }

  private birthDate(r: Random, age: number) {
    const year = Number(this.today.slice(0, 4)) - age;
    // Born `age` years before today: a day within the year before today's date in that year.
    const birthday = `${year}${this.today.slice(4)}`;
    return addDays(birthday, -r.int(1, 364));
  }

  private eligible(person: PersonDraft, pillar: Pillar, type: HouseholdType) {
    if (pillar === 'JEUGD') return person.relation === 'child' && person.age <= 17;
    if (pillar === 'ONDERWIJS') return person.relation === 'child' && person.age >= 4 && person.age <= 17;
    if (pillar === 'WMO') return person.age >= 18 || (type === 'family' && person.age >= 4);
    return person.age >= 18;
  }

  /** One client per pillar of the household; adult pillars prefer the same (primary) adult. */
  private assignBaseClients() {
    const r = Random.stream(this.options.seed, 'clients');
    for (const h of this.households) {
      for (const pillar of h.pillars) {
        const candidates = h.members.filter((m) => this.eligible(m, pillar, h.type));
        let chosen: PersonDraft;
        if (pillar === 'JEUGD') {
          const school = candidates.filter((m) => m.age >= 4);
          chosen = school.length && r.chance(0.95) ? r.pick(school) : r.pick(candidates);
        } else if (pillar === 'WMO' && h.type === 'family') {
          const adults = candidates.filter((m) => m.age >= 18);
          chosen = r.chance(0.85) && adults.length ? adults[0] : r.pick(candidates);
        } else {
          chosen = candidates[0];
        }
        chosen.pillars.add(pillar);
        chosen.base.add(pillar);
      }
    }
  }

  /** Extra clients per pillar (partners, siblings) towards the monitor's clients per pillar. */
  private fillPillars() {
    const r = Random.stream(this.options.seed, 'fill');
    for (const pillar of PILLARS) {
      const target = Math.round(CITY_CLIENTS_PER_PILLAR[pillar] * this.factor);
      let count = this.clientsOf(pillar);
      const open = r.shuffle(this.households.filter((h) => h.pillars.includes(pillar)));
      for (let pass = 0; pass < 4 && count < target; pass++) {
        for (const h of open) {
          if (count >= target) break;
          const free = h.members.filter((m) => !m.pillars.has(pillar) && this.eligible(m, pillar, h.type));
          if (free.length === 0) continue;
          // Prefer someone who is already a client of another pillar half of the time (overlap).
          const known = free.filter((m) => m.pillars.size > 0);
          const person = known.length && r.chance(0.5) ? r.pick(known) : r.pick(free);
          person.pillars.add(pillar);
          count++;
        }
      }
    }
  }

  /**
   * Exactly the monitor's number of unique clients: moves a pillar from an extra client to another
   * client of the household (fewer unique clients, same pairs), or makes an eligible non-client an
   * extra client (more).
   */
  private matchClientTotal() {
    const r = Random.stream(this.options.seed, 'match');
    const target = Math.round(CITY_CLIENTS * this.factor);
    let unique = this.households.reduce((s, h) => s + h.members.filter((m) => m.pillars.size > 0).length, 0);
    const order = r.shuffle([...this.households]);
    for (let pass = 0; pass < 3 && unique !== target; pass++) {
      for (const h of order) {
        if (unique === target) break;
        if (unique > target) {
          const extra = h.members.find((m) => m.pillars.size === 1 && m.base.size === 0);
          if (!extra) continue;
          const [pillar] = [...extra.pillars];
          const host = h.members.find(
            (m) =>
              m !== extra && m.pillars.size > 0 && !m.pillars.has(pillar) && this.eligible(m, pillar, h.type),
          );
          if (host) host.pillars.add(pillar);
          else if (pass < 2) continue; // last pass: drop the extra client altogether
          extra.pillars.delete(pillar);
          unique--;
        } else {
          const pillar = r.pick(h.pillars);
          const free = h.members.find((m) => m.pillars.size === 0 && this.eligible(m, pillar, h.type));
          if (!free) continue;
          free.pillars.add(pillar);
          unique++;
        }
      }
    }
  }

  private clientsOf(pillar: Pillar) {
    let n = 0;
    for (const h of this.households) for (const m of h.members) if (m.pillars.has(pillar)) n++;
    return n;
  }

  // ───────────────────────────── rows per household ─────────────────────────────

  private emitHousehold(h: HouseholdDraft) {
    const r = Random.stream(this.options.seed, `emit:${h.index}`);
    const closedOn = h.closed
      ? minDate(this.today, maxDate(addDays(h.since, 30), addDays(this.today, -r.int(5, 300))))
      : null;
    this.t.household.add([
      h.id,
      h.municipalityId,
      h.neighbourhoodId,
      h.street,
      String(h.houseNumber),
      h.postcode,
      h.city,
      h.cohort,
      h.closed ? 'closed' : 'active',
      closedOn,
      h.closed ? r.pick(['Doelen behaald', 'Verhuisd buiten de regio', 'Geen hulpvraag meer']) : null,
      isoTimestamp(h.since, r.int(8 * 60, 17 * 60)),
    ]);
    for (const m of h.members) {
      this.t.person.add([m.id, m.bsn, m.givenNames, m.prefix || null, m.familyName, m.birthDate]);
      const joined = maxDate(h.since, m.birthDate);
      this.t.household_member.add([this.ids.uuid(), h.id, h.municipalityId, m.id, m.relation, joined, null]);
    }
    // A former member (a partner who moved out), for membership over time.
    if (r.chance(0.03) && h.members[0].age >= 18) {
      const [prefix, family] = r.pick(FAMILY_NAMES);
      const id = this.ids.uuid();
      const age = Math.max(18, h.members[0].age + r.int(-5, 5));
      this.t.person.add([
        id,
        this.bsns.next(),
        r.pick(ADULT_NAMES),
        prefix || null,
        family,
        this.birthDate(r, age),
      ]);
      const left = addDays(this.today, -r.int(30, 700));
      const joined = minDate(h.since, addDays(left, -r.int(200, 3000)));
      this.t.household_member.add([this.ids.uuid(), h.id, h.municipalityId, id, 'partner', joined, left]);
    }

    this.emitCaseTeam(h, r, closedOn);
    const indicationIds = this.emitIndications(h, r);
    this.emitConsents(h, r);
    if (r.chance(0.04)) this.emitReferral(h, r);
    const wantsPlan =
      h.cohort ||
      r.chance(h.pillars.length >= 2 ? PROPORTIONS.planShareSamenloop : PROPORTIONS.planShareSingle);
    if (wantsPlan && !h.closed) this.emitPlan(h, r, indicationIds);
  }

  private emitCaseTeam(h: HouseholdDraft, r: Random, closedOn: string | null) {
    const lead = LEAD_ORDER.find((p) => h.pillars.includes(p))!;
    const kbl = this.teamOf('kbl');
    for (const pillar of h.pillars) {
      const member = pillar === 'SHV' ? this.nextOf(kbl, 'SHV') : this.nextOf(h.team, pillar);
      if (member) h.handlers.set(pillar, member);
    }
    const regisseur = h.handlers.get(lead)!;
    h.regisseur = regisseur;
    const joined = (from: string) => isoTimestamp(addDays(from, r.int(0, 20)), r.int(8 * 60, 17 * 60));
    const leftAt = closedOn ? isoTimestamp(closedOn, 16 * 60) : null;
    const row = (
      member: StaffMember,
      role: string,
      pillar: Pillar | null,
      basis: string,
      addedBy: string | null,
    ) => {
      h.caseTeam.push(member);
      this.t.case_team_member.add([
        this.ids.uuid(),
        h.id,
        h.municipalityId,
        member.id,
        member.organisationId,
        role,
        pillar,
        basis,
        joined(h.since),
        leftAt,
        addedBy,
      ]);
    };
    // A handover: the household had another regisseur before (history, not active).
    if (r.chance(0.05) && lead !== 'SHV') {
      const before = h.team.staff.get(lead)?.find((s) => s.id !== regisseur.id);
      if (before) {
        this.t.case_team_member.add([
          this.ids.uuid(),
          h.id,
          h.municipalityId,
          before.id,
          before.organisationId,
          'regisseur',
          lead,
          LEGAL_BASIS[lead],
          isoTimestamp(h.since, 9 * 60),
          isoTimestamp(addDays(h.since, r.int(1, 15)), 10 * 60),
          null,
        ]);
      }
    }
    row(regisseur, 'regisseur', lead, LEGAL_BASIS[lead], null);
    for (const [pillar, member] of h.handlers) {
      if (member.id !== regisseur.id)
        row(member, 'pillar_contact', pillar, LEGAL_BASIS[pillar], regisseur.id);
    }
    if (h.municipalityId === this.maastricht && h.pillars.includes('WMO') && r.chance(0.2)) {
      const st = this.nextOf(this.teamOf(h.sociaalTeam), 'member');
      if (st) row(st, 'contributor', null, GENERAL_BASIS, regisseur.id);
    }
    if (h.municipalityId === this.maastricht && h.pillars.includes('SHV') && r.chance(0.1)) {
      const coach = this.nextOf(this.teamOf('coaches'), 'member');
      if (coach) row(coach, 'contributor', null, GENERAL_BASIS, regisseur.id);
    }
  }

  private emitIndications(h: HouseholdDraft, r: Random): string[] {
    const ids: string[] = [];
    for (const m of h.members) {
      for (const pillar of m.pillars) {
        const count =
          pillar === 'PARTICIPATIE'
            ? r.weighted({ 1: 40, 2: 35, 3: 25 })
            : pillar === 'JEUGD'
              ? r.weighted({ 1: 55, 2: 35, 3: 10 })
              : pillar === 'ONDERWIJS'
                ? '1'
                : r.weighted({ 1: 70, 2: 30 });
        const weights = { ...PRODUCT_WEIGHTS[pillar] };
        for (let i = 0; i < Number(count) && Object.keys(weights).length > 0; i++) {
          const product = r.weighted(weights);
          delete weights[product];
          ids.push(this.emitIndication(h, r, m, pillar, product));
        }
      }
    }
    return ids;
  }

  private emitIndication(h: HouseholdDraft, r: Random, person: PersonDraft, pillar: Pillar, product: string) {
    const id = this.ids.uuid();
    const today = this.today;
    const day = (offset: number) => addDays(today, offset);
    const handler = h.handlers.get(pillar) ?? h.regisseur!;
    const scenario: Scenario = h.closed ? r.weighted(CLOSED_SCENARIOS) : r.weighted(SCENARIOS);
    const row = {
      melding: today,
      aanvraag: null as string | null,
      conversation: null as string | null,
      threat: null as string | null,
      beschikking: null as string | null,
      outcome: null as string | null,
      start: null as string | null,
      end: null as string | null,
      withdrawn: null as string | null,
      status: 'melding',
    };
    const suspensions: { startDate: string; endDate: string | null; reason: string }[] = [];
    const bezwaren: { receivedDate: string; decisionDate: string | null; outcome: string | null }[] = [];
    const setRequest = (date: string) => {
      if (pillar === 'SHV') row.conversation = date;
      else row.aanvraag = date;
    };
    const inProgress = (deadlineOffset: number) => {
      const clockStart = day(deadlineOffset - 56);
      row.melding = pillar === 'WMO' ? clockStart : addDays(clockStart, -r.int(0, 21));
      setRequest(pillar === 'WMO' ? minDate(today, addDays(clockStart, r.int(7, 30))) : clockStart);
      row.status = 'in_behandeling';
    };
    const decided = (outcome: string, minAgo: number, maxAgo: number) => {
      const beschikking = day(-r.int(minAgo, maxAgo));
      const request = addDays(beschikking, -r.int(10, 60));
      row.melding = addDays(request, -r.int(0, pillar === 'WMO' ? 20 : 14));
      setRequest(request);
      row.beschikking = beschikking;
      row.outcome = outcome;
      row.status = outcome;
      return beschikking;
    };
    switch (scenario) {
      case 'granted':
      case 'ended': {
        const ended = scenario === 'ended';
        const beschikking = decided('toegekend', ended ? 420 : 20, ended ? 1000 : 700);
        row.start = minDate(today, addDays(beschikking, r.int(0, 14)));
        row.end = ended ? day(-r.int(5, 200)) : r.chance(0.5) ? null : day(r.int(30, 400));
        row.status = ended ? 'beeindigd' : 'toegekend';
        break;
      }
      case 'rejected': {
        const open = !h.closed && r.chance(0.3);
        const beschikking = open ? decided('afgewezen', 42, 60) : decided('afgewezen', 60, 600);
        if (open) {
          bezwaren.push({ receivedDate: day(-r.int(5, 41)), decisionDate: null, outcome: null });
        } else if (r.chance(0.4)) {
          const received = addDays(beschikking, r.int(5, 40));
          bezwaren.push({
            receivedDate: received,
            decisionDate: minDate(today, addDays(received, r.int(20, 60))),
            outcome: r.weighted(BEZWAAR_OUTCOME_WEIGHTS),
          });
        }
        break;
      }
      case 'notProcessed':
        decided('buiten_behandeling', 30, 500);
        break;
      case 'withdrawn':
        row.melding = day(-r.int(30, 400));
        row.withdrawn = addDays(row.melding, r.int(3, 25));
        row.status = 'ingetrokken';
        break;
      case 'dueSoon':
        if (pillar === 'SHV' && r.chance(0.3)) {
          row.melding = day(-r.int(0, 1));
          row.threat = r.pick(['huisuitzetting', 'afsluiting_energie', 'afsluiting_water']);
        } else {
          inProgress(r.int(0, 10));
        }
        break;
      case 'overdue':
        inProgress(-r.int(1, 30));
        break;
      case 'running':
        inProgress(r.int(11, 50));
        break;
      case 'fresh':
        row.melding = day(-r.int(0, 20));
        break;
      case 'suspended': {
        inProgress(r.int(-8, 20));
        const from = maxDate(row.melding, day(-r.int(10, 30)));
        suspensions.push({
          startDate: from,
          endDate: r.chance(0.5) ? null : minDate(today, addDays(from, r.int(5, 20))),
          reason: r.pick([
            'Wachten op aanvullende stukken',
            'Medisch advies opgevraagd',
            'Hersteltermijn (Awb 4:5)',
          ]),
        });
        break;
      }
    }
    let deadline: string | null = null;
    let clock: string | null = null;
    if (['melding', 'in_behandeling'].includes(row.status) || bezwaren.some((b) => !b.decisionDate)) {
      const running = runningClock(
        legalClocks({
          pillar,
          meldingDate: row.melding,
          aanvraagDate: row.aanvraag,
          firstConversationDate: row.conversation,
          threat: row.threat,
          beschikkingDate: row.beschikking,
          withdrawnOn: row.withdrawn,
          suspensions,
          bezwaren,
        }),
      );
      deadline = running?.deadline ?? null;
      clock = running?.kind ?? null;
    }
    const granted = row.outcome === 'toegekend';
    const form = pillar === 'WMO' || pillar === 'JEUGD' ? (r.chance(0.88) ? 'ZiN' : 'PGB') : null;
    this.t.indication.add([
      id,
      h.id,
      h.municipalityId,
      person.id,
      pillar,
      product,
      granted ? form : null,
      granted ? r.pick(PROVIDERS[pillar]) : null,
      r.pick(REASONS[pillar]),
      row.status,
      row.melding,
      row.aanvraag,
      row.conversation,
      row.threat,
      row.beschikking,
      row.outcome,
      row.start,
      row.end,
      row.withdrawn,
      deadline,
      clock,
      handler.id,
      handler.id,
    ]);
    for (const s of suspensions) {
      this.t.indication_suspension.add([
        this.ids.uuid(),
        id,
        h.id,
        h.municipalityId,
        s.startDate,
        s.endDate,
        s.reason,
        handler.id,
      ]);
    }
    for (const b of bezwaren) {
      this.t.indication_bezwaar.add([
        this.ids.uuid(),
        id,
        h.id,
        h.municipalityId,
        b.receivedDate,
        b.decisionDate,
        b.outcome,
        handler.id,
      ]);
    }
    return id;
  }

  private emitConsents(h: HouseholdDraft, r: Random) {
    const adult = h.members.find((m) => m.age >= 18);
    if (!adult) return;
    const others = [...new Set(h.caseTeam.map((c) => c.organisationId))].filter(
      (o) => o !== ORGANISATION_IDS.szmh,
    );
    for (const organisationId of others) {
      if (!r.chance(0.65)) continue;
      const categories = ['PLAN', ...h.pillars.filter((p) => p !== 'JEUGD').map((p) => `PILLAR_${p}`)];
      for (const category of categories) {
        if (category !== 'PLAN' && !r.chance(0.5)) continue;
        const given = addDays(h.since, r.int(0, 60));
        const givenOn = minDate(given, this.today);
        this.t.consent.add([
          this.ids.uuid(),
          h.id,
          h.municipalityId,
          adult.id,
          organisationId,
          category,
          givenOn,
          r.pick(['schriftelijk', 'mondeling', 'digitaal']),
          r.chance(0.05) ? minDate(this.today, addDays(givenOn, r.int(10, 300))) : null,
          h.regisseur!.id,
        ]);
      }
    }
    const shvClient = h.members.find((m) => m.pillars.has('SHV'));
    if (shvClient && r.chance(0.25)) {
      this.t.representative.add([
        this.ids.uuid(),
        h.id,
        h.municipalityId,
        shvClient.id,
        'bewindvoerder',
        `${r.pick(ADULT_NAMES)} ${r.pick(FAMILY_NAMES)[1]}`,
        r.pick(REPRESENTATIVE_ORGANISATIONS),
        '043-0000000',
        'Beschermingsbewind: inkomen en vermogen',
        addDays(h.since, r.int(0, 200)),
        null,
      ]);
    }
    const oldest = h.members.find((m) => m.age >= 85);
    if (oldest && r.chance(0.05)) {
      this.t.representative.add([
        this.ids.uuid(),
        h.id,
        h.municipalityId,
        oldest.id,
        'mentor',
        `${r.pick(ADULT_NAMES)} ${r.pick(FAMILY_NAMES)[1]}`,
        r.pick(REPRESENTATIVE_ORGANISATIONS),
        null,
        'Mentorschap: zorg en welzijn',
        addDays(h.since, r.int(0, 400)),
        null,
      ]);
    }
  }

  private emitReferral(h: HouseholdDraft, r: Random) {
    const regisseur = h.regisseur!;
    const shv = h.handlers.get('SHV');
    const toKbl = h.pillars.includes('SHV') && regisseur.organisationId !== ORGANISATION_IDS.kbl;
    const receiver = toKbl ? shv : h.caseTeam.find((c) => c.roles.includes('sociaal-team-medewerker'));
    const toOrganisation = toKbl
      ? ORGANISATION_IDS.kbl
      : (receiver?.organisationId ?? ORGANISATION_IDS.sociaalTeam1);
    if (toOrganisation === regisseur.organisationId) return;
    const status = receiver ? 'accepted' : r.weighted({ open: 70, declined: 30 });
    const created = addDays(h.since, r.int(1, 40));
    const decider = receiver ?? this.nextOf(this.teamOf(1), 'member');
    const decided =
      status === 'open' ? null : isoTimestamp(minDate(this.today, addDays(created, r.int(1, 10))), 11 * 60);
    this.t.referral.add([
      this.ids.uuid(),
      h.id,
      h.municipalityId,
      h.members[0].id,
      regisseur.organisationId,
      toOrganisation,
      toKbl
        ? 'Schulden bij meerdere schuldeisers; aanmelding schuldhulpverlening'
        : 'Ondersteuning thuis (13 weken)',
      status,
      regisseur.id,
      isoTimestamp(minDate(this.today, created), 10 * 60),
      status === 'open' ? null : (decider?.id ?? null),
      decided,
      status === 'declined'
        ? 'Geen capaciteit in dit gebied; verwezen naar het sociaal team van de wijk'
        : null,
      status === 'accepted' ? (receiver?.id ?? null) : null,
    ]);
  }

  private emitPlan(h: HouseholdDraft, r: Random, indicationIds: string[]) {
    const regisseur = h.regisseur!;
    const adults = h.members.filter((m) => m.age >= 18);
    if (adults.length === 0) return;
    const planId = this.ids.uuid();
    const versions = Number(r.weighted({ 1: 55, 2: 32, 3: 13 }));
    const lastAgreed = r.chance(0.55);
    const createdOn = maxDate(h.since, day(this.today, -r.int(60, 720)));
    const domains = [...new Set(h.pillars.flatMap((p) => DOMAINS_BY_PILLAR[p]))];
    const goalCount = Math.min(2 + r.int(0, 3), domains.length * 2);
    const goals = Array.from({ length: goalCount }, (_, position) => {
      const domain = domains[position % domains.length];
      const template = r.pick(GOAL_TEMPLATES[domain]);
      return { id: this.ids.uuid(), domain, template, position, member: r.chance(0.5) };
    });
    let agreedOn = createdOn;
    let nextEvaluation: string | null = null;
    const span = Math.max(
      30,
      Math.floor(-((Date.parse(createdOn) - Date.parse(this.today)) / 86_400_000) / versions),
    );
    for (let n = 1; n <= versions; n++) {
      this.planRound(n);
      const versionId = this.ids.uuid();
      const agreed = n < versions || lastAgreed;
      this.t[`plan_version#${n}`].add([
        versionId,
        planId,
        h.id,
        h.municipalityId,
        n,
        'concept',
        r.pick(OWN_WORDS),
        regisseur.id,
      ]);
      for (const g of goals) {
        const targetDate = addDays(agreedOn, r.int(60, 270));
        const overdueOpen = targetDate < this.today;
        const status =
          n < versions
            ? r.weighted({ open: 40, bezig: 45, behaald: 10, gestopt: 5 })
            : overdueOpen
              ? r.weighted({ open: 20, bezig: 30, behaald: 40, gestopt: 10 })
              : r.weighted({ open: 45, bezig: 45, behaald: 10 });
        const owner = g.member ? r.pick(adults) : null;
        this.t[`plan_goal#${n}`].add([
          versionId,
          g.id,
          planId,
          h.id,
          h.municipalityId,
          g.domain,
          g.template.goal,
          owner ? 'member' : 'professional',
          owner?.id ?? null,
          owner ? null : (h.handlers.get(h.pillars[g.position % h.pillars.length]) ?? regisseur).id,
          targetDate,
          status,
          indicationIds.length && r.chance(0.4) ? [r.pick(indicationIds)] : [],
          r.chance(0.15) ? r.pick(INTERNAL_NOTES) : null,
          g.position,
        ]);
        g.template.actions.forEach((action, position) => {
          const due = addDays(agreedOn, r.int(14, 120));
          this.t[`plan_action#${n}`].add([
            versionId,
            this.ids.uuid(),
            g.id,
            planId,
            h.id,
            h.municipalityId,
            action.by,
            action.by === 'member' ? r.pick(adults).id : null,
            action.by === 'professional' ? regisseur.id : null,
            action.by === 'organisation' ? (action.org ?? 'Gemeente Maastricht') : null,
            action.what,
            due,
            due < this.today && r.chance(0.6),
            position,
          ]);
        });
      }
      if (agreed) {
        const people = r.chance(0.5) ? adults.slice(0, 2) : adults.slice(0, 1);
        this.t[`plan_agreement#${n}`].add([versionId, agreedOn, people.map((p) => p.id), regisseur.id]);
        // An evaluation some months after agreeing; it led to the next version (if any).
        const evaluated = addDays(agreedOn, r.int(Math.floor(span * 0.6), span));
        if (evaluated < this.today && (n < versions || r.chance(0.5))) {
          const evaluationId = this.ids.uuid();
          nextEvaluation = addDays(evaluated, r.int(60, 120));
          this.t.plan_evaluation.add([
            evaluationId,
            planId,
            h.id,
            h.municipalityId,
            n,
            evaluated,
            nextEvaluation,
            regisseur.id,
          ]);
          for (const g of goals) {
            this.t.plan_evaluation_outcome.add([
              evaluationId,
              g.id,
              h.id,
              h.municipalityId,
              g.domain,
              r.weighted({ open: 20, bezig: 50, behaald: 25, gestopt: 5 }),
              r.pick([
                'Gaat de goede kant op',
                'Nog niet gestart; afspraken herhaald',
                'Behaald; blijft aandacht nodig',
              ]),
            ]);
          }
          agreedOn = minDate(this.today, addDays(evaluated, r.int(1, 14)));
        } else {
          nextEvaluation = addDays(agreedOn, r.int(60, 150));
          agreedOn = minDate(this.today, addDays(agreedOn, span));
        }
      }
    }
    this.t.plan.add([
      planId,
      h.id,
      h.municipalityId,
      versions + goals.length,
      versions,
      createdOn,
      nextEvaluation,
      regisseur.id,
      regisseur.id,
    ]);
    h.planGoalIds = goals.map((g) => g.id);
  }

  private emitStaff() {
    for (const team of this.teams.filter((t) => t.generated)) {
      this.t.team.add([
        team.id,
        team.organisationId,
        team.name,
        team.area === 'heuvelland' ? null : this.maastricht,
      ]);
    }
    for (const s of this.staff) {
      this.t.user_account.add([
        s.id,
        s.email,
        s.displayName,
        this.options.passwordHash,
        s.organisationId,
        s.roles,
        s.pillars,
        s.mandateCents,
      ]);
      for (const m of s.municipalityIds) this.t.user_municipality.add([s.id, m]);
      if (s.teamId) this.t.user_team.add([s.id, s.teamId, s.isLead]);
    }
  }

  // ───────────────────────────── budgets ─────────────────────────────

  private emitBudgets() {
    const r = Random.stream(this.options.seed, 'budgets');
    const year = Number(this.today.slice(0, 4));
    const budgets = new Map<string, { id: string; committed: number; paid: number; households: number }>();
    for (const h of this.households) {
      const b = budgets.get(h.municipalityId) ?? {
        id: this.ids.uuid(),
        committed: 0,
        paid: 0,
        households: 0,
      };
      b.households++;
      budgets.set(h.municipalityId, b);
    }
    const request = this.table('budget_request', 'budget_request', [
      'id',
      'budget_id',
      'household_id',
      'municipality_id',
      'person_id',
      'goal_ids',
      'amount_cents',
      'justification',
      'replaced_schemes',
      'payee_name',
      'payee_iban',
      'wanted_on',
      'status',
      'requested_by',
      'requester_team_id',
      'requested_on',
      'decided_by',
      'decided_at',
      'motivation',
      'paid_cents',
      'released_cents',
      'withdrawn_at',
      'withdrawal_reason',
    ]);
    const payment = this.table('budget_payment', 'budget_payment', [
      'id',
      'request_id',
      'budget_id',
      'household_id',
      'municipality_id',
      'amount_cents',
      'paid_on',
      'reference',
      'final',
      'recorded_by',
    ]);
    const ledger = this.table('budget_ledger_entry', 'budget_ledger_entry', [
      'budget_id',
      'request_id',
      'payment_id',
      'kind',
      'committed_delta_cents',
      'paid_delta_cents',
      'recorded_by',
      'recorded_at',
    ]);
    const yearStart = `${year}-01-01`;
    for (const h of this.households) {
      if (h.planGoalIds.length === 0 || !r.chance(PROPORTIONS.budgetRequestsPerPlan)) continue;
      const budget = budgets.get(h.municipalityId)!;
      const requester = h.regisseur!;
      const decider = h.team.staff.get('lead')![0];
      const id = this.ids.uuid();
      const amount = r.int(5, 250) * 1_000; // EUR 50 .. 2,500, within a teamleider's mandate
      const requestedOn = maxDate(yearStart, addDays(this.today, -r.int(0, 200)));
      const status = r.weighted({ ingediend: 25, toegekend: 30, betaald: 30, afgewezen: 10, ingetrokken: 5 });
      const decided = ['toegekend', 'betaald', 'afgewezen'].includes(status);
      const decidedOn = minDate(this.today, addDays(requestedOn, r.int(1, 10)));
      const decidedAt = decided ? isoTimestamp(decidedOn, 14 * 60) : null;
      const paid = status === 'betaald' ? amount : 0;
      request.add([
        id,
        budget.id,
        h.id,
        h.municipalityId,
        h.members[0].id,
        h.planGoalIds.slice(0, r.int(1, 2)),
        amount,
        'Maatwerk in plaats van losse regelingen: sluit aan bij de doelen van het gezinsplan',
        [...new Set(h.pillars.map((p) => REPLACED_SCHEMES[p]))].slice(0, 2),
        r.chance(0.5)
          ? 'Woningcorporatie Maasoever (fictief)'
          : `${h.members[0].givenNames} ${h.members[0].familyName}`,
        `NL${pad(r.int(10, 99), 2)}ABNA${pad(r.int(0, 9_999_999), 10)}`,
        addDays(requestedOn, r.int(7, 45)),
        status,
        requester.id,
        requester.teamId,
        requestedOn,
        decided ? decider.id : null,
        decidedAt,
        decided
          ? status === 'afgewezen'
            ? 'Voorliggende voorziening is toereikend'
            : 'Past binnen het plan en het mandaat'
          : null,
        paid,
        0,
        status === 'ingetrokken' ? isoTimestamp(minDate(this.today, addDays(requestedOn, 3)), 9 * 60) : null,
        status === 'ingetrokken' ? 'Het gezin heeft een andere oplossing gevonden' : null,
      ]);
      if (status === 'toegekend' || status === 'betaald') {
        ledger.add([budget.id, id, null, 'commitment', amount, 0, decider.id, decidedAt]);
        budget.committed += amount;
      }
      if (status === 'betaald') {
        const paymentId = this.ids.uuid();
        const paidOn = minDate(this.today, addDays(decidedOn, r.int(1, 14)));
        payment.add([
          paymentId,
          id,
          budget.id,
          h.id,
          h.municipalityId,
          amount,
          paidOn,
          `BET-${pad(r.int(0, 999_999), 6)}`,
          true,
          decider.id,
        ]);
        ledger.add([
          budget.id,
          id,
          paymentId,
          'payment',
          -amount,
          amount,
          decider.id,
          isoTimestamp(paidOn, 15 * 60),
        ]);
        budget.committed -= amount;
        budget.paid += amount;
      }
    }
    const table = this.table('budget', 'budget', [
      'id',
      'municipality_id',
      'year',
      'amount_cents',
      'committed_cents',
      'paid_cents',
    ]);
    for (const [municipalityId, b] of budgets) {
      // EUR 150 per household with an indication, and never less than what was committed and paid.
      const amount = Math.max(b.households * 15_000, Math.ceil((b.committed + b.paid) * 1.5));
      table.add([b.id, municipalityId, year, amount, b.committed, b.paid]);
    }
  }

  // ───────────────────────────── outreach ─────────────────────────────

  private emitOutreach() {
    const r = Random.stream(this.options.seed, 'outreach');
    const coaches = this.teamOf('coaches').staff.get('member') ?? [];
    const kbl = this.teamOf('kbl').staff.get('SHV') ?? [];
    const points = this.reference.wijkservicepunten;
    const location = this.table('coach_location', 'coach_location', [
      'user_id',
      'wijkservicepunt_id',
      'is_primary',
    ]);
    const coachAt = new Map<string, StaffMember[]>();
    coaches.forEach((coach, i) => {
      if (points.length === 0) return;
      const primary = points[i % points.length];
      const places = [
        primary,
        ...(r.chance(0.5) && points.length > 1 ? [points[(i + 1) % points.length]] : []),
      ];
      places.forEach((p, k) => {
        location.add([coach.id, p.id, k === 0]);
        coachAt.set(p.id, [...(coachAt.get(p.id) ?? []), coach]);
      });
    });

    const maastricht = this.households.filter((h) => h.municipalityId === this.maastricht && !h.closed);
    const financial = maastricht.filter(
      (h) => h.pillars.includes('SHV') || h.pillars.includes('PARTICIPATIE'),
    );
    const contacts = this.table('spreekuur_contact', 'spreekuur_contact', [
      'id',
      'municipality_id',
      'wijkservicepunt_id',
      'contact_at',
      'topics',
      'household_id',
      'person_id',
      'basis',
      'legal_basis',
      'consent_given_on',
      'consent_method',
      'referral_to',
      'referral_organisation_id',
      'referral_other',
      'note',
      'follow_up_on',
      'follow_up_done_on',
      'created_by',
    ]);
    const contactCount =
      points.length && coaches.length
        ? Math.round(maastricht.length * PROPORTIONS.spreekuurContactsPerHousehold)
        : 0;
    for (let i = 0; i < contactCount; i++) {
      const point = r.pick(points);
      let date = addDays(this.today, -r.int(0, 364));
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) date = addDays(date, weekday === 0 ? 1 : 2);
      if (date > this.today) date = addDays(date, -7);
      const topics = r.shuffle([...SPREEKUUR_TOPICS]).slice(0, Number(r.weighted({ 1: 50, 2: 35, 3: 15 })));
      const linked = financial.length > 0 && r.chance(0.4);
      const h = linked ? r.pick(financial) : null;
      const person = h && r.chance(0.7) ? (h.members.find((m) => m.age >= 18) ?? null) : null;
      const basis = h ? (r.chance(0.7) ? 'publieke-taak' : 'toestemming') : null;
      const referral = r.weighted({ none: 60, kbl: 15, szmh: 10, 'sociaal-team': 7, trajekt: 5, other: 3 });
      const followUp = r.chance(0.3) ? addDays(date, r.int(7, 28)) : null;
      contacts.add([
        this.ids.uuid(),
        this.maastricht,
        point.id,
        isoTimestamp(date, r.int(9 * 60, 16 * 60)),
        topics,
        h?.id ?? null,
        person?.id ?? null,
        basis,
        basis === 'publieke-taak' ? 'Wgs art. 3 en 4a (publieke taak schuldhulpverlening)' : null,
        basis === 'toestemming' ? date : null,
        basis === 'toestemming' ? r.pick(['schriftelijk', 'mondeling', 'digitaal']) : null,
        referral === 'none' ? null : referral,
        referral === 'kbl'
          ? ORGANISATION_IDS.kbl
          : referral === 'szmh'
            ? ORGANISATION_IDS.szmh
            : referral === 'sociaal-team'
              ? ORGANISATION_IDS.sociaalTeam1
              : null,
        referral === 'other' ? 'Humanitas (fictief)' : null,
        r.chance(0.2) ? 'Kwam met een stapel post; samen geordend.' : null,
        followUp,
        followUp && followUp < this.today && r.chance(0.6) ? followUp : null,
        r.pick(coachAt.get(point.id) ?? coaches).id,
      ]);
    }
    this.emitSignals(r, coaches, kbl);
  }

  private emitSignals(r: Random, coaches: StaffMember[], kbl: StaffMember[]) {
    const imports = this.table('arrears_signal_import', 'arrears_signal_import', [
      'id',
      'municipality_id',
      'owner_organisation_id',
      'imported_by',
      'imported_at',
      'line_count',
      'accepted',
      'duplicates',
      'invalid',
      'not_stored',
    ]);
    const signals = this.table('arrears_signal', 'arrears_signal', [
      'id',
      'municipality_id',
      'owner_organisation_id',
      'owner_user_id',
      'import_id',
      'creditor_type',
      'creditor',
      'creditor_key',
      'creditor_reference',
      'bsn',
      'postcode',
      'house_number',
      'street',
      'city',
      'address_key',
      'arrears_cents',
      'arrears_months',
      'received_on',
      'threatening',
      'person_id',
      'household_id',
      'neighbourhood_id',
      'outcome',
      'outcome_on',
      'help_requested_on',
      'first_conversation_on',
    ]);
    const attempts = this.table('arrears_signal_attempt', 'arrears_signal_attempt', [
      'id',
      'signal_id',
      'kind',
      'attempted_on',
      'reached',
      'note',
      'recorded_by',
    ]);
    const earliest = maxDate('2021-01-01', addDays(this.today, -179));
    const byMunicipality = new Map<string, HouseholdDraft[]>();
    for (const h of this.households) {
      if (h.closed) continue;
      const list = byMunicipality.get(h.municipalityId);
      if (list) list.push(h);
      else byMunicipality.set(h.municipalityId, [h]);
    }
    for (const [municipalityId, households] of byMunicipality) {
      const isMaastricht = municipalityId === this.maastricht;
      const owner = isMaastricht ? ORGANISATION_IDS.financialCoaches : ORGANISATION_IDS.kbl;
      const workers = isMaastricht ? coaches : kbl;
      if (workers.length === 0) continue;
      const count = Math.round(households.length * PROPORTIONS.signalsPerHousehold);
      const batches = new Map<string, { id: string; count: number; date: string }>();
      const keys = new Set<string>();
      type Address = { street: string; houseNumber: number; postcode: string; city: string };
      type Previous = { h: HouseholdDraft | null; address: Address; bsn: string };
      let previous = null as Previous | null;
      for (let i = 0; i < count; i++) {
        const type = r.weighted({ huur: 35, energie: 30, water: 10, zorgverzekering: 25 });
        const creditor = r.pick(CREDITORS[type]);
        let received = addDays(this.today, -r.int(0, 179));
        if (received < earliest) received = earliest;
        // A third of the signals concern an address that already had one (several creditors, or again).
        const before: Previous | null = previous !== null && r.chance(0.3) ? previous : null;
        const linked: HouseholdDraft | null = before ? before.h : r.chance(0.65) ? r.pick(households) : null;
        const adult: PersonDraft | null = linked?.members.find((m) => m.age >= 18) ?? null;
        const other = r.pick(households);
        const address: Address = before
          ? before.address
          : linked
            ? {
                street: linked.street,
                houseNumber: linked.houseNumber,
                postcode: linked.postcode,
                city: linked.city,
              }
            : this.address(r, other.neighbourhoodName, other.municipalityCode);
        const bsn: string = before ? before.bsn : (adult?.bsn ?? this.bsns.next());
        const key = `${type}|${creditor}|${bsn}|${received}`;
        if (keys.has(key)) continue;
        keys.add(key);
        previous = { h: linked, address, bsn };
        const month = received.slice(0, 7);
        const batchKey = `${type}|${creditor}|${month}`;
        const batch = batches.get(batchKey) ?? { id: this.ids.uuid(), count: 0, date: received };
        batch.count++;
        batch.date = maxDate(batch.date, received);
        batches.set(batchKey, batch);
        const answered = received < addDays(this.today, -7) && r.chance(0.55);
        const outcome = answered ? r.weighted(SIGNAL_OUTCOME_WEIGHTS) : null;
        const outcomeOn = outcome ? minDate(this.today, addDays(received, r.int(3, 40))) : null;
        const helped = outcome === 'eerste_gesprek_gepland' || outcome === 'al_in_traject';
        const signalId = this.ids.uuid();
        const worker = r.pick(workers);
        signals.add([
          signalId,
          municipalityId,
          owner,
          r.chance(0.7) ? worker.id : null,
          batch.id,
          type,
          creditor,
          creditor.toLowerCase(),
          `K${pad(r.int(0, 99_999_999), 8)}`,
          bsn,
          address.postcode,
          address.houseNumber,
          address.street,
          address.city,
          `${address.postcode}|${address.houseNumber}|`,
          r.int(50, 5_000) * 100,
          r.int(1, 12),
          received,
          r.chance(0.08),
          adult?.id ?? null,
          linked?.id ?? null,
          linked?.neighbourhoodId ?? null,
          outcome,
          outcomeOn,
          helped ? outcomeOn : null,
          helped && outcome === 'eerste_gesprek_gepland' ? outcomeOn : null,
        ]);
        const tries = outcome ? r.int(1, 3) : r.chance(0.3) ? 1 : 0;
        for (let a = 0; a < tries; a++) {
          attempts.add([
            this.ids.uuid(),
            signalId,
            r.pick(['brief', 'telefoon', 'huisbezoek']),
            minDate(this.today, addDays(received, 2 + a * r.int(3, 10))),
            a === tries - 1 && outcome !== 'geen_contact',
            null,
            worker.id,
          ]);
        }
      }
      for (const batch of batches.values()) {
        imports.add([
          batch.id,
          municipalityId,
          owner,
          workers[0].id,
          isoTimestamp(batch.date, 8 * 60),
          batch.count,
          batch.count,
          0,
          0,
          0,
        ]);
      }
    }
  }

  // ───────────────────────────── summary ─────────────────────────────

  private summarise(): Summary {
    const clientsPerPillar = Object.fromEntries(PILLARS.map((p) => [p, 0])) as Record<Pillar, number>;
    const householdsPerPillar = Object.fromEntries(PILLARS.map((p) => [p, 0])) as Record<Pillar, number>;
    let clients = 0;
    let persons = 0;
    const byNeighbourhood = new Map<string, number>();
    const bands = AGE_BANDS.map(() => 0);
    for (const h of this.households) {
      for (const p of h.pillars) householdsPerPillar[p]++;
      for (const m of h.members) {
        persons++;
        if (m.pillars.size === 0) continue;
        clients++;
        for (const p of m.pillars) clientsPerPillar[p]++;
        byNeighbourhood.set(h.neighbourhoodName, (byNeighbourhood.get(h.neighbourhoodName) ?? 0) + 1);
        bands[AGE_BANDS.findIndex((b) => m.age >= b.from && m.age <= b.to)]++;
      }
    }
    const samenloop = this.households.filter((h) => h.pillars.length >= 2).length;
    const rows: Record<string, number> = {};
    for (const table of Object.values(this.t)) {
      if (table.table.startsWith('generate_')) continue;
      rows[table.table] = (rows[table.table] ?? 0) + table.rows;
    }
    const neighbourhoods = this.reference.neighbourhoods
      .filter(
        (n) => NEIGHBOURHOOD_SHARES[n.name] !== undefined || n.name === 'Binnenstad' || n.name === 'Heer',
      )
      .map((n) => ({
        name: n.name,
        inhabitants: n.inhabitants,
        clients: byNeighbourhood.get(n.name) ?? 0,
        perHundred: Math.round(((byNeighbourhood.get(n.name) ?? 0) / n.inhabitants) * 1000) / 10,
      }));
    return {
      scale: this.options.scale.name,
      seed: this.options.seed,
      today: this.today,
      households: this.households.length,
      persons,
      clients,
      samenloopHouseholds: samenloop,
      samenloopShare: samenloop / this.households.length,
      clientsPerPillar,
      householdsPerPillar,
      targets: {
        households: this.size,
        clients: Math.round(CITY_CLIENTS * this.factor),
        clientsPerPillar: Object.fromEntries(
          PILLARS.map((p) => [p, Math.round(CITY_CLIENTS_PER_PILLAR[p] * this.factor)]),
        ) as Record<Pillar, number>,
      },
      households50: this.households.filter((h) => h.cohort).length,
      staff: this.staff.length,
      firstBsns: this.households[0]?.members.map((m) => m.bsn) ?? [],
      neighbourhoods,
      ageBands: AGE_BANDS.map((b, i) => ({
        band: b.band,
        clients: bands[i],
        monitorShare: b.share,
        impliedShare: Math.round((bands[i] / (b.population * this.factor)) * 1000) / 1000,
      })),
      rows,
    };
  }
}

const PILLAR_BIT: Record<Pillar, number> = { WMO: 1, JEUGD: 2, PARTICIPATIE: 4, SHV: 8, ONDERWIJS: 16 };

/** A set of pillars in one number: hundreds of thousands of persons carry two of these. */
class PillarSet {
  private bits = 0;
  has(p: Pillar) {
    return (this.bits & PILLAR_BIT[p]) !== 0;
  }
  add(p: Pillar) {
    this.bits |= PILLAR_BIT[p];
  }
  delete(p: Pillar) {
    this.bits &= ~PILLAR_BIT[p];
  }
  get size() {
    let n = 0;
    for (let b = this.bits; b; b &= b - 1) n++;
    return n;
  }
  *[Symbol.iterator](): IterableIterator<Pillar> {
    for (const p of PILLARS) if (this.has(p)) yield p;
  }
}

function day(date: string, offset: number) {
  return addDays(date, offset);
}

function hashName(name: string) {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

export function generateModel(options: ModelOptions, reference: ReferenceData): Dataset {
  return new Model(options, reference).build();
}
