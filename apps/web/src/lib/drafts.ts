import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'gezinsplan:concept:';

/**
 * Form state that survives a reload, a lapsed session and a re-login: kept in sessionStorage (this tab
 * only, gone when the tab closes) while it differs from what the form started with, and removed on
 * logout and after a successful submit.
 */
export function useDraft<T>(
  key: string,
  initial: T,
): [T, (next: T | ((previous: T) => T)) => void, (baseline?: T) => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => read(storageKey) ?? initial);
  // What counts as "nothing typed": the value the form started from (or was saved as).
  const baseline = useRef(initial);
  useEffect(() => {
    try {
      if (JSON.stringify(value) === JSON.stringify(baseline.current)) sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft then lives only in memory.
    }
  }, [storageKey, value]);
  /** Forget the draft (after saving or cancelling); `next` becomes the new untouched value. */
  const clear = useCallback(
    (next?: T) => {
      if (next !== undefined) baseline.current = next;
      sessionStorage.removeItem(storageKey);
      setValue(baseline.current);
    },
    [storageKey],
  );
  return [value, setValue, clear];
}

export function clearAllDrafts() {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}
