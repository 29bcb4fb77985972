import { EntityManager } from 'typeorm';
import { FLAG_LABELS, FlagKind } from './entities';

export interface ReviewFacts {
  lastReviewOn: string | null;
  nextReviewOn: string | null;
  flags: { kind: FlagKind; label: string; since: string }[];
}

/** This context's own facts of many households in one query (ids as one array parameter). */
export async function reviewFactsOf(
  m: EntityManager,
  householdIds: string[],
): Promise<Map<string, ReviewFacts>> {
  const facts = new Map<string, ReviewFacts>(
    householdIds.map((id) => [id, { lastReviewOn: null, nextReviewOn: null, flags: [] }]),
  );
  if (householdIds.length === 0) return facts;
  const reviews = await m.query<
    { household_id: string; reviewed_on: string; next_review_on: string | null }[]
  >(
    `SELECT DISTINCT ON (household_id) household_id, reviewed_on::text, next_review_on::text
       FROM case_review WHERE household_id = ANY($1::uuid[])
      ORDER BY household_id, reviewed_on DESC, created_at DESC`,
    [householdIds],
  );
  for (const r of reviews) {
    Object.assign(facts.get(r.household_id)!, {
      lastReviewOn: r.reviewed_on,
      nextReviewOn: r.next_review_on,
    });
  }
  const flags = await m.query<{ household_id: string; kind: FlagKind; since: string }[]>(
    `SELECT household_id, kind, since::text FROM review_flag
      WHERE household_id = ANY($1::uuid[]) ORDER BY household_id, kind`,
    [householdIds],
  );
  for (const f of flags)
    facts.get(f.household_id)!.flags.push({ kind: f.kind, label: FLAG_LABELS[f.kind], since: f.since });
  return facts;
}

const DAY_MS = 86_400_000;
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
