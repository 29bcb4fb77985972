import { Button, Paragraph } from '@amsterdam/design-system-react';
import type { ApiError } from '../api/client';
import { ProblemAlert } from './problems';

/** "Meer laden" under a paged list: how many are shown of how many, and the next page on request. */
export function LoadMore({
  shown,
  total,
  noun,
  hasMore,
  busy,
  error,
  onLoadMore,
}: {
  shown: number;
  total: number;
  /** Plural, e.g. "signalen". */
  noun: string;
  hasMore: boolean;
  busy: boolean;
  error: ApiError | null;
  onLoadMore: () => void;
}) {
  if (total === 0) return null;
  return (
    <div className="gp-load-more">
      <Paragraph size="small" aria-live="polite">
        {shown} van {total} {noun} getoond.
      </Paragraph>
      {error && <ProblemAlert error={error} headingLevel={3} />}
      {hasMore && (
        <Button variant="secondary" disabled={busy} onClick={onLoadMore}>
          {busy ? 'Bezig met laden…' : `Meer ${noun} laden`}
        </Button>
      )}
    </div>
  );
}
