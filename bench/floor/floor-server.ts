/**
 * The physical floor: a bare Node http server that, for GET /replay/<k>, runs exactly the SQL the
 * application ran for request k (captured by bench/support/workload.ts) through node-postgres, and
 * answers the rows as JSON. No framework, no authentication, no authorisation logic in JavaScript, no
 * validation or serialisation beyond JSON.stringify: what is left is the database work itself, the
 * driver and HTTP. Statements before START TRANSACTION go to the pool one by one (as the application's
 * do); the transaction runs on one connection. Trace and span ids are replaced by fresh ones, so the
 * processing log gets new rows exactly as from the application, and they are sealed into the hash chain
 * every second as the application's sealer does (libs/audit/src/processing-log-sealer.ts).
 *
 *   FLOOR_REPLAY=file FLOOR_DATABASE_URL=url PORT=n node -r ts-node/register/transpile-only bench/floor/floor-server.ts
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Pool, PoolClient } from 'pg';

interface Statement {
  text: string;
  params: unknown[];
}

const replay = JSON.parse(readFileSync(process.env.FLOOR_REPLAY!, 'utf8')) as Statement[][];
const pool = new Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  // The same pool size and statement timeout as the application (libs/core/src/database).
  max: Number(process.env.FLOOR_POOL_SIZE ?? 20),
  application_name: 'gezinsplan-floor',
  options: '-c statement_timeout=30000',
});

const TRACE = /^[0-9a-f]{32}$/;
const SPAN = /^[0-9a-f]{16}$/;

async function run(statements: Statement[]) {
  const fresh = new Map<string, string>();
  const ids = (params: unknown[]) =>
    params.map((p) => {
      if (typeof p !== 'string' || !(TRACE.test(p) || SPAN.test(p))) return p;
      let id = fresh.get(p);
      if (!id) {
        id = randomBytes(p.length / 2).toString('hex');
        fresh.set(p, id);
      }
      return id;
    });
  const results: unknown[] = [];
  let client: PoolClient | null = null;
  try {
    for (const s of statements) {
      if (s.text === 'START TRANSACTION') client = await pool.connect();
      const result = await (client ?? pool).query(s.text, ids(s.params));
      if (result.rows?.length) results.push(result.rows);
      if ((s.text === 'COMMIT' || s.text === 'ROLLBACK') && client) {
        client.release();
        client = null;
      }
    }
  } catch (error) {
    if (client) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
    }
    throw error;
  }
  return results;
}

const server = createServer((req, res) => {
  const match = /^\/replay\/(\d+)$/.exec(req.url ?? '');
  req.resume();
  if (!match) {
    res.writeHead(req.url === '/health/ready' ? 200 : 404).end();
    return;
  }
  const statements = replay[Number(match[1]) % replay.length];
  run(statements).then(
    (rows) => {
      const body = JSON.stringify(rows);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    (error: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error.message);
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1');

let sealing = false;
const sealer = setInterval(() => {
  if (sealing) return;
  sealing = true;
  pool
    .query(`SELECT processing_log_seal(10000)`)
    .catch(() => undefined)
    .finally(() => (sealing = false));
}, 1000);
sealer.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
