import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '@app/identity';
import { CaseWorkerDirectory, CaseWorkerProfile } from './case-worker-directory';

/** Case workers as the identity context knows them (through its exported service). */
@Injectable()
export class IdentityCaseWorkerDirectory implements CaseWorkerDirectory {
  constructor(private readonly users: UsersService) {}

  profiles(userIds: string[], manager?: EntityManager): Promise<CaseWorkerProfile[]> {
    return this.users.caseWorkerProfiles([...new Set(userIds)], manager);
  }

  userIdsInTeams(teamIds: string[]): Promise<string[]> {
    return this.users.userIdsInTeams(teamIds);
  }

  caseWorkersNamed(municipalityId: string, nameContains: string, limit: number, manager?: EntityManager) {
    return this.users.caseWorkersNamed(municipalityId, nameContains, limit, manager);
  }
}
