import { EntityManager } from 'typeorm';
import { Pillar } from '@app/access';

/** What households need to know about professionals; implemented over the identity context's service. */
export interface CaseWorkerProfile {
  id: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  municipalityIds: string[];
  roles: string[];
  pillars: Pillar[];
  active: boolean;
}

export interface CaseWorkerDirectory {
  /** Inside a transaction pass its manager, so that the lookup does not take a second pooled connection. */
  profiles(userIds: string[], manager?: EntityManager): Promise<CaseWorkerProfile[]>;
  userIdsInTeams(teamIds: string[]): Promise<string[]>;
  /** Active professionals with a case-work role in the municipality whose name contains the text. */
  caseWorkersNamed(
    municipalityId: string,
    nameContains: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<CaseWorkerProfile[]>;
}

export const CASE_WORKER_DIRECTORY = Symbol('CASE_WORKER_DIRECTORY');
