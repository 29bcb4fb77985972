import { Button, Heading, Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/problems';
import { Empty, Loading } from '../../components/status';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { ReviewForm } from './ReviewForm';

interface CaseReview {
  id: string;
  reviewedOn: string;
  reviewer: string;
  participants: string[];
  findings: string;
  actions: { id: string; description: string; owner: string; dueOn: string; doneOn: string | null }[];
  leerpunten: { id: string; themeLabel: string; text: string }[];
  nextReviewOn: string | null;
}

/** The teamleider's case reviews of this household (libs/reviews), newest first, and a new one. */
export function ReviewsSection({ householdId }: { householdId: string }) {
  const [adding, setAdding] = useState(false);
  const reviews = useResource(
    (signal) => api.get<CaseReview[]>(`/households/${householdId}/case-reviews`, { signal }),
    [householdId],
  );
  return (
    <section aria-labelledby="reviews-heading" className="gp-section" data-testid="reviews-section">
      <Heading level={2} size="level-3" id="reviews-heading">
        Casusbesprekingen
      </Heading>
      {reviews.state === 'loading' && !reviews.data && <Loading>De besprekingen worden geladen…</Loading>}
      {reviews.state === 'error' && <ProblemAlert error={reviews.error} headingLevel={3} />}
      {reviews.data && reviews.data.length === 0 && <Empty>Deze casus is nog niet besproken.</Empty>}
      {reviews.data?.map((r) => (
        <article
          key={r.id}
          className="gp-inline-form"
          aria-label={`Bespreking van ${formatDate(r.reviewedOn)}`}
        >
          <Heading level={3} size="level-4">
            {formatDate(r.reviewedOn)}, door {r.reviewer}
          </Heading>
          <Paragraph>{r.findings}</Paragraph>
          {r.actions.length > 0 && (
            <UnorderedList>
              {r.actions.map((a) => (
                <UnorderedList.Item key={a.id}>
                  {a.owner}: {a.description} (uiterlijk {formatDate(a.dueOn)}
                  {a.doneOn ? `, gedaan ${formatDate(a.doneOn)}` : ''})
                </UnorderedList.Item>
              ))}
            </UnorderedList>
          )}
          {r.leerpunten.map((l) => (
            <Paragraph key={l.id}>
              <strong>Leerpunt ({l.themeLabel})</strong>: {l.text}
            </Paragraph>
          ))}
        </article>
      ))}
      {adding ? (
        <ReviewForm
          householdId={householdId}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            reviews.reload();
          }}
        />
      ) : (
        <Button variant="secondary" className="gp-section-action" onClick={() => setAdding(true)}>
          Casusbespreking vastleggen
        </Button>
      )}
    </section>
  );
}
