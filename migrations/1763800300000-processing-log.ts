import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The processing log (verwerkingenlogging): the register of processing activities (AVG art. 30), the
 * exchangeable `processing_log` (fields of Logius "Logboek dataverwerkingen", no user identity) and the
 * internal `access_audit` (who, with which role and organisation, allowed or denied), joined by
 * trace_id + span_id.
 *
 * Append-only: gezinsplan_app may only SELECT and INSERT; the tables belong to the migration user; row
 * and TRUNCATE triggers refuse changes for everyone, superusers included (a superuser has to switch the
 * triggers off first, and whatever they then change or delete breaks the hash chain).
 *
 * Tamper evidence: one hash chain per table, so the exchangeable processing_log can be verified on its
 * own, without the access_audit that holds user identities. Both chains share one advisory lock: every
 * record() writes to both tables, so two locks would buy no concurrency and could deadlock when taken in
 * different orders. The BEFORE INSERT trigger (SECURITY DEFINER, so the application cannot bypass it)
 * takes the lock, reads the chain head, assigns chain_seq and computes the hash. The head lives in
 * `processing_log_chain_head` rather than being read from the last row: it lets the verifier notice
 * rows cut off the end of a chain, and SELECT ... FOR UPDATE on it raises a retryable serialization
 * failure (40001) in REPEATABLE READ / SERIALIZABLE transactions instead of forking the chain.
 */
const CHAIN_LOCK = 1763800300; // pg_advisory_xact_lock key of the processing-log chains
const GENESIS = '0'.repeat(64);

const SOCIAL_DOMAIN = 'Wmo 2015 art. 2.3.2; Jeugdwet art. 7.4.0; Participatiewet art. 64; Wgs art. 3 en 4a';
const WITH_CONSENT = `${SOCIAL_DOMAIN}; AVG art. 6 lid 1 sub a (toestemming) voor delen buiten de wettelijke taak`;
const GENERAL = 'AVG art. 6 lid 1 sub c/e';
const WMO = 'Wmo 2015 art. 2.3.2';
const JEUGD = 'Jeugdwet art. 7.4.0';
const PARTICIPATIE = 'Participatiewet art. 64';
const WGS = 'Wgs art. 3 en 4a';
const ONDERWIJS = 'Leerplichtwet 1969; Wet op het primair onderwijs art. 4 (leerlingenvervoer)';

type Activity = [id: string, name: string, purpose: string, legalBasis: string, pillar: string | null];

const indications = (pillar: string, key: string, label: string, legalBasis: string): Activity[] => [
  [
    `indications.${key}.read`,
    `Inzien indicaties ${label}`,
    `Indicaties ${label} met hun procedure inzien`,
    legalBasis,
    pillar,
  ],
  [
    `indications.${key}.write`,
    `Registreren indicaties ${label}`,
    `Meldingen, aanvragen, opschortingen en beschikkingen ${label} vastleggen`,
    legalBasis,
    pillar,
  ],
];

