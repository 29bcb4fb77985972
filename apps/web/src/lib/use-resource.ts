import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

export type Resource<T> =
  | { state: 'loading'; data?: T; error?: undefined; reload: () => void }
  | { state: 'ready'; data: T; error?: undefined; reload: () => void }
  | { state: 'error'; data?: T; error: ApiError; reload: () => void };

interface Loaded<T> {
  key: string;
  state: 'ready' | 'error';
  data?: T;
  error?: ApiError;
}

/**
 * Loads data for a page: loading, ready or error (as problem details), and a reload. While a reload or
 * a change of `deps` is under way, the previous data stays available (no flicker) with state 'loading'.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([...deps, version]);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ key, state: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, state: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `key` carries everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!loaded || loaded.key !== key) return { state: 'loading', data: loaded?.data, reload };
  return { ...loaded, reload } as Resource<T>;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    type: 'urn:gezinsplan:web:unexpected',
    title: 'Er ging iets mis',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  });
}
