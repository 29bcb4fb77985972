import { Button, Paragraph } from '@amsterdam/design-system-react';
import type { PagedList } from '../lib/use-paged-list';
import { ProblemAlert } from './problems';

/** "Meer laden" under a paged list: how many are shown of how many, and the next page on request. */
export function LoadMore<T>({
  list,
  noun,
}: {
  list: PagedList<T>;
  /** Plural, e.g. "signalen". */
  noun: string;
}) {
  if (list.total === 0) return null;
  return (
    <div className="gp-load-more">
      <Paragraph size="small" aria-live="polite">
        {list.items.length} van {list.total} {noun} getoond.
      </Paragraph>
      {list.moreError && <ProblemAlert error={list.moreError} headingLevel={3} />}
      {list.hasMore && (
        <Button variant="secondary" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          {list.loadingMore ? 'Bezig met laden…' : `Meer ${noun} laden`}
        </Button>
      )}
    </div>
  );
}
