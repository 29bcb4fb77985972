/** The facts a risk score is computed from. */
export interface RiskFacts {
  proceduresOverDeadline: number;
  proceduresNearDeadline: number;
  overdueGoals: number;
  evaluationOverdue: boolean;
  hasAgreedPlan: boolean;
  daysSinceReview: number | null;
  pillarCount: number;
  flagCount: number;
}

export interface RiskComponent {
  key: string;
  label: string;
  value: number;
  points: number;
}

/** A review older than this many days adds points, as does never having been reviewed. */
export const REVIEW_STALE_DAYS = 90;

/**
 * The caseload's risk score: a plain sum of points, each component returned so the teamleider sees
 * why a household is on top. Only components with points are listed.
 */
export function riskScore(f: RiskFacts): { score: number; components: RiskComponent[] } {
  const all: RiskComponent[] = [
    {
      key: 'over-deadline',
      label: 'Procedures over de wettelijke termijn (3 punten per procedure)',
      value: f.proceduresOverDeadline,
      points: 3 * f.proceduresOverDeadline,
    },
    {
      key: 'near-deadline',
      label: 'Procedures met een termijn binnen 10 dagen (1 punt per procedure)',
      value: f.proceduresNearDeadline,
      points: f.proceduresNearDeadline,
    },
    {
      key: 'overdue-goals',
      label: 'Doelen over hun streefdatum (1 punt per doel, hoogstens 5)',
      value: f.overdueGoals,
      points: Math.min(f.overdueGoals, 5),
    },
    {
      key: 'evaluation-overdue',
      label: 'Evaluatie van het plan verlopen (2 punten)',
      value: f.evaluationOverdue ? 1 : 0,
      points: f.evaluationOverdue ? 2 : 0,
    },
    {
      key: 'no-agreed-plan',
      label: 'Geen vastgesteld gezinsplan (2 punten)',
      value: f.hasAgreedPlan ? 0 : 1,
      points: f.hasAgreedPlan ? 0 : 2,
    },
    {
      key: 'review-stale',
      label: `Nooit of meer dan ${REVIEW_STALE_DAYS} dagen geleden besproken (2 punten)`,
      value: f.daysSinceReview ?? -1,
      points: f.daysSinceReview === null || f.daysSinceReview > REVIEW_STALE_DAYS ? 2 : 0,
    },
    {
      key: 'samenloop',
      label: 'Drie of meer pijlers betrokken (1 punt)',
      value: f.pillarCount,
      points: f.pillarCount >= 3 ? 1 : 0,
    },
    {
      key: 'flags',
      label: 'Signalen van de dagelijkse controle (1 punt per signaal)',
      value: f.flagCount,
      points: f.flagCount,
    },
  ];
  const components = all.filter((c) => c.points > 0);
  return { score: components.reduce((sum, c) => sum + c.points, 0), components };
}
