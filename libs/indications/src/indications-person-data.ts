import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Pillar } from '@app/access';
import { ANONYMISED_TEXT } from '@app/households';
import { PersonDataPart, PersonDataRegistry, RetentionRegistry } from '@app/privacy';
import { Indication } from './entities';

const FIELDS: [keyof Indication, string][] = [
  ['pillar', 'Wet / pijler'],
  ['status', 'Status'],
  ['meldingDate', 'Datum melding'],
  ['aanvraagDate', 'Datum aanvraag'],
  ['firstConversationDate', 'Datum eerste gesprek'],
  ['beschikkingDate', 'Datum beschikking'],
  ['beschikkingOutcome', 'Besluit'],
  ['startDate', 'Ingangsdatum voorziening'],
  ['endDate', 'Einddatum voorziening'],
  ['form', 'Vorm (ZiN/PGB)'],
  ['provider', 'Aanbieder'],
  ['reason', 'Reden'],
  ['notes', 'Aantekeningen'],
];

/**
 * The indications context's part of privacy operations: every indication of the person for an AVG
 * art. 15 export; for retention, the pillars of a household's indications (the longest period applies)
 * and the free text (reason, notes, reasons of suspensions) of a closed household replaced, keeping
 * pillar, product, dates, status and outcome for the figures.
 */
@Injectable()
export class IndicationsPersonData implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly retention: RetentionRegistry,
  ) {}

  onModuleInit() {
    this.registry.register({ name: 'indications', collect: (id, m) => this.collect(id, m) });
    this.retention.register({
      name: 'indications',
      pillarsOf: (ids, m) => this.pillarsOf(ids, m),
      anonymise: (id, m) => this.anonymise(id, m),
    });
  }

  async pillarsOf(householdIds: string[], m: EntityManager): Promise<Map<string, Pillar[]>> {
    const rows: { household_id: string; pillars: Pillar[] }[] = await m.query(
      `SELECT household_id, array_agg(DISTINCT pillar) AS pillars FROM indication
        WHERE household_id = ANY($1::uuid[]) GROUP BY household_id`,
      [householdIds],
    );
    return new Map(rows.map((row) => [row.household_id, row.pillars]));
  }

  /** Idempotent; returns the rows changed. */
  async anonymise(householdId: string, m: EntityManager): Promise<number> {
    const [, indications] = (await m.query(
      `UPDATE indication SET reason = CASE WHEN reason IS NULL THEN NULL ELSE $2 END,
              notes = CASE WHEN notes IS NULL THEN NULL ELSE $2 END
        WHERE household_id = $1 AND (reason <> $2 OR notes <> $2)`,
      [householdId, ANONYMISED_TEXT],
    )) as [unknown, number];
    const [, suspensions] = (await m.query(
      `UPDATE indication_suspension SET reason = $2 WHERE household_id = $1 AND reason <> $2`,
      [householdId, ANONYMISED_TEXT],
    )) as [unknown, number];
    return indications + suspensions;
  }

  async collect(personId: string, manager: EntityManager): Promise<PersonDataPart | null> {
    const indications = await manager.find(Indication, {
      where: { personId },
      order: { meldingDate: 'ASC' },
    });
    if (indications.length === 0) return null;
    return {
      title: 'Indicaties en voorzieningen',
      records: indications.map((indication) => ({
        kind: `Indicatie (${indication.pillar})`,
        source: { type: 'indication', id: indication.id },
        fields: FIELDS.map(([key, label]) => ({
          key,
          label,
          value: (indication[key] as string | null) ?? null,
        })),
      })),
    };
  }
}
