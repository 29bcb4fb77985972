import { EntityManager } from 'typeorm';

/** What households need to know about professionals; implemented over the identity context's service. */
export interface CaseWorkerProfile {
  id: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  municipalityIds: string[];
  roles: string[];
  active: boolean;
}

export interface CaseWorkerDirectory {
  /** Inside a transaction pass its manager, so that the lookup does not take a second pooled connection. */
  profiles(userIds: string[], manager?: EntityManager): Promise<CaseWorkerProfile[]>;
  userIdsInTeams(teamIds: string[]): Promise<string[]>;
}

export const CASE_WORKER_DIRECTORY = Symbol('CASE_WORKER_DIRECTORY');
