import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indications (indicaties / voorzieningen) with their procedure: the product catalogue per pillar,
 * the indication itself (melding, first conversation, aanvraag, beschikking, provision period),
 * suspensions (opschorting) of its legal clock and bezwaren with their own clock.
 *
 * Every case record carries its household and municipality (DESIGN.md rule 1). The database backs the
 * service's rules up: a product belongs to the indication's pillar (composite foreign key), procedure
 * dates follow each other, status and procedure facts agree, suspensions of one indication never
 * overlap (exclusion constraint) and an indication has at most one open bezwaar.
 *
 * `deadline` / `deadline_clock` hold the deadline of the clock that is running now, recomputed by the
 * service on every write from the pure functions in libs/indications/src/legal-clocks.ts, so that the
 * worklists can filter and sort on it in SQL.
 */
const PILLARS = `'WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'`;
const STATUSES = `'melding', 'in_behandeling', 'toegekend', 'afgewezen', 'buiten_behandeling', 'ingetrokken', 'beeindigd'`;
const OUTCOMES = `'toegekend', 'afgewezen', 'buiten_behandeling'`;
const THREATS = `'huisuitzetting', 'afsluiting_energie', 'afsluiting_water', 'beeindiging_zorgverzekering'`;
const BEZWAAR_OUTCOMES = `'ingetrokken', 'niet_ontvankelijk', 'ongegrond', 'deels_gegrond', 'gegrond'`;

// Fixed ids: seeds and tests refer to them (libs/indications/src/catalogue-ids.ts spells out the same).
// Jeugd products share one category: the summary others see must not reveal jeugdbescherming (rule 3).
const PRODUCTS: [id: string, pillar: string, code: string, name: string, category: string][] = [
  [
    'd4000000-0000-4000-8000-000000000101',
    'WMO',
    'wmo-hbh',
    'Hulp bij het huishouden',
    'huishoudelijke hulp',
  ],
  [
    'd4000000-0000-4000-8000-000000000102',
    'WMO',
    'wmo-begeleiding-individueel',
    'Begeleiding individueel',
    'begeleiding',
  ],
  [
    'd4000000-0000-4000-8000-000000000103',
    'WMO',
    'wmo-begeleiding-groep',
    'Begeleiding groep',
    'begeleiding',
  ],
  [
    'd4000000-0000-4000-8000-000000000104',
    'WMO',
    'wmo-beschermd-wonen',
    'Beschermd wonen',
    'beschermd wonen',
  ],
  ['d4000000-0000-4000-8000-000000000105', 'WMO', 'wmo-collectief-vervoer', 'Collectief vervoer', 'vervoer'],
  ['d4000000-0000-4000-8000-000000000201', 'JEUGD', 'jeugd-ambulant', 'Ambulante jeugdhulp', 'jeugdhulp'],
  ['d4000000-0000-4000-8000-000000000202', 'JEUGD', 'jeugd-verblijf', 'Jeugdhulp met verblijf', 'jeugdhulp'],
  [
    'd4000000-0000-4000-8000-000000000203',
    'JEUGD',
    'jeugd-jeugdbescherming',
    'Jeugdbescherming',
    'jeugdhulp',
  ],
  [
    'd4000000-0000-4000-8000-000000000301',
    'PARTICIPATIE',
    'participatie-levensonderhoud',
    'Levensonderhoud (bijstand)',
    'inkomen',
  ],
  [
    'd4000000-0000-4000-8000-000000000302',
    'PARTICIPATIE',
    'participatie-bijzondere-bijstand-incidenteel',
    'Bijzondere bijstand incidenteel',
    'bijzondere bijstand',
  ],
  [
    'd4000000-0000-4000-8000-000000000303',
    'PARTICIPATIE',
    'participatie-bijzondere-bijstand-periodiek',
    'Bijzondere bijstand periodiek',
    'bijzondere bijstand',
  ],
  [
    'd4000000-0000-4000-8000-000000000304',
    'PARTICIPATIE',
    'participatie-re-integratie',
    'Re-integratie',
    're-integratie',
  ],
  ['d4000000-0000-4000-8000-000000000401', 'SHV', 'shv-mesis', 'MESIS-screening', 'screening'],
  ['d4000000-0000-4000-8000-000000000402', 'SHV', 'shv-stabilisatie', 'Stabilisatie', 'stabilisatie'],
  ['d4000000-0000-4000-8000-000000000403', 'SHV', 'shv-budgetbeheer', 'Budgetbeheer', 'budgetbeheer'],
  ['d4000000-0000-4000-8000-000000000404', 'SHV', 'shv-minnelijk', 'Minnelijk traject', 'schuldregeling'],
  ['d4000000-0000-4000-8000-000000000405', 'SHV', 'shv-wsnp', 'WSNP', 'schuldregeling'],
  [
    'd4000000-0000-4000-8000-000000000406',
    'SHV',
    'shv-betalingsregeling',
    'Betalingsregeling',
    'betalingsregeling',
  ],
  [
    'd4000000-0000-4000-8000-000000000501',
    'ONDERWIJS',
    'onderwijs-leerlingenvervoer',
    'Leerlingenvervoer',
    'leerlingenvervoer',
  ],
];

