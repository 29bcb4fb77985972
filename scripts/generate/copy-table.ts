/**
 * Rows for PostgreSQL's COPY ... FROM STDIN (text format). Values are written straight into a buffer
 * that is spilled to a temporary file when full, so a region-scale run (millions of rows) neither holds
 * the data in the JavaScript heap nor builds large intermediate strings.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export type CopyValue = string | number | boolean | null | undefined | readonly (string | number)[];

const BUFFER_SIZE = 4 << 20;
const SPILL_AT = BUFFER_SIZE - (64 << 10);
const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  // COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
  return NEEDS_ESCAPE.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(value as string);
}

/** Where the tables of one run spill their rows; removed by `dispose()`. */
export class SpillDirectory {
  readonly path = mkdtempSync(join(tmpdir(), 'gezinsplan-generate-'));
  dispose() {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export class CopyTable {
  rows = 0;
  bytes = 0;
  private buffer: Buffer | null = null;
  private pos = 0;
  private fd: number | null = null;
  private readonly file: string;

  /** `key` names this batch (a table may be loaded in several rounds, e.g. plan_version#1). */
  constructor(
    readonly key: string,
    readonly table: string,
    readonly columns: readonly string[],
    spill: SpillDirectory,
  ) {
    this.file = join(spill.path, `${key.replace(/[^a-z0-9_]/gi, '_')}.copy`);
  }

  add(values: readonly CopyValue[]) {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.key}: ${values.length} values for ${this.columns.length} columns`);
    }
    const buffer = (this.buffer ??= Buffer.allocUnsafe(BUFFER_SIZE));
    let pos = this.pos;
    for (let i = 0; i < values.length; i++) {
      if (i > 0) buffer[pos++] = 9; // tab
      pos += buffer.write(encodeCopyValue(values[i]), pos, 'utf8');
    }
    buffer[pos++] = 10; // newline
    this.bytes += pos - this.pos;
    this.pos = pos;
    this.rows++;
    if (pos >= SPILL_AT) this.spill();
  }

  /** The rows as a stream for COPY; the buffer is released. */
  stream(): Readable {
    this.spill();
    this.buffer = null;
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    return this.rows === 0 ? Readable.from([]) : createReadStream(this.file, { highWaterMark: 1 << 20 });
  }

  copySql(): string {
    return `COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`;
  }

  private spill() {
    if (!this.buffer || this.pos === 0) return;
    this.fd ??= openSync(this.file, 'w');
    writeSync(this.fd, this.buffer, 0, this.pos);
    this.pos = 0;
  }
}
