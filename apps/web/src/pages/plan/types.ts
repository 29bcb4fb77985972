/** The plan as GET /households/:id/plan answers it (libs/plans plan-views.ts). */
export interface PersonRef {
  type: string;
  id: string | null;
  name: string;
}
export interface PlanGoal {
  id: string;
  lifeDomain: string;
  lifeDomainLabel: string;
  description: string;
  owner: PersonRef;
  targetDate: string;
  status: string;
  overdue: boolean;
  actions: {
    id: string;
    actor: PersonRef;
    description: string;
    dueOn: string;
    done: boolean;
    overdue: boolean;
  }[];
}
export interface VersionSummary {
  number: number;
  status: 'concept' | 'vastgesteld';
  agreedOn: string | null;
  agreedBy: PersonRef[];
}
export interface PlanView {
  householdId: string;
  exists: boolean;
  revision: number;
  scope: string;
  nextEvaluationOn: string | null;
  evaluationOverdue: boolean;
  version: (VersionSummary & { ownWords?: string; goals: PlanGoal[] }) | null;
  versions: VersionSummary[];
}

export const LIFE_DOMAINS: Record<string, string> = {
  financien: 'Financiën',
  wonen: 'Wonen',
  werk: 'Werk en dagbesteding',
  opvoeden: 'Opvoeden en opgroeien',
  gezondheid: 'Gezondheid',
  'sociaal-netwerk': 'Sociaal netwerk',
  veiligheid: 'Veiligheid',
  onderwijs: 'Onderwijs',
};
export const VERSION_STATUS = { concept: 'Concept', vastgesteld: 'Vastgesteld' } as const;
