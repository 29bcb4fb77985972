/**
 * A benchmark workload: a list of requests (who, what). `captureWorkload` sends each through the
 * application once with SQL capture on and keeps, per request, the exact statements the application
 * sent (text and parameters). The floor server (bench/floor/floor-server.ts) replays those statements
 * through node-postgres, so application and floor do the same SQL work for request k.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchDatabase, call, login, RESULTS_DIR, startApp } from './bench-env';

export interface WorkItem {
  label: string;
  email: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface CapturedStatement {
  text: string;
  params: unknown[];
  ms: number;
  rows: number | null;
  error?: string;
}

export interface CapturedItem extends WorkItem {
  status: number;
  httpMs: number;
  bytes: number;
  statements: CapturedStatement[];
}

export interface CapturedWorkload {
  items: CapturedItem[];
  /** Access tokens per e-mail, valid for the measured app too (same JWT secret). */
  tokens: Record<string, string>;
  dropped: { label: string; status: number }[];
}

function readFrom(file: string, offset: number): { lines: CapturedStatement[]; next: number } {
  if (!existsSync(file)) return { lines: [], next: offset };
  const size = statSync(file).size;
  if (size <= offset) return { lines: [], next: offset };
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    const text = buffer.toString('utf8');
    const end = text.lastIndexOf('\n') + 1;
    const lines = text
      .slice(0, end)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CapturedStatement);
    return { lines, next: offset + Buffer.byteLength(text.slice(0, end)) };
  } finally {
    closeSync(fd);
  }
}

export async function captureWorkload(
  db: BenchDatabase,
  main: string | null,
  items: WorkItem[],
  env: Record<string, string>,
  log: (line: string) => void = console.log,
): Promise<CapturedWorkload> {
  const file = join(RESULTS_DIR, `sql-capture-${process.pid}.jsonl`);
  rmSync(file, { force: true });
  // No background sealing while capturing: its statements would be counted as a request's (the floor
  // seals on its own, as the application does during the measured runs).
  const app = await startApp({
    db,
    main,
    captureFile: file,
    env: { ...env, PROCESSING_LOG_SEAL_INTERVAL_MS: '0' },
    label: 'capture',
  });
  try {
    const tokens: Record<string, string> = {};
    for (const email of new Set(items.map((i) => i.email)))
      tokens[email] = (await login(app.baseUrl, email)).token;
    // A warm-up pass (JIT, TypeORM metadata, PostgreSQL caches), not recorded.
    for (const item of items) await call(app.baseUrl, tokens[item.email], item.method, item.path, item.body);
    let offset = existsSync(file) ? statSync(file).size : 0;
    const captured: CapturedItem[] = [];
    const dropped: { label: string; status: number }[] = [];
    for (const item of items) {
      offset = readFrom(file, offset).next;
      const res = await call(app.baseUrl, tokens[item.email], item.method, item.path, item.body);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const { lines, next } = readFrom(file, offset);
      offset = next;
      if (res.status !== 200) {
        dropped.push({ label: item.label, status: res.status });
        continue;
      }
      captured.push({ ...item, status: res.status, httpMs: res.ms, bytes: res.bytes, statements: lines });
    }
    log(`Captured ${captured.length} requests (${dropped.length} not 200) through the application`);
    return { items: captured, tokens, dropped };
  } finally {
    await app.stop();
    rmSync(file, { force: true });
  }
}

/** The replay file the floor server reads: statements only. */
export function writeReplayFile(name: string, items: CapturedItem[]): string {
  const file = join(RESULTS_DIR, `replay-${name}-${process.pid}.json`);
  writeFileSync(
    file,
    JSON.stringify(items.map((i) => i.statements.map((s) => ({ text: s.text, params: s.params })))),
  );
  return file;
}

export function captureSummary(items: CapturedItem[]) {
  const byLabel = new Map<string, CapturedItem[]>();
  for (const item of items) byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), item]);
  const rows = [...byLabel].map(([label, list]) => {
    const statements = list.map((i) => i.statements.length);
    const dbMs = list.map((i) => i.statements.reduce((s, q) => s + q.ms, 0));
    const params = list.map((i) => Math.max(0, ...i.statements.map((q) => q.params.length)));
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    return {
      label,
      requests: list.length,
      statements: Math.round(avg(statements) * 10) / 10,
      dbMsSequential: Math.round(avg(dbMs) * 10) / 10,
      httpMsSequential: Math.round(avg(list.map((i) => i.httpMs)) * 10) / 10,
      maxParams: Math.max(...params),
      responseBytes: Math.round(avg(list.map((i) => i.bytes))),
    };
  });
  return rows;
}

export function captureTable(rows: ReturnType<typeof captureSummary>): string {
  return [
    '| request | captured | statements | DB ms (sum, one at a time) | HTTP ms (one at a time) | largest parameter list | response bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.requests} | ${r.statements} | ${r.dbMsSequential} | ${r.httpMsSequential} | ${r.maxParams} | ${r.responseBytes} |`,
    ),
  ].join('\n');
}
