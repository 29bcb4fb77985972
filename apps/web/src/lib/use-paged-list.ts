import { type DependencyList, useState } from 'react';
import type { ApiError } from '../api/client';
import { toApiError, useResource } from './use-resource';

export interface PageOf<T> {
  items: T[];
  total: number;
  /** The size the API actually used (it may cap what was asked). */
  pageSize?: number;
}

/**
 * A list the API serves in pages: the first page loads like any resource; "meer laden" appends the next.
 * Pages loaded earlier belong to one first page, so a reload or a change of `deps` starts over.
 */
export function usePagedList<T>(
  load: (page: number, signal?: AbortSignal) => Promise<PageOf<T>>,
  deps: DependencyList,
  options: { pageSize: number; keyOf: (item: T) => string },
) {
  const first = useResource((signal) => load(1, signal), deps);
  const [more, setMore] = useState<{ base: PageOf<T>; items: T[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const extra = first.data && more?.base === first.data ? more.items : [];
  const seen = new Set<string>();
  // A row may move to a later page while paging (a new signal came in): show it once.
  const items = [...(first.data?.items ?? []), ...extra].filter((item) => {
    const key = options.keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const total = first.data?.total ?? 0;

  const loadMore = async () => {
    const base = first.data;
    if (!base) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const loaded = base.items.length + extra.length;
      const next = await load(Math.floor(loaded / (base.pageSize ?? options.pageSize)) + 1);
      setMore({ base, items: [...extra, ...next.items] });
    } catch (e) {
      setMoreError(toApiError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    first,
    items,
    total,
    hasMore: Boolean(first.data) && items.length < total,
    loadMore,
    loadingMore,
    moreError,
  };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
