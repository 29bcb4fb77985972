import { createMongoAbility, RawRuleOf, subject } from '@casl/ability';
import fc from 'fast-check';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  accessCondition,
  Action,
  AppAbility,
  AppSubject,
  defineAbilityFor,
  householdSet,
  PILLARS,
  unionOfHouseholds,
  SubjectName,
} from '@app/access';
import { createTestDatabase } from '../setup/test-database';

@Entity({ name: 'acl_probe' })
class AclProbe {
  @PrimaryColumn({ type: 'int' }) id: number;
  @Column({ name: 'municipality_id', type: 'text' }) municipalityId: string;
  @Column({ name: 'household_id', type: 'text', nullable: true }) householdId: string | null;
  @Column({ type: 'text' }) pillar: string;
  @Column({ name: 'life_domain', type: 'text', nullable: true }) lifeDomain: string | null;
  @Column({ name: 'amount_cents', type: 'int' }) amountCents: number;
  @Column({ name: 'requested_by_id', type: 'text', nullable: true }) requestedById: string | null;
}

const MUNICIPALITIES = ['m1', 'm2', 'm3'];
const HOUSEHOLDS = ['h1', 'h2', 'h3', 'h4', 'h5'];
const USERS = ['u1', 'u2'];
const DOMAINS = ['financien', 'wonen', 'gezondheid'];

const rowArb = fc.record({
  municipalityId: fc.constantFrom(...MUNICIPALITIES),
  householdId: fc.option(fc.constantFrom(...HOUSEHOLDS), { nil: null }),
  pillar: fc.constantFrom(...PILLARS),
  lifeDomain: fc.option(fc.constantFrom(...DOMAINS), { nil: null }),
  amountCents: fc.integer({ min: 0, max: 300_000 }),
  requestedById: fc.option(fc.constantFrom(...USERS), { nil: null }),
});

const valueFor: Record<string, fc.Arbitrary<string | number | null>> = {
  municipalityId: fc.constantFrom(...MUNICIPALITIES),
  householdId: fc.option(fc.constantFrom(...HOUSEHOLDS), { nil: null }),
  pillar: fc.constantFrom(...PILLARS),
  lifeDomain: fc.option(fc.constantFrom(...DOMAINS), { nil: null }),
  requestedById: fc.option(fc.constantFrom(...USERS), { nil: null }),
};
const equalityCondition = fc.constantFrom(...Object.keys(valueFor)).chain((field) =>
  fc.oneof(
    valueFor[field].map((v) => ({ [field]: v })),
    valueFor[field].map((v) => ({ [field]: { $ne: v } })),
    fc
      .array(
        valueFor[field].filter((v) => v !== null),
        { maxLength: 3 },
      )
      .map((vs) => ({ [field]: { $in: vs } })),
    fc
      .array(
        valueFor[field].filter((v) => v !== null),
        { maxLength: 3 },
      )
      .map((vs) => ({ [field]: { $nin: vs } })),
  ),
);
const amountCondition = fc
  .tuple(fc.constantFrom('$lte', '$gte', '$lt', '$gt'), fc.integer({ min: 0, max: 300_000 }))
  .map(([op, v]) => ({ amountCents: { [op]: v } }));
const conditionsArb = fc
  .array(fc.oneof(equalityCondition, amountCondition), { maxLength: 3 })
  .map((parts) => Object.assign({}, ...parts));
// A household set the database computes itself (household-set.ts): same ids, written as a subquery.
const asSubquerySet = (ids: string[]) =>
  householdSet(ids, (param) => `SELECT unnest(CAST(${param(ids)} AS text[]))`);
const householdSetCondition = fc
  .tuple(
    fc.constantFrom('$in', '$nin'),
    fc.subarray(HOUSEHOLDS),
    fc.subarray(HOUSEHOLDS, { minLength: 1 }),
    fc.option(fc.constantFrom(...PILLARS), { nil: undefined }),
  )
  .map(([op, literal, computed, pillar]) => ({
    householdId: { [op]: unionOfHouseholds(literal, asSubquerySet(computed)) },
    ...(pillar ? { pillar } : {}),
  }));
// Subjects whose product rules need only the probe's columns.
const CHECKED: [Action, SubjectName][] = [
  ['read', 'Indication'],
  ['decide', 'BudgetRequest'],
  ['read', 'CaseReview'],
  ['read', 'Plan'],
  ['update', 'PlanGoal'],
];
const ruleArb = fc.record({
  action: fc.constant('read'),
  subject: fc.constant('Indication'),
  conditions: fc.option(conditionsArb, { nil: undefined }),
  inverted: fc.boolean(),
  fields: fc.option(fc.constantFrom(['pillar'], ['amountCents', 'pillar']), { nil: undefined }),
});

