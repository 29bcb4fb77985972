/**
 * Who the benchmarks act as, and on what: chosen from the generated data by SQL, deterministically.
 *  - B1: regisseurs (consulenten of Maastricht area teams with a typical caseload) and the active
 *    households they are regisseur of;
 *  - B2: the teamleider of the largest Maastricht team, with search terms that exist in the data.
 */
import { sql } from './bench-env';

export interface Regisseur {
  email: string;
  userId: string;
  households: string[];
}

export async function pickRegisseurs(ownerUrl: string, count: number): Promise<Regisseur[]> {
  const rows = await sql<{ email: string; id: string; households: string[] }>(
    ownerUrl,
    `WITH caseloads AS (
       SELECT u.id, u.email, array_agg(c.household_id ORDER BY c.household_id) AS households, count(*) AS n
         FROM case_team_member c
         JOIN user_account u ON u.id = c.user_id
         JOIN household h ON h.id = c.household_id AND h.status = 'active'
        WHERE c.case_role = 'regisseur' AND c.left_at IS NULL AND u.email LIKE 'consulent.%'
          AND h.municipality_id = 'a1000000-0000-4000-8000-000000000001'
        GROUP BY u.id, u.email)
     SELECT id, email, households FROM caseloads
      WHERE n BETWEEN (SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY n) FROM caseloads)
                  AND (SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY n) FROM caseloads)
      ORDER BY md5(email) LIMIT $1`,
    [count],
  );
  return rows.map((r) => ({ email: r.email, userId: r.id, households: r.households }));
}

export interface Teamleider {
  email: string;
  userId: string;
  teamId: string;
  /** Households the teamleider sees in full (a team member is on the case team). */
  ledHouseholds: number;
  names: string[];
  postcodes: string[];
  bsns: string[];
}

export async function pickTeamleider(ownerUrl: string): Promise<Teamleider> {
  const [lead] = await sql<{ email: string; id: string; team_id: string; households: number }>(
    ownerUrl,
    `SELECT u.email, u.id, t.team_id,
            (SELECT count(DISTINCT c.household_id)::int FROM case_team_member c
               JOIN user_team m ON m.user_id = c.user_id AND m.team_id = t.team_id
              WHERE c.left_at IS NULL) AS households
       FROM user_account u JOIN user_team t ON t.user_id = u.id AND t.is_lead
      WHERE u.email LIKE 'teamleider.%' AND 'a1000000-0000-4000-8000-000000000001' = ANY(
              SELECT municipality_id FROM user_municipality WHERE user_id = u.id)
      ORDER BY households DESC, u.email LIMIT 1`,
  );
  // Search terms that occur in the data (partial names, postcodes, BSNs of current members).
  const names = await sql<{ term: string }>(
    ownerUrl,
    `SELECT lower(left(family_name, 5)) AS term FROM person WHERE family_name IS NOT NULL
      GROUP BY 1 ORDER BY md5(lower(left(family_name, 5))) LIMIT 40`,
  );
  const postcodes = await sql<{ postcode: string }>(
    ownerUrl,
    `SELECT postcode FROM household WHERE municipality_id = 'a1000000-0000-4000-8000-000000000001'
        AND postcode IS NOT NULL GROUP BY postcode ORDER BY md5(postcode) LIMIT 40`,
  );
  const bsns = await sql<{ bsn: string }>(
    ownerUrl,
    `SELECT p.bsn FROM person p JOIN household_member m ON m.person_id = p.id AND m.left_on IS NULL
       JOIN household h ON h.id = m.household_id AND h.municipality_id = 'a1000000-0000-4000-8000-000000000001'
      WHERE p.bsn IS NOT NULL ORDER BY md5(p.bsn) LIMIT 40`,
  );
  return {
    email: lead.email,
    userId: lead.id,
    teamId: lead.team_id,
    ledHouseholds: lead.households,
    names: names.map((r) => r.term),
    postcodes: postcodes.map((r) => r.postcode),
    bsns: bsns.map((r) => r.bsn),
  };
}

/** The B2 mix: what a teamleider does in a day, in rough proportions. */
export type B2Kind =
  'search-name' | 'search-postcode' | 'search-bsn' | 'worklist-procedures' | 'worklist-plans';
export const B2_KINDS: B2Kind[] = [
  'search-name',
  'search-postcode',
  'search-bsn',
  'worklist-procedures',
  'worklist-plans',
];

export function b2Request(
  kind: B2Kind,
  t: Teamleider,
  i: number,
): { method: 'GET' | 'POST'; path: string; body?: unknown } {
  switch (kind) {
    case 'search-name':
      return {
        method: 'POST',
        path: '/api/v1/households/search',
        body: { name: t.names[i % t.names.length] },
      };
    case 'search-postcode':
      return {
        method: 'POST',
        path: '/api/v1/households/search',
        body: { postcode: t.postcodes[i % t.postcodes.length] },
      };
    case 'search-bsn':
      return { method: 'POST', path: '/api/v1/households/search', body: { bsn: t.bsns[i % t.bsns.length] } };
    case 'worklist-procedures':
      return { method: 'GET', path: `/api/v1/worklists/procedures?scope=team&page=${1 + (i % 3)}` };
    case 'worklist-plans':
      return { method: 'GET', path: `/api/v1/worklists/plans?scope=all&page=${1 + (i % 3)}` };
  }
}
