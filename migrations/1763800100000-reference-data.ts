import { MigrationInterface, QueryRunner } from 'typeorm';

// Fixed ids: seeds and tests of other modules refer to them (libs/reference/src/reference-ids.ts).
const MUNICIPALITIES: [id: string, code: string, name: string][] = [
  ['a1000000-0000-4000-8000-000000000001', 'maastricht', 'Maastricht'],
  ['a1000000-0000-4000-8000-000000000002', 'eijsden-margraten', 'Eijsden-Margraten'],
  ['a1000000-0000-4000-8000-000000000003', 'gulpen-wittem', 'Gulpen-Wittem'],
  ['a1000000-0000-4000-8000-000000000004', 'meerssen', 'Meerssen'],
  ['a1000000-0000-4000-8000-000000000005', 'vaals', 'Vaals'],
  ['a1000000-0000-4000-8000-000000000006', 'valkenburg-aan-de-geul', 'Valkenburg aan de Geul'],
];
const MAASTRICHT = MUNICIPALITIES[0][0];

// The Monitor Toekomstagenda Sociaal Domein 2018 names these buurten/wijken but gives only shares of
// inhabitants with a provision, no inhabitant counts. The counts below are rounded, plausible
// approximations for demo and reporting tests; replace them with CBS figures in production.
const MAASTRICHT_NEIGHBOURHOODS: [name: string, inhabitants: number][] = [
  ['Pottenberg', 2800],
  ['Malpertuis', 2100],
  ['Caberg', 3100],
  ['Nazareth', 3000],
  ['Malberg', 3700],
  ['Wittevrouwenveld', 3600],
  ['Campagne', 1900],
  ['Oud-Caberg/Lanakerveld', 2300],
  ['Mariaberg', 2700],
  ['Wyckerpoort', 3300],
  ['Limmel', 2900],
  ['Boschpoort', 1500],
  ['Bosscherveld', 200],
  ['Vroendaal', 1400],
  // Not named in the monitor; added so every address in the city has a neighbourhood (also approximations).
  ['Binnenstad', 6900],
  ['Wyck', 4000],
  ['Céramique', 3000],
  ['Randwyck', 1200],
  ['Heer', 8500],
  ['Scharn', 4500],
  ['Amby', 6300],
  ['Heugem', 2500],
  ['Daalhof', 5500],
  ['Brusselsepoort', 4400],
  ['Belfort', 3700],
  ['Sint Pieter', 3900],
];

// One neighbourhood per Heuvelland municipality until its kernen are entered; the count is the
// approximate population of the whole municipality.
const HEUVELLAND_KERNEN: [municipalityId: string, name: string, inhabitants: number][] = [
  [MUNICIPALITIES[1][0], 'Kern Eijsden-Margraten', 25700],
  [MUNICIPALITIES[2][0], 'Kern Gulpen-Wittem', 14300],
  [MUNICIPALITIES[3][0], 'Kern Meerssen', 18900],
  [MUNICIPALITIES[4][0], 'Kern Vaals', 9800],
  [MUNICIPALITIES[5][0], 'Kern Valkenburg aan de Geul', 16200],
];

// The council letter of April 2026 speaks of six wijkservicepunten (coordinated by Trajekt) but names
// only these three, where the financial coaches hold spreekuur. It does not say where De Rink is.
// The functioneel beheerder adds the others through the reference API.
const WIJKSERVICEPUNTEN: [name: string, neighbourhood: string | null][] = [
  ['Wijkservicepunt Nazareth', 'Nazareth'],
  ['Wijkservicepunt Pottenberg', 'Pottenberg'],
  ['Wijkservicepunt De Rink', null],
];

const ORGANISATIONS: [id: string, name: string, kind: string][] = [
  ['b2000000-0000-4000-8000-000000000001', 'SZMH', 'szmh'],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n): [string, string, string] => [
    `b2000000-0000-4000-8000-00000000001${n}`,
    `Sociaal Team ${n}`,
    'sociaal-team',
  ]),
  ['b2000000-0000-4000-8000-000000000021', 'Kredietbank Limburg', 'kbl'],
  ['b2000000-0000-4000-8000-000000000031', 'Financieel coaches SZMH', 'financial-coaching'],
  ['b2000000-0000-4000-8000-000000000041', 'Gemeente Maastricht', 'municipality'],
];

