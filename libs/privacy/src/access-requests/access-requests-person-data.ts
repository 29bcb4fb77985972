import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CHANNEL_LABELS } from '../labels';
import { PersonDataPart, PersonDataRegistry } from '../registry/person-data.registry';
import { AccessRequest } from './access-request.entity';

/** The privacy context's own part of an access export: the person's earlier and current requests. */
@Injectable()
export class AccessRequestsPersonData implements OnModuleInit {
  constructor(private readonly registry: PersonDataRegistry) {}

  onModuleInit() {
    this.registry.register({ name: 'access-requests', collect: (id, m) => this.collect(id, m) });
  }

  async collect(personId: string, manager: EntityManager): Promise<PersonDataPart | null> {
    const requests = await manager.find(AccessRequest, { where: { personId }, order: { receivedOn: 'ASC' } });
    if (requests.length === 0) return null;
    return {
      title: 'Uw verzoeken om inzage',
      records: requests.map((r) => ({
        kind: 'Inzageverzoek',
        source: { type: 'access_request', id: r.id },
        fields: [
          { key: 'reference', label: 'Kenmerk', value: r.reference },
          { key: 'receivedOn', label: 'Ontvangen op', value: r.receivedOn },
          { key: 'channel', label: 'Ontvangen', value: CHANNEL_LABELS[r.channel] ?? r.channel },
          { key: 'deadline', label: 'Uiterlijk beantwoorden op', value: r.deadline },
          { key: 'deliveredOn', label: 'Verstrekt op', value: r.deliveredOn },
        ],
      })),
    };
  }
}