const PROCESSING_ACTIVITIES: Activity[] = [
  [
    'identity.authentication',
    'Inloggen en sessiebeheer',
    'Vaststellen wie een medewerker is en de toegang tot het systeem beveiligen',
    GENERAL,
    null,
  ],
  [
    'identity.accounts',
    'Gebruikersbeheer',
    'Accounts, rollen, teams en mandaten van medewerkers beheren',
    GENERAL,
    null,
  ],
  [
    'reference.data',
    'Beheer referentiegegevens',
    'Organisaties, teams, wijken, wijkservicepunten en productcatalogi beheren',
    GENERAL,
    null,
  ],
  [
    'households.search.index',
    'Zoeken in de huishoudensindex',
    'Vaststellen of een huishouden bekend is, welke domeinen betrokken zijn en wie de regisseur is, zodat de hulp kan worden afgestemd',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'households.search.bsn',
    'Zoeken op BSN',
    'Een inwoner eenduidig vinden bij een melding, aanvraag of signaal',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'households.dossier.read',
    'Inzien huishouddossier',
    'Samenstelling en gegevens van het huishouden inzien voor de uitvoering van het gezinsplan',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'households.dossier.write',
    'Registreren en wijzigen huishouden',
    'Huishouden, leden, adres en status vastleggen en actueel houden',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'households.case-team',
    'Beheer casusteam',
    'Vastleggen welke professionals bij het huishouden betrokken zijn en wie de regisseur is',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'households.consents',
    'Registratie toestemming',
    'Toestemming voor het delen van gegevens met andere organisaties vastleggen en intrekken, en kunnen aantonen',
    'AVG art. 6 lid 1 sub c/e; AVG art. 7 lid 1',
    null,
  ],
  [
    'households.representatives',
    'Beheer vertegenwoordigers',
    'Bewindvoerders, mentoren, curatoren en gemachtigden vastleggen zodat brieven en besluiten hen bereiken',
    GENERAL,
    null,
  ],
  [
    'households.referrals',
    'Verwijzingen',
    'Een huishouden of inwoner doorverwijzen naar een andere organisatie en de opvolging volgen',
    WITH_CONSENT,
    null,
  ],
  ...indications('WMO', 'wmo', 'Wmo (maatwerkvoorzieningen)', WMO),
  ...indications('JEUGD', 'jeugd', 'Jeugd (jeugdhulp en jeugdbescherming)', JEUGD),
  ...indications('PARTICIPATIE', 'participatie', 'Participatie (bijstand en re-integratie)', PARTICIPATIE),
  ...indications('SHV', 'shv', 'schuldhulpverlening', WGS),
  ...indications('ONDERWIJS', 'onderwijs', 'onderwijs (leerlingenvervoer en leerplicht)', ONDERWIJS),
  [
    'plans.read',
    'Inzien gezinsplan',
    'Het gezinsplan met doelen, acties en evaluaties inzien',
    WITH_CONSENT,
    null,
  ],
  [
    'plans.write',
    'Opstellen en wijzigen gezinsplan',
    'Doelen, acties en evaluaties van het gezinsplan vastleggen en een versie vaststellen met het gezin',
    WITH_CONSENT,
    null,
  ],
  [
    'plans.pdf',
    'Gezinsplan afdrukken',
    'Het gezinsplan als document aan het gezin verstrekken',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'budgets.request',
    'Aanvraag maatwerkbudget',
    'Een maatwerkbudget aanvragen en inzien voor doelen uit het gezinsplan',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'budgets.decision',
    'Besluit maatwerkbudget',
    'Binnen mandaat en volgens het vier-ogenprincipe beslissen over een aanvraag maatwerkbudget',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'budgets.payment',
    'Betaling maatwerkbudget',
    'Toegekend maatwerkbudget uitbetalen en verantwoorden',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'outreach.spreekuur',
    'Spreekuurcontacten',
    'Inloopcontacten bij wijkservicepunten vastleggen, doorverwijzen en opvolgen',
    `${WGS}; AVG art. 6 lid 1 sub a (toestemming)`,
    'SHV',
  ],
  [
    'outreach.signals.import',
    'Inlezen vroegsignalen',
    'Signalen van betalingsachterstanden (huur, energie, water, zorgverzekering) van schuldeisers ontvangen',
    WGS,
    'SHV',
  ],
  [
    'outreach.signals.follow-up',
    'Opvolgen vroegsignalen',
    'Inwoners met een betalingsachterstand hulp aanbieden en de uitkomst aan de schuldeiser terugkoppelen',
    WGS,
    'SHV',
  ],
  [
    'reviews.case-reviews',
    'Casusbesprekingen',
    'Casussen toetsen en bevindingen, afspraken en leerpunten vastleggen door de teamleider',
    SOCIAL_DOMAIN,
    null,
  ],
  [
    'reviews.casusboek.export',
    'Export casusboek',
    'Leerpunten geanonimiseerd exporteren voor het casusboek',
    GENERAL,
    null,
  ],
  [
    'reporting.monitor',
    'Monitorrapportages',
    'Geaggregeerde cijfers met celonderdrukking voor beleid; bevat geen persoonsgegevens',
    GENERAL,
    null,
  ],
  [
    'privacy.processing-log.search',
    'Doorzoeken verwerkingenlogging',
    'Toezicht door de functionaris gegevensbescherming op wie welke persoonsgegevens verwerkte',
    'AVG art. 6 lid 1 sub c; AVG art. 5 lid 2 en 32',
    null,
  ],
  [
    'privacy.access-request.export',
    'Inzageverzoek',
    'Een betrokkene alle gegevens over zichzelf verstrekken en wie die heeft ingezien',
    'AVG art. 6 lid 1 sub c; AVG art. 15',
    null,
  ],
  [
    'privacy.retention',
    'Bewaartermijnen',
    'Afgesloten casussen na de bewaartermijn anonimiseren en onbeantwoorde signalen verwijderen',
    'AVG art. 6 lid 1 sub c; AVG art. 5 lid 1 sub e',
    null,
  ],
  [
    'access.break-the-glass',
    'Noodtoegang',
    'In een noodsituatie een casus openen zonder lid te zijn van het casusteam; achteraf getoetst door de FG',
    SOCIAL_DOMAIN,
    null,
  ],
];