// Route-level activities of the indication endpoints, which handle several pillars. Every processing_log
// row of an indication is written under its own pillar's activity (indications.<pillar>.read|write);
// these two appear only where no single pillar applies (a refused request, an empty list).
const ACTIVITIES: [id: string, name: string, purpose: string][] = [
  [
    'indications.read',
    'Inzien indicaties (overzichten)',
    'Indicaties van een huishouden en de werkvoorraad met wettelijke termijnen inzien, per pijler zoals de toegangsregels toestaan',
  ],
  [
    'indications.write',
    'Registreren indicaties (algemeen)',
    'Meldingen, aanvragen, opschortingen, beschikkingen en bezwaren vastleggen in de pijler van de indicatie',
  ],
];
const SOCIAL_DOMAIN = 'Wmo 2015 art. 2.3.2; Jeugdwet art. 7.4.0; Participatiewet art. 64; Wgs art. 3 en 4a';

export class Indications1763800500000 implements MigrationInterface {
  name = 'Indications1763800500000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pillar text NOT NULL CHECK (pillar IN (${PILLARS})),
        code text NOT NULL CONSTRAINT product_code_unique UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        category text NOT NULL CHECK (length(trim(category)) BETWEEN 1 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT product_id_pillar UNIQUE (id, pillar),
        CONSTRAINT product_jeugd_category CHECK (pillar <> 'JEUGD' OR category = 'jeugdhulp')
      )`);
    await q.query(`CREATE UNIQUE INDEX product_name_per_pillar ON product (pillar, lower(name))`);
    for (const [id, pillar, code, name, category] of PRODUCTS) {
      await q.query(`INSERT INTO product (id, pillar, code, name, category) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        pillar,
        code,
        name,
        category,
      ]);
    }

    await q.query(`
      CREATE TABLE indication (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid NOT NULL REFERENCES person(id),
        pillar text NOT NULL CHECK (pillar IN (${PILLARS})),
        product_id uuid NOT NULL,
        form text CHECK (form IN ('ZiN', 'PGB')),
        provider text CHECK (length(provider) <= 200),
        reason text CHECK (length(reason) <= 2000),
        notes text CHECK (length(notes) <= 4000),
        status text NOT NULL CHECK (status IN (${STATUSES})),
        melding_date date NOT NULL,
        aanvraag_date date,
        first_conversation_date date,
        threat text CHECK (threat IN (${THREATS})),
        beschikking_date date,
        beschikking_outcome text CHECK (beschikking_outcome IN (${OUTCOMES})),
        start_date date,
        end_date date,
        withdrawn_on date,
        deadline date,
        deadline_clock text CHECK (deadline_clock IN ('eerste_gesprek', 'beschikking', 'bezwaar')),
        handler_user_id uuid REFERENCES user_account(id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indication_product_of_pillar FOREIGN KEY (product_id, pillar) REFERENCES product (id, pillar),
        CONSTRAINT indication_form_only_wmo_jeugd CHECK (form IS NULL OR pillar IN ('WMO', 'JEUGD')),
        CONSTRAINT indication_shv_facts CHECK (
          pillar = 'SHV' OR (first_conversation_date IS NULL AND threat IS NULL)),
        CONSTRAINT indication_shv_has_no_aanvraag CHECK (pillar <> 'SHV' OR aanvraag_date IS NULL),
        CONSTRAINT indication_aanvraag_after_melding CHECK (aanvraag_date >= melding_date),
        CONSTRAINT indication_conversation_after_melding CHECK (first_conversation_date >= melding_date),
        CONSTRAINT indication_beschikking_complete CHECK ((beschikking_date IS NULL) = (beschikking_outcome IS NULL)),
        CONSTRAINT indication_beschikking_after_melding CHECK (beschikking_date >= melding_date),
        CONSTRAINT indication_beschikking_after_request CHECK (
          beschikking_date >= COALESCE(aanvraag_date, first_conversation_date)),
        CONSTRAINT indication_beschikking_needs_request CHECK (
          beschikking_date IS NULL OR COALESCE(aanvraag_date, first_conversation_date) IS NOT NULL),
        CONSTRAINT indication_withdrawn_after_melding CHECK (withdrawn_on >= melding_date),
        CONSTRAINT indication_period CHECK (end_date >= start_date),
        CONSTRAINT indication_period_only_when_granted CHECK (
          start_date IS NULL OR beschikking_outcome = 'toegekend'),
        CONSTRAINT indication_status_matches_outcome CHECK (
          status NOT IN (${OUTCOMES}) OR beschikking_outcome = status),
        CONSTRAINT indication_ended_was_granted CHECK (
          status <> 'beeindigd' OR (beschikking_outcome = 'toegekend' AND end_date IS NOT NULL)),
        CONSTRAINT indication_undecided_has_no_beschikking CHECK (
          status NOT IN ('melding', 'in_behandeling') OR beschikking_date IS NULL),
        CONSTRAINT indication_withdrawn_status CHECK ((status = 'ingetrokken') = (withdrawn_on IS NOT NULL)),
        CONSTRAINT indication_in_behandeling_has_request CHECK (
          status <> 'in_behandeling' OR COALESCE(aanvraag_date, first_conversation_date) IS NOT NULL),
        CONSTRAINT indication_deadline_complete CHECK ((deadline IS NULL) = (deadline_clock IS NULL))
      )`);
    await q.query(`CREATE INDEX indication_household ON indication (household_id)`);
    await q.query(`CREATE INDEX indication_person ON indication (person_id)`);
    await q.query(
      `CREATE INDEX indication_handler_deadline ON indication (handler_user_id, deadline) WHERE deadline IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE indication_suspension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indication_id uuid NOT NULL REFERENCES indication(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        start_date date NOT NULL,
        end_date date,
        reason text NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT suspension_period CHECK (end_date IS NULL OR end_date >= start_date),
        -- Both ends inclusive: back-to-back periods (1-10, 11-20) are fine, a shared day is not.
        CONSTRAINT suspension_no_overlap EXCLUDE USING gist (
          indication_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
      )`);

    await q.query(`
      CREATE TABLE indication_bezwaar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indication_id uuid NOT NULL REFERENCES indication(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        received_date date NOT NULL,
        decision_date date,
        outcome text CHECK (outcome IN (${BEZWAAR_OUTCOMES})),
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bezwaar_decision_complete CHECK ((decision_date IS NULL) = (outcome IS NULL)),
        CONSTRAINT bezwaar_decided_after_received CHECK (decision_date >= received_date)
      )`);
    await q.query(`CREATE INDEX indication_bezwaar_indication ON indication_bezwaar (indication_id)`);
    await q.query(
      `CREATE UNIQUE INDEX indication_bezwaar_one_open ON indication_bezwaar (indication_id) WHERE decision_date IS NULL`,
    );

    for (const [id, name, purpose] of ACTIVITIES) {
      await q.query(
        `INSERT INTO processing_activity (id, name, purpose, legal_basis, pillar) VALUES ($1, $2, $3, $4, NULL)`,
        [id, name, purpose, SOCIAL_DOMAIN],
      );
    }
  }

  async down(q: QueryRunner) {
    for (const table of ['indication_bezwaar', 'indication_suspension', 'indication', 'product']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    // The processing log is append-only: an activity that was used stays in the register.
    await q.query(
      `DELETE FROM processing_activity a WHERE a.id = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM processing_log l WHERE l.processing_activity_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM access_audit u WHERE u.processing_activity_id = a.id)`,
      [ACTIVITIES.map(([id]) => id)],
    );
  }
}
