/**
 * Page state worth keeping while navigating (search criteria and results, so "back" returns to them),
 * held in memory only: it may contain a BSN or a name, which never go into storage or a URL.
 */
const memory = new Map<string, unknown>();

export function recall<T>(key: string): T | undefined {
  return memory.get(key) as T | undefined;
}

export function remember<T>(key: string, value: T) {
  memory.set(key, value);
}

export function forgetAll() {
  memory.clear();
}
