import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from 'supertest';
import { DemoUserKey } from '@app/identity';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

/** Every role but the privacy officer: none of them may use a privacy endpoint. */
export const NOT_PRIVACY_OFFICERS: DemoUserKey[] = [
  'consulentWmo',
  'consulentJeugd',
  'sociaalTeamMedewerker',
  'schuldhulpverlener',
  'financialCoach',
  'teamleider',
  'beleidsmedewerker',
  'functioneelBeheerder',
];

/** The text of a PDF, as a reader (or a screen reader) gets it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gezinsplan-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (result.error)
      throw new Error(`pdftotext is needed for this test (poppler-utils): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** supertest: collect a binary body (a PDF, or JSON as sent) as a Buffer. */
export const binary = ((res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<Test['parse']>[0];

/** Requests as a demo user, every answer passed through the kit (error bodies are checked for leaks). */
export function requester(t: TestApp, kit: IdentityKit) {
  return {
    post: async (as: DemoUserKey, path: string, body: object = {}) =>
      kit.seen(
        await t
          .http()
          .post(path)
          .set(kit.bearer(await kit.as(as)))
          .send(body),
      ),
    get: async (as: DemoUserKey, path: string) =>
      kit.seen(
        await t
          .http()
          .get(path)
          .set(kit.bearer(await kit.as(as))),
      ),
  };
}

/** A processing-log span written as the owner would (the trigger still chains it), at a chosen time. */
export async function insertSpan(
  t: TestApp,
  span: {
    at: string;
    userId: string | null;
    roles?: string[];
    organisationId?: string | null;
    activityId?: string;
    outcome?: 'allowed' | 'denied';
    householdId?: string | null;
    persons?: string[];
    households?: string[];
  },
): Promise<string> {
  const hex = (n: number) => [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
  const traceId = hex(32);
  const spanId = hex(16);
  const activity = span.activityId ?? 'households.dossier.read';
  const outcome = span.outcome ?? 'allowed';
  const client = await t.db.connect();
  try {
    await client.query('BEGIN');
    const subjects = [
      ...(span.households ?? []).map((id) => ['household', id]),
      ...(span.persons ?? []).map((id) => ['person', id]),
    ];
    for (const [type, id] of subjects) {
      await client.query(
        `INSERT INTO processing_log (trace_id, span_id, name, start_time, end_time, status_code,
           processing_activity_id, data_subject_id, data_subject_type, resource_type, household_id, action)
         VALUES ($1, $2, $3, $4, $4, $5, $3, $6, $7, 'Household', $8, 'read')`,
        [
          traceId,
          spanId,
          activity,
          span.at,
          outcome === 'denied' ? 'ERROR' : 'OK',
          id,
          type,
          span.householdId ?? null,
        ],
      );
    }
    await client.query(
      `INSERT INTO access_audit (trace_id, span_id, occurred_at, user_id, roles, organisation_id,
         processing_activity_id, purpose, legal_basis, action, resource_type, household_id, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', '', 'read', 'Household', $8, $9)`,
      [
        traceId,
        spanId,
        span.at,
        span.userId,
        span.roles ?? ['consulent'],
        span.organisationId ?? null,
        activity,
        span.householdId ?? null,
        outcome,
      ],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return spanId;
}