describe('access: SQL translation agrees with ability.can on PostgreSQL', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = new DataSource({ type: 'postgres', url: await createTestDatabase(), entities: [AclProbe] });
    await ds.initialize();
    await ds.query('CREATE TABLE acl_led (household_id text PRIMARY KEY)');
    await ds.query(`CREATE TABLE acl_probe (id int PRIMARY KEY, municipality_id text NOT NULL, household_id text,
      pillar text NOT NULL, life_domain text, amount_cents int NOT NULL, requested_by_id text)`);
  });
  afterAll(() => ds.destroy());

  async function visibleIds(
    ability: AppAbility,
    rows: AclProbe[],
    action: Action = 'read',
    subjectType: SubjectName = 'Indication',
  ) {
    await ds.query('TRUNCATE acl_probe');
    await ds.getRepository(AclProbe).insert(rows);
    const metadata = ds.getMetadata(AclProbe);
    const condition = accessCondition(ability, action, subjectType, metadata, 'p');
    if (condition === null) return { sql: null, ids: [] as number[] };
    const qb = ds.getRepository(AclProbe).createQueryBuilder('p').select('p.id', 'id').andWhere(condition);
    const result = await qb.getRawMany<{ id: number }>();
    return { sql: qb.getQuery(), ids: result.map((r) => r.id).sort((a, b) => a - b) };
  }

  const expectedIds = (
    ability: AppAbility,
    rows: AclProbe[],
    action: Action = 'read',
    subjectType: SubjectName = 'Indication',
  ) =>
    rows
      .filter((row) => ability.can(action, subject(subjectType, { ...row }) as unknown as AppSubject))
      .map((r) => r.id);

  it('for random rule sets and rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ruleArb, { maxLength: 5 }),
        fc.array(rowArb, { maxLength: 25 }),
        async (rules, raw) => {
          const rows = raw.map((r, i) => ({ ...r, id: i + 1 }));
          const ability = createMongoAbility(rules as RawRuleOf<AppAbility>[]) as unknown as AppAbility;
          const { ids } = await visibleIds(ability, rows);
          expect(ids).toEqual(expectedIds(ability, rows));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for random rules on household sets written as subqueries', async () => {
    const setRuleArb = fc.record({
      action: fc.constant('read'),
      subject: fc.constant('Indication'),
      conditions: householdSetCondition,
      inverted: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(setRuleArb, { minLength: 1, maxLength: 4 }),
        fc.array(rowArb, { maxLength: 25 }),
        async (rules, raw) => {
          const rows = raw.map((r, i) => ({ ...r, id: i + 1 }));
          const ability = createMongoAbility(rules as RawRuleOf<AppAbility>[]) as unknown as AppAbility;
          const { sql, ids } = await visibleIds(ability, rows);
          if (rules.some((rule) => !rule.inverted)) expect(sql).toContain('unnest');
          expect(ids).toEqual(expectedIds(ability, rows));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('for the product rules of random users and relations', async () => {
    const userArb = fc.record({
      id: fc.constantFrom(...USERS),
      roles: fc.subarray(['consulent', 'teamleider', 'schuldhulpverlener', 'financial-coach'] as const, {
        minLength: 1,
      }),
      pillars: fc.subarray([...PILLARS]),
      municipalityIds: fc.subarray(MUNICIPALITIES),
      organisationKind: fc.constantFrom('szmh', 'kbl', 'financial-coaching', 'sociaal-team') as fc.Arbitrary<
        'szmh' | 'kbl' | 'financial-coaching' | 'sociaal-team'
      >,
      mandateCents: fc.integer({ min: 0, max: 250_000 }),
    });
    const relationsArb = fc.record({
      caseTeam: fc.subarray(HOUSEHOLDS),
      regisseur: fc.subarray(HOUSEHOLDS),
      ledTeams: fc.subarray(HOUSEHOLDS),
      breakGlass: fc.subarray(HOUSEHOLDS),
      consents: fc.array(
        fc.record({
          householdId: fc.constantFrom(...HOUSEHOLDS),
          category: fc.constantFrom('PLAN', 'PILLAR_WMO', 'PILLAR_JEUGD', 'PILLAR_SHV') as fc.Arbitrary<
            'PLAN' | 'PILLAR_WMO' | 'PILLAR_JEUGD' | 'PILLAR_SHV'
          >,
        }),
        { maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        userArb,
        relationsArb,
        fc.array(rowArb, { maxLength: 25 }),
        async (u, relations, raw) => {
          const user = {
            ...u,
            email: 'x',
            displayName: 'x',
            organisationId: 'o',
            teamIds: [],
            ledTeamIds: [],
          };
          // The teamleider's households as the database computes them (a table here, case teams in the app).
          await ds.query('TRUNCATE acl_led');
          for (const id of relations.ledTeams) await ds.query('INSERT INTO acl_led VALUES ($1)', [id]);
          const ledTeams = householdSet(
            relations.ledTeams,
            (param) => `SELECT household_id FROM acl_led WHERE household_id <> ${param('none')}`,
          );
          const ability = defineAbilityFor(user, { ...relations, ledTeams });
          const rows = raw.map((r, i) => ({ ...r, id: i + 1 }));
          for (const [action, subjectType] of CHECKED) {
            const { ids } = await visibleIds(ability, rows, action, subjectType);
            expect(ids).toEqual(expectedIds(ability, rows, action, subjectType));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("keeps a teamleider's led households one subquery: parameters do not grow with the set", () => {
    const led = Array.from({ length: 3000 }, (_, i) => `h${i}`);
    const user = {
      id: 'u1',
      email: 'x',
      displayName: 'x',
      organisationId: 'o',
      organisationKind: 'szmh' as const,
      roles: ['teamleider' as const],
      pillars: [...PILLARS],
      municipalityIds: ['m1'],
      mandateCents: 250_000,
      teamIds: [],
      ledTeamIds: ['t1'],
    };
    const ledTeams = householdSet(
      led,
      (param) => `SELECT household_id FROM acl_led WHERE team = ${param('t1')}`,
    );
    const relations = { caseTeam: ['h1'], regisseur: [], ledTeams, breakGlass: [], consents: [] };
    const ability = defineAbilityFor(user, relations);
    expect(
      ability.can(
        'read',
        subject('Plan', { householdId: 'h2999', municipalityId: 'm1' }) as unknown as AppSubject,
      ),
    ).toBe(true);
    // Changing is for the case team only; reading, deciding and reviewing include the led teams.
    for (const [action, subjectType] of CHECKED.filter(([action]) => action !== 'update')) {
      const condition = accessCondition(ability, action, subjectType, ds.getMetadata(AclProbe), 'p');
      const qb = ds.getRepository(AclProbe).createQueryBuilder('p').select('p.id').andWhere(condition!);
      const [sql, parameters] = qb.getQueryAndParameters();
      expect(sql).toContain('SELECT household_id FROM acl_led');
      expect(parameters.length).toBeLessThan(20);
    }
  });

  it('leaves no constant OR FALSE around a subquery, so PostgreSQL runs it as a semi-join', async () => {
    await ds.query('CREATE TABLE acl_led_team (household_id text, team text)');
    const user = {
      id: 'u1',
      email: 'x',
      displayName: 'x',
      organisationId: 'o',
      organisationKind: 'szmh' as const,
      roles: ['teamleider' as const],
      pillars: [...PILLARS],
      municipalityIds: ['m1'],
      mandateCents: 250_000,
      teamIds: [],
      ledTeamIds: ['t1'],
    };
    const ledTeams = householdSet(
      ['h1'],
      (param) => `SELECT household_id FROM acl_led_team WHERE team = ${param('t1')}`,
    );
    // Not on any case team: the rules for the case team fold to FALSE and must vanish, not stay as OR FALSE.
    const relations = { caseTeam: [], regisseur: [], ledTeams, breakGlass: [], consents: [] };
    const condition = accessCondition(
      defineAbilityFor(user, relations),
      'read',
      'Plan',
      ds.getMetadata(AclProbe),
      'p',
    );
    const qb = ds.getRepository(AclProbe).createQueryBuilder('p').select('p.id').andWhere(condition!);
    const [sql, parameters] = qb.getQueryAndParameters();
    expect(sql).not.toMatch(/\b(TRUE|FALSE)\b/);
    const plan = (await ds.query(`EXPLAIN ${sql}`, parameters)).map(
      (r: Record<string, string>) => r['QUERY PLAN'],
    );
    expect(plan.join('\n')).not.toMatch(/SubPlan/);
    expect(plan.join('\n')).toMatch(/Semi Join|Hash Join|Nested Loop/);
  });

  it('returns null (query nothing) when no rule allows, and refuses unmapped fields', () => {
    const metadata = ds.getMetadata(AclProbe);
    expect(
      accessCondition(createMongoAbility([]) as unknown as AppAbility, 'read', 'Indication', metadata, 'p'),
    ).toBeNull();
    const unknownField = createMongoAbility([
      { action: 'read', subject: 'Indication', conditions: { secret: 1 } },
    ]) as unknown as AppAbility;
    expect(() => accessCondition(unknownField, 'read', 'Indication', metadata, 'p')).toThrow(
      /unmapped field 'secret'/,
    );
    const unknownOperator = createMongoAbility([
      { action: 'read', subject: 'Indication', conditions: { pillar: { $regex: 'W' } } },
    ]) as unknown as AppAbility;
    expect(() => accessCondition(unknownOperator, 'read', 'Indication', metadata, 'p')).toThrow(
      /not supported/,
    );
  });
});
