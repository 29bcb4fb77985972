import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/core';
import { UsersService } from '@app/identity';
import { ReferenceService } from '@app/reference';
import { CoachLocation } from '../entities';
import { AssignCoachLocationsDto } from './dto';

export interface CoachLocationView {
  userId: string;
  wijkservicepuntId: string;
  wijkservicepunt: string;
  municipalityId: string;
  isPrimary: boolean;
}

/** Where financial coaches hold spreekuur: the default location of their contacts and what they see. */
@Injectable()
export class CoachLocationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async locationIdsOf(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(CoachLocation, {
      select: { wijkservicepuntId: true },
      where: { userId },
    });
    return rows.map((r) => r.wijkservicepuntId);
  }

  /** The primary location, or the only one; null when the coach has to choose. */
  async defaultLocationOf(userId: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.find(CoachLocation, { where: { userId } });
    return (rows.find((r) => r.isPrimary) ?? (rows.length === 1 ? rows[0] : null))?.wijkservicepuntId ?? null;
  }

  async list(filter: { userId?: string; wijkservicepuntId?: string } = {}): Promise<CoachLocationView[]> {
    const rows = await this.dataSource.getRepository(CoachLocation).find({
      where: {
        ...(filter.userId ? { userId: filter.userId } : {}),
        ...(filter.wijkservicepuntId ? { wijkservicepuntId: filter.wijkservicepuntId } : {}),
      },
      order: { userId: 'ASC', isPrimary: 'DESC', wijkservicepuntId: 'ASC' },
    });
    const points = new Map((await this.reference.listWijkservicepunten()).map((p) => [p.id, p]));
    return rows.map((r) => ({
      userId: r.userId,
      wijkservicepuntId: r.wijkservicepuntId,
      wijkservicepunt: points.get(r.wijkservicepuntId)?.name ?? 'onbekend',
      municipalityId: points.get(r.wijkservicepuntId)?.municipalityId ?? '',
      isPrimary: r.isPrimary,
    }));
  }

  /** Replaces a coach's locations (functioneel beheerder). Only active financial coaches, only their municipalities. */
  async assign(actor: AuthenticatedUser, userId: string, dto: AssignCoachLocationsDto) {
    const [profile] = await this.users.caseWorkerProfiles([userId]);
    if (!profile || !profile.active) throw DomainError.notFound('De medewerker');
    if (!profile.roles.includes('financial-coach')) {
      throw DomainError.invalidField('userId', 'Alleen een financial coach houdt spreekuur.');
    }
    const ids = [...new Set(dto.wijkservicepuntIds)];
    for (const [i, id] of ids.entries()) {
      const point = await this.reference.wijkservicepunt(id);
      if (!point)
        throw DomainError.invalidField(`wijkservicepuntIds.${i}`, 'Dit wijkservicepunt bestaat niet.');
      if (!profile.municipalityIds.includes(point.municipalityId)) {
        throw DomainError.invalidField(
          `wijkservicepuntIds.${i}`,
          'Dit wijkservicepunt ligt in een gemeente waar de coach niet voor werkt.',
        );
      }
    }
    const primary = dto.primaryWijkservicepuntId ?? (ids.length === 1 ? ids[0] : undefined);
    if (primary && !ids.includes(primary)) {
      throw DomainError.invalidField(
        'primaryWijkservicepuntId',
        'De vaste locatie moet een van de locaties zijn.',
      );
    }
    await this.dataSource.transaction(async (m) => {
      await m.delete(CoachLocation, { userId });
      if (ids.length) {
        await m.insert(
          CoachLocation,
          ids.map((id) => ({
            userId,
            wijkservicepuntId: id,
            isPrimary: id === primary,
            assignedBy: actor.id,
          })),
        );
      }
      await this.audit.record(m, {
        action: 'update',
        resourceType: 'CoachLocation',
        resourceId: userId,
        dataSubjects: [],
      });
    });
    return this.list({ userId });
  }
}
