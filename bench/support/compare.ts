/**
 * Application versus floor on the same captured workload: the application gets request k as the user
 * made it (path, body, bearer token), the floor gets GET /replay/k (the same statements).
 */
import { execFileSync } from 'node:child_process';
import { LoadResult, runLoad } from './bench-env';
import type { CapturedItem } from './workload';

export interface Comparison {
  label: string;
  app: LoadResult;
  floor: LoadResult;
  /** Application throughput as a share of the floor's. */
  throughputRatio: number;
  p50Ratio: number;
  p95Ratio: number;
  loadBefore: string;
}

export async function compare(options: {
  label: string;
  items: CapturedItem[];
  /** Indexes into the replay file, parallel to `items` (when items are a subset of the file). */
  replayIndex?: number[];
  tokens: Record<string, string>;
  appUrl: string;
  floorUrl: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** A floor run already made with the same workload and connections (not repeated). */
  floorResult?: LoadResult;
  log?: (line: string) => void;
}): Promise<Comparison> {
  const log = options.log ?? console.log;
  const loadBefore = uptime();
  let a = 0;
  const app = await runLoad({
    label: `${options.label} — application`,
    baseUrl: options.appUrl,
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    next: () => {
      const item = options.items[a++ % options.items.length];
      return {
        method: item.method,
        path: item.path,
        headers: {
          authorization: `Bearer ${options.tokens[item.email]}`,
          ...(item.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: item.body !== undefined ? JSON.stringify(item.body) : undefined,
      };
    },
  });
  log(`  ${app.label}: ${app.rps} req/s, p50 ${app.p50} ms, p95 ${app.p95} ms, p99 ${app.p99} ms`);
  let f = 0;
  const floor =
    options.floorResult ??
    (await runLoad({
      label: `${options.label} — floor`,
      baseUrl: options.floorUrl,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      next: () => {
        const k = f++ % options.items.length;
        return { method: 'GET', path: `/replay/${options.replayIndex?.[k] ?? k}`, headers: {} };
      },
    }));
  if (!options.floorResult)
    log(
      `  ${floor.label}: ${floor.rps} req/s, p50 ${floor.p50} ms, p95 ${floor.p95} ms, p99 ${floor.p99} ms`,
    );
  const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
  return {
    label: options.label,
    app,
    floor,
    throughputRatio: ratio(app.rps, floor.rps),
    p50Ratio: ratio(app.p50, floor.p50),
    p95Ratio: ratio(app.p95, floor.p95),
    loadBefore,
  };
}

export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function comparisonTable(rows: Comparison[]): string {
  return [
    '| workload | app req/s | floor req/s | app/floor throughput | app p50 / p95 / p99 ms | floor p50 / p95 / p99 ms | app errors / non-2xx | floor errors / non-2xx |',
    '| --- | ---: | ---: | ---: | --- | --- | --- | --- |',
    ...rows.map(
      (c) =>
        `| ${c.label} | ${c.app.rps} | ${c.floor.rps} | ${Math.round(c.throughputRatio * 100)}% | ${c.app.p50} / ${c.app.p95} / ${c.app.p99} | ${c.floor.p50} / ${c.floor.p95} / ${c.floor.p99} | ${c.app.errors} / ${c.app.non2xx} | ${c.floor.errors} / ${c.floor.non2xx} |`,
    ),
  ].join('\n');
}