const SZMH = ORGANISATIONS[0][0];
const TEAMS: [id: string, organisationId: string, name: string, municipalityId: string | null][] = [
  ['c3000000-0000-4000-8000-000000000001', SZMH, 'SZMH Team Noordwest', MAASTRICHT],
  ['c3000000-0000-4000-8000-000000000002', SZMH, 'SZMH Team Noordoost', MAASTRICHT],
  ['c3000000-0000-4000-8000-000000000003', SZMH, 'SZMH Team Zuidwest', MAASTRICHT],
  ['c3000000-0000-4000-8000-000000000004', SZMH, 'SZMH Team Zuidoost', MAASTRICHT],
  ['c3000000-0000-4000-8000-000000000005', SZMH, 'SZMH Team Heuvelland', null],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n): [string, string, string, string] => [
    `c3000000-0000-4000-8000-00000000001${n}`,
    `b2000000-0000-4000-8000-00000000001${n}`,
    `Sociaal Team ${n}`,
    MAASTRICHT,
  ]),
  ['c3000000-0000-4000-8000-000000000021', ORGANISATIONS[9][0], 'KBL Schuldhulpverlening', null],
  ['c3000000-0000-4000-8000-000000000031', ORGANISATIONS[10][0], 'Financiële coaches', MAASTRICHT],
];

export class ReferenceData1763800100000 implements MigrationInterface {
  name = 'ReferenceData1763800100000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT municipality_code_format CHECK (code ~ '^[a-z][a-z0-9-]{1,62}$'),
        name text NOT NULL CONSTRAINT municipality_name_not_blank CHECK (btrim(name) <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT municipality_code_key UNIQUE (code)
      )`);
    await q.query(`CREATE UNIQUE INDEX municipality_name_key ON municipality (lower(name))`);

    await q.query(`
      CREATE TABLE neighbourhood (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name text NOT NULL CONSTRAINT neighbourhood_name_not_blank CHECK (btrim(name) <> ''),
        inhabitants integer NOT NULL CONSTRAINT neighbourhood_inhabitants_non_negative CHECK (inhabitants >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- lets other tables require that a neighbourhood lies in the record's municipality
        CONSTRAINT neighbourhood_id_municipality_key UNIQUE (id, municipality_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX neighbourhood_municipality_name_key ON neighbourhood (municipality_id, lower(name))`,
    );

    await q.query(`
      CREATE TABLE wijkservicepunt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        neighbourhood_id uuid,
        name text NOT NULL CONSTRAINT wijkservicepunt_name_not_blank CHECK (btrim(name) <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT wijkservicepunt_neighbourhood_fk FOREIGN KEY (neighbourhood_id, municipality_id)
          REFERENCES neighbourhood (id, municipality_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX wijkservicepunt_name_key ON wijkservicepunt (lower(name))`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT organisation_name_not_blank CHECK (btrim(name) <> ''),
        kind text NOT NULL CONSTRAINT organisation_kind_known
          CHECK (kind IN ('szmh', 'sociaal-team', 'kbl', 'financial-coaching', 'municipality')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name))`);

    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL CONSTRAINT team_name_not_blank CHECK (btrim(name) <> ''),
        municipality_id uuid REFERENCES municipality (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX team_organisation_name_key ON team (organisation_id, lower(name))`);

    for (const [id, code, name] of MUNICIPALITIES) {
      await q.query(`INSERT INTO municipality (id, code, name) VALUES ($1, $2, $3)`, [id, code, name]);
    }
    for (const [name, inhabitants] of MAASTRICHT_NEIGHBOURHOODS) {
      await q.query(`INSERT INTO neighbourhood (municipality_id, name, inhabitants) VALUES ($1, $2, $3)`, [
        MAASTRICHT,
        name,
        inhabitants,
      ]);
    }
    for (const [municipalityId, name, inhabitants] of HEUVELLAND_KERNEN) {
      await q.query(`INSERT INTO neighbourhood (municipality_id, name, inhabitants) VALUES ($1, $2, $3)`, [
        municipalityId,
        name,
        inhabitants,
      ]);
    }
    for (const [name, neighbourhood] of WIJKSERVICEPUNTEN) {
      await q.query(
        `INSERT INTO wijkservicepunt (municipality_id, neighbourhood_id, name)
         VALUES ($1, (SELECT id FROM neighbourhood WHERE municipality_id = $1 AND name = $2), $3)`,
        [MAASTRICHT, neighbourhood, name],
      );
    }
    for (const [id, name, kind] of ORGANISATIONS) {
      await q.query(`INSERT INTO organisation (id, name, kind) VALUES ($1, $2, $3)`, [id, name, kind]);
    }
    for (const [id, organisationId, name, municipalityId] of TEAMS) {
      await q.query(`INSERT INTO team (id, organisation_id, name, municipality_id) VALUES ($1, $2, $3, $4)`, [
        id,
        organisationId,
        name,
        municipalityId,
      ]);
    }
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE wijkservicepunt`);
    await q.query(`DROP TABLE neighbourhood`);
    await q.query(`DROP TABLE municipality`);
  }
}
