import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { Indication } from './entities';
import { activityFor } from './indication-audit';
import { IndicationView } from './indication-view';
import { IndicationsRepository } from './indications.repository';

export interface VersionedView {
  view: Partial<IndicationView>;
  /** For the ETag header; send it back as If-Match to refuse a change on a stale copy (412). */
  version: number;
}

/** The shared first and last step of every write on an existing indication. */
@Injectable()
export class IndicationWriter {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: IndicationsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Locks the row and checks the caller may change it: 404 when they may not even read it, 403 when
   * they may read it (e.g. the regisseur's summary) but not change it, 412 on a stale If-Match.
   */
  async loadForWrite(
    m: EntityManager,
    user: AuthenticatedUser,
    id: string,
    ifMatch?: string,
  ): Promise<{ row: Indication; ability: AppAbility }> {
    const ability = await this.access.abilityFor(user);
    const row = await this.repository.lockById(m, id);
    this.access.ensureCan(ability, 'update', 'Indication', row);
    if (ifMatch !== undefined && parseETag(ifMatch) !== row!.version) {
      throw new DomainError(
        ErrorCode.PreconditionFailed,
        'Deze indicatie is gewijzigd sinds u haar laadde; laad haar opnieuw.',
      );
    }
    return { row: row!, ability };
  }

  /** The changed indication as the caller may see it; the processing-log entry is the last step. */
  async respond(
    m: EntityManager,
    ability: AppAbility,
    row: Indication,
    action: 'create' | 'update',
  ): Promise<VersionedView> {
    const [view] = await this.repository.views(m, [row], this.clock.today());
    const projected = this.access.project(ability, 'Indication', view);
    await this.audit.record(m, {
      activityId: activityFor(row.pillar, 'write'),
      action,
      resourceType: 'Indication',
      resourceId: row.id,
      householdId: row.householdId,
      dataSubjects: [{ type: 'person', id: row.personId }],
    });
    return { view: projected ?? { id: row.id }, version: row.version };
  }
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `"3"`, `W/"3"` or `3`; anything else never matches. */
export function parseETag(header: string): number | null {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return match ? Number(match[1]) : null;
}
