import { Badge, DescriptionList, Heading, StandaloneLink } from '@amsterdam/design-system-react';
import type { Dossier } from '../../api/types';
import { useUser } from '../../auth/session';
import { RouterLink } from '../../components/RouterLink';
import { Empty } from '../../components/status';
import { formatDate } from '../../lib/format';
import { canEditPlan } from '../../lib/permissions';

/** The dossier's summary of the household plan (issue 6), as libs/plans puts it in the dossier. */
interface PlanSummary {
  exists: boolean;
  revision?: number;
  scope?: string;
  version?: { number: number; status: string; agreedOn: string | null };
  goals?: number;
  goalsReached?: number;
  overdueGoals?: number;
  nextEvaluationOn?: string | null;
}

const VERSION_STATUS: Record<string, string> = { concept: 'Concept', vastgesteld: 'Vastgesteld' };

export function PlanSection({ plan, dossier }: { plan: unknown; dossier: Dossier }) {
  const user = useUser();
  const summary = (plan && typeof plan === 'object' ? plan : { exists: false }) as PlanSummary;
  return (
    <section aria-labelledby="plan-heading" className="gp-section" data-testid="plan-section">
      <Heading level={2} size="level-3" id="plan-heading">
        Gezinsplan
      </Heading>
      {summary.exists ? (
        <StandaloneLink href={`/huishoudens/${dossier.household.id}/plan`} linkComponent={RouterLink}>
          Gezinsplan openen
        </StandaloneLink>
      ) : canEditPlan(dossier, user) ? (
        <StandaloneLink href={`/huishoudens/${dossier.household.id}/plan`} linkComponent={RouterLink}>
          Gezinsplan opstellen
        </StandaloneLink>
      ) : null}
      {!summary.exists ? (
        <Empty>Dit huishouden heeft nog geen gezinsplan.</Empty>
      ) : (
        <DescriptionList termsWidth="medium" className="gp-dl">
          {summary.version && (
            <>
              <DescriptionList.Term>Versie</DescriptionList.Term>
              <DescriptionList.Description>
                {summary.version.number} · {VERSION_STATUS[summary.version.status] ?? summary.version.status}
                {summary.version.agreedOn && ` op ${formatDate(summary.version.agreedOn)}`}
              </DescriptionList.Description>
            </>
          )}
          {summary.scope && summary.scope !== 'whole' && (
            <>
              <DescriptionList.Term>Inzage</DescriptionList.Term>
              <DescriptionList.Description>
                Alleen het levensdomein {summary.scope}
              </DescriptionList.Description>
            </>
          )}
          <DescriptionList.Term>Doelen</DescriptionList.Term>
          <DescriptionList.Description>
            {summary.goals ?? 0} doelen, {summary.goalsReached ?? 0} behaald
            {summary.overdueGoals ? (
              <>
                {' '}
                <Badge label={`${summary.overdueGoals} over de streefdatum`} color="red" />
              </>
            ) : null}
          </DescriptionList.Description>
          <DescriptionList.Term>Volgende evaluatie</DescriptionList.Term>
          <DescriptionList.Description>
            {summary.nextEvaluationOn ? formatDate(summary.nextEvaluationOn) : 'Niet gepland'}
          </DescriptionList.Description>
        </DescriptionList>
      )}
    </section>
  );
}
