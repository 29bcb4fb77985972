import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PersonDataPart, PersonDataRegistry } from '@app/privacy';
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

/** The indications context's part of an AVG art. 15 export: every indication of the person. */
@Injectable()
export class IndicationsPersonData implements OnModuleInit {
  constructor(private readonly registry: PersonDataRegistry) {}

  onModuleInit() {
    this.registry.register({ name: 'indications', collect: (id, m) => this.collect(id, m) });
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
