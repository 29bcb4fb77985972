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
  profiles(userIds: string[]): Promise<CaseWorkerProfile[]>;
  userIdsInTeams(teamIds: string[]): Promise<string[]>;
}

export const CASE_WORKER_DIRECTORY = Symbol('CASE_WORKER_DIRECTORY');