export class ProcessingLog1763800300000 implements MigrationInterface {
  name = 'ProcessingLog1763800300000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE processing_activity (
        id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$'),
        name text NOT NULL,
        purpose text NOT NULL,
        legal_basis text NOT NULL,
        pillar text CHECK (pillar IN ('WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'))
      )`);
    for (const [id, name, purpose, legalBasis, pillar] of PROCESSING_ACTIVITIES) {
      await q.query(
        `INSERT INTO processing_activity (id, name, purpose, legal_basis, pillar) VALUES ($1, $2, $3, $4, $5)`,
        [id, name, purpose, legalBasis, pillar],
      );
    }

    await q.query(`
      CREATE TABLE processing_log (
        id bigserial PRIMARY KEY,
        chain_seq bigint NOT NULL UNIQUE,
        trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
        span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
        parent_span_id text CHECK (parent_span_id ~ '^[0-9a-f]{16}$'),
        name text NOT NULL,
        start_time timestamptz NOT NULL DEFAULT now(),
        end_time timestamptz NOT NULL DEFAULT statement_timestamp(),
        status_code text NOT NULL CHECK (status_code IN ('OK', 'ERROR')),
        processing_activity_id text NOT NULL REFERENCES processing_activity (id),
        data_subject_id text NOT NULL CHECK (length(data_subject_id) BETWEEN 1 AND 200),
        data_subject_type text NOT NULL CHECK (data_subject_type IN ('person', 'household')),
        resource_type text NOT NULL CHECK (length(resource_type) BETWEEN 1 AND 100),
        resource_id text CHECK (length(resource_id) <= 200),
        household_id text CHECK (length(household_id) <= 200),
        action text NOT NULL CHECK (action IN ('read', 'search', 'create', 'update', 'delete', 'export')),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        row_hash text NOT NULL CHECK (row_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(
      `CREATE INDEX processing_log_data_subject_idx ON processing_log (data_subject_id, start_time)`,
    );
    await q.query(`CREATE INDEX processing_log_household_idx ON processing_log (household_id, start_time)`);
    await q.query(`CREATE INDEX processing_log_trace_idx ON processing_log (trace_id, span_id)`);

    await q.query(`
      CREATE TABLE access_audit (
        id bigserial PRIMARY KEY,
        chain_seq bigint NOT NULL UNIQUE,
        trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
        span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
        occurred_at timestamptz NOT NULL DEFAULT statement_timestamp(),
        user_id text,
        roles text[] NOT NULL DEFAULT '{}',
        organisation_id text,
        processing_activity_id text NOT NULL REFERENCES processing_activity (id),
        purpose text NOT NULL,
        legal_basis text NOT NULL,
        action text NOT NULL CHECK (action IN ('read', 'search', 'create', 'update', 'delete', 'export')),
        resource_type text NOT NULL CHECK (length(resource_type) BETWEEN 1 AND 100),
        resource_id text CHECK (length(resource_id) <= 200),
        household_id text CHECK (length(household_id) <= 200),
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
        reason text CHECK (length(reason) <= 1000),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        row_hash text NOT NULL CHECK (row_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX access_audit_user_idx ON access_audit (user_id, occurred_at)`);
    await q.query(`CREATE INDEX access_audit_household_idx ON access_audit (household_id, occurred_at)`);
    await q.query(`CREATE INDEX access_audit_trace_idx ON access_audit (trace_id, span_id)`);
    await q.query(
      `CREATE INDEX access_audit_denied_idx ON access_audit (occurred_at) WHERE outcome = 'denied'`,
    );

    await q.query(`
      CREATE TABLE processing_log_chain_head (
        chain text PRIMARY KEY CHECK (chain IN ('processing_log', 'access_audit')),
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await q.query(
      `INSERT INTO processing_log_chain_head VALUES ('processing_log', 0, $1), ('access_audit', 0, $1)`,
      [GENESIS],
    );

    // The canonical content lists its columns explicitly, so adding a column later leaves old hashes valid.
    await q.query(`
      CREATE FUNCTION processing_log_utc(t timestamptz) RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$`);
    await q.query(`
      CREATE FUNCTION processing_log_row_hash(r processing_log) RETURNS text
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT encode(digest(r.prev_hash || jsonb_build_array(
          r.chain_seq, r.id, r.trace_id, r.span_id, r.parent_span_id, r.name,
          processing_log_utc(r.start_time), processing_log_utc(r.end_time), r.status_code,
          r.processing_activity_id, r.data_subject_id, r.data_subject_type,
          r.resource_type, r.resource_id, r.household_id, r.action
        )::text, 'sha256'), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION access_audit_row_hash(r access_audit) RETURNS text
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT encode(digest(r.prev_hash || jsonb_build_array(
          r.chain_seq, r.id, r.trace_id, r.span_id, processing_log_utc(r.occurred_at),
          r.user_id, to_jsonb(r.roles), r.organisation_id, r.processing_activity_id,
          r.purpose, r.legal_basis, r.action, r.resource_type, r.resource_id, r.household_id,
          r.outcome, r.reason
        )::text, 'sha256'), 'hex')
      $$`);

    await q.query(`
      CREATE FUNCTION processing_log_append() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head processing_log_chain_head%ROWTYPE;
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        SELECT * INTO STRICT head FROM processing_log_chain_head WHERE chain = TG_TABLE_NAME FOR UPDATE;
        NEW.chain_seq := head.last_seq + 1;
        NEW.prev_hash := head.last_hash;
        IF TG_TABLE_NAME = 'access_audit' THEN
          -- Purpose and legal basis always come from the register, never from the caller.
          SELECT a.purpose, a.legal_basis INTO NEW.purpose, NEW.legal_basis
            FROM processing_activity a WHERE a.id = NEW.processing_activity_id;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'unknown processing activity %', NEW.processing_activity_id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          NEW.row_hash := access_audit_row_hash(NEW);
        ELSE
          NEW.row_hash := processing_log_row_hash(NEW);
        END IF;
        UPDATE processing_log_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash
          WHERE chain = TG_TABLE_NAME;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION processing_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);

    for (const table of ['processing_log', 'access_audit']) {
      await q.query(`CREATE TRIGGER ${table}_append BEFORE INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION processing_log_append()`);
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION processing_log_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION processing_log_refuse_change()`);
      // Default privileges (first migration) granted UPDATE and DELETE; the log is append-only.
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM gezinsplan_app`);
      await q.query(`GRANT SELECT, INSERT ON ${table} TO gezinsplan_app`);
      await q.query(`REVOKE ALL ON SEQUENCE ${table}_id_seq FROM gezinsplan_app`);
      await q.query(`GRANT USAGE ON SEQUENCE ${table}_id_seq TO gezinsplan_app`);
    }
    await q.query(`CREATE TRIGGER processing_log_chain_head_no_delete BEFORE DELETE ON processing_log_chain_head
      FOR EACH ROW EXECUTE FUNCTION processing_log_refuse_change()`);
    await q.query(`CREATE TRIGGER processing_log_chain_head_no_truncate BEFORE TRUNCATE ON processing_log_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION processing_log_refuse_change()`);
    // Only the insert trigger (running as the owner) moves the head; the application may read it.
    await q.query(`REVOKE ALL ON processing_log_chain_head FROM gezinsplan_app`);
    await q.query(`GRANT SELECT ON processing_log_chain_head TO gezinsplan_app`);
    // The register is reference data, changed by migrations only.
    await q.query(`REVOKE ALL ON processing_activity FROM gezinsplan_app`);
    await q.query(`GRANT SELECT ON processing_activity TO gezinsplan_app`);
  }

  async down(q: QueryRunner) {
    // The row-hash functions take the tables' row types, so they go first.
    await q.query(
      `DROP FUNCTION access_audit_row_hash(access_audit), processing_log_row_hash(processing_log)`,
    );
    await q.query(`DROP TABLE access_audit, processing_log, processing_log_chain_head`);
    await q.query(`DROP FUNCTION processing_log_append(), processing_log_refuse_change()`);
    await q.query(`DROP FUNCTION processing_log_utc(timestamptz)`);
    await q.query(`DROP TABLE processing_activity`);
  }
}
