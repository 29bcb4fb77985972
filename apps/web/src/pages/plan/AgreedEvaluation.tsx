import { Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/problems';
import { Loading } from '../../components/status';
import { useResource } from '../../lib/use-resource';
import { EvaluationForm } from './EvaluationForm';
import type { PlanWrite } from './people';
import type { PlanGoal } from './types';

/**
 * While a new concept version is being written, the family's agreed plan is still the one in force: the
 * API evaluates the goals of the newest agreed version, so that is what this form shows.
 */
export function AgreedEvaluation({
  householdId,
  agreedNumber,
  conceptNumber,
  write,
}: {
  householdId: string;
  agreedNumber: number;
  conceptNumber: number;
  write: PlanWrite;
}) {
  const agreed = useResource(
    (signal) =>
      api.get<{ goals: PlanGoal[] }>(`/households/${householdId}/plan/versions/${agreedNumber}`, {
        signal,
      }),
    [householdId, agreedNumber],
  );
  if (agreed.state === 'loading') return <Loading>De vastgestelde versie wordt geladen…</Loading>;
  if (agreed.state === 'error') return <ProblemAlert error={agreed.error} headingLevel={3} />;
  if (agreed.data.goals.length === 0) return null;
  return (
    <>
      <Paragraph size="small" className="gp-hint" data-testid="evaluation-of-agreed">
        Versie {conceptNumber} is nog een concept. U evalueert de doelen van versie {agreedNumber}, de laatst
        vastgestelde versie; het concept verandert daardoor niet.
      </Paragraph>
      <EvaluationForm householdId={householdId} goals={agreed.data.goals} write={write} />
    </>
  );
}
