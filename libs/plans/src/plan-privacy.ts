import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ANONYMISED_TEXT } from '@app/households';
import {
  PersonDataField,
  PersonDataPart,
  PersonDataRecord,
  PersonDataRegistry,
  RetentionRegistry,
} from '@app/privacy';
import { PlanAction, PlanEvaluation, PlanEvaluationOutcome, PlanGoal, PlanVersion } from './entities';
import { lifeDomainLabel } from './life-domains';

const field = (key: string, label: string, value: PersonDataField['value']): PersonDataField => ({
  key,
  label,
  value,
});

const HOUSEHOLD_TEXT_NOTE =
  'De tekst van het plan (in eigen woorden) gaat over het hele huishouden en kan gegevens van anderen bevatten; daarom staat die hier niet in. U heeft het gezinsplan zelf ontvangen en kunt de functionaris gegevensbescherming om inzage vragen.';

/**
 * The plan's part of privacy operations: for an AVG art. 15 export, the goals the person owns, the
 * actions they take, the outcomes of their goals and the versions they agreed to (without the
 * household's own words, which may be about others); for retention, the plan's free text of a closed
 * household is replaced (goals keep their life domain, status and dates, so aggregates still count).
 */
@Injectable()
export class PlanPrivacy implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly retention: RetentionRegistry,
  ) {}

  onModuleInit() {
    this.personData.register({ name: 'plans', collect: (id, m) => this.collect(id, m) });
    this.retention.register({ name: 'plans', anonymise: (id, m) => this.anonymise(id, m) });
  }

  async collect(personId: string, m: EntityManager): Promise<PersonDataPart | null> {
    const numbers = new Map<string, number>();
    const goals = latestPerId(
      await m.find(PlanGoal, { where: { ownerPersonId: personId } }),
      await this.versionNumbers(m, numbers, personId, 'goal'),
    );
    const actions = latestPerId(
      await m.find(PlanAction, { where: { actorPersonId: personId } }),
      await this.versionNumbers(m, numbers, personId, 'action'),
    );
    const agreed: PlanVersion[] = await m
      .getRepository(PlanVersion)
      .createQueryBuilder('v')
      .where(':personId = ANY (v.agreed_by_person_ids)', { personId })
      .orderBy('v.agreed_on', 'ASC')
      .getMany();
    const outcomes = goals.length
      ? await m.find(PlanEvaluationOutcome, { where: { goalId: In(goals.map((g) => g.id)) } })
      : [];
    const evaluations = outcomes.length
      ? new Map(
          (await m.find(PlanEvaluation, { where: { id: In(outcomes.map((o) => o.evaluationId)) } })).map(
            (e) => [e.id, e],
          ),
        )
      : new Map<string, PlanEvaluation>();
    if (!goals.length && !actions.length && !agreed.length) return null;

    const records: PersonDataRecord[] = [
      ...goals.map((g) => ({
        kind: 'Doel in het gezinsplan waarvan u eigenaar bent',
        source: { type: 'plan_goal', id: g.id },
        fields: [
          field('lifeDomain', 'Leefgebied', lifeDomainLabel(g.lifeDomain)),
          field('description', 'Doel', g.description),
          field('targetDate', 'Streefdatum', g.targetDate),
          field('status', 'Stand', g.status),
          field('internalNote', 'Aantekening van de professional', g.internalNote),
        ],
      })),
      ...actions.map((a) => ({
        kind: 'Actie in het gezinsplan voor u',
        source: { type: 'plan_action', id: a.id },
        fields: [
          field('description', 'Actie', a.description),
          field('dueOn', 'Uiterlijk', a.dueOn),
          field('done', 'Gedaan', a.done),
        ],
      })),
      ...outcomes.map((o) => ({
        kind: 'Evaluatie van uw doel',
        source: { type: 'plan_evaluation_outcome', id: `${o.evaluationId}:${o.goalId}` },
        fields: [
          field('goalId', 'Doel', o.goalId),
          field('evaluatedOn', 'Geëvalueerd op', evaluations.get(o.evaluationId)?.evaluatedOn ?? null),
          field('status', 'Stand', o.status),
          field('outcome', 'Uitkomst', o.outcome),
        ],
      })),
      ...agreed.map((v) => ({
        kind: 'Versie van het gezinsplan waarmee u instemde',
        source: { type: 'plan_version', id: v.id },
        fields: [
          field('householdId', 'Nummer huishouden', v.householdId),
          field('number', 'Versie', v.number),
          field('agreedOn', 'Vastgesteld op', v.agreedOn),
        ],
        note: HOUSEHOLD_TEXT_NOTE,
      })),
    ];
    return { title: 'Het gezinsplan', records };
  }

  /** Replaces the plan's free text of a (closed) household; idempotent. Returns the rows changed. */
  async anonymise(householdId: string, m: EntityManager): Promise<number> {
    let changed = 0;
    const run = async (sql: string) => {
      const [, count] = (await m.query(sql, [householdId, ANONYMISED_TEXT])) as [unknown, number];
      changed += count;
    };
    await run(`UPDATE plan_version SET own_words = $2 WHERE household_id = $1 AND own_words NOT IN ('', $2)`);
    await run(
      `UPDATE plan_goal SET description = $2, internal_note = CASE WHEN internal_note IS NULL THEN NULL ELSE $2 END
        WHERE household_id = $1 AND (description <> $2 OR internal_note <> $2)`,
    );
    await run(`UPDATE plan_action SET description = $2 WHERE household_id = $1 AND description <> $2`);
    await run(`UPDATE plan_evaluation_outcome SET outcome = $2 WHERE household_id = $1 AND outcome <> $2`);
    return changed;
  }

  /** Version number per version id of the rows that name the person, to pick the newest state per id. */
  private async versionNumbers(
    m: EntityManager,
    cache: Map<string, number>,
    personId: string,
    kind: 'goal' | 'action',
  ): Promise<Map<string, number>> {
    const table = kind === 'goal' ? 'plan_goal' : 'plan_action';
    const column = kind === 'goal' ? 'owner_person_id' : 'actor_person_id';
    const rows: { id: string; number: number }[] = await m.query(
      `SELECT v.id, v.number FROM plan_version v
        WHERE v.id IN (SELECT version_id FROM ${table} WHERE ${column} = $1)`,
      [personId],
    );
    for (const row of rows) cache.set(row.id, row.number);
    return cache;
  }
}

/** Goals and actions are copied into every version with the same id: keep the newest state of each. */
function latestPerId<T extends { id: string; versionId: string }>(rows: T[], numbers: Map<string, number>) {
  const newest = new Map<string, T>();
  for (const row of rows) {
    const known = newest.get(row.id);
    if (!known || (numbers.get(row.versionId) ?? 0) > (numbers.get(known.versionId) ?? 0))
      newest.set(row.id, row);
  }
  return [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
}
