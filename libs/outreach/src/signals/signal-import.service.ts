import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService, DataSubject } from '@app/audit';
import { addDays, Clock, DomainError, ErrorCode } from '@app/core';
import { HouseholdsService, KnownResident } from '@app/households';
import { SignalImport } from '../entities';
import { outreachConfig, OutreachConfig } from '../outreach.config';
import { LineError, naturalKey, parseSignalCsv, SignalRow } from './signal-csv';
import { regroupAddresses } from './signal-grouping';

/** Imports are serialised: the duplicate check and the grouping see every committed signal. */
export const SIGNAL_IMPORT_LOCK = 1763800801;
/** Keys per duplicate lookup: keeps each statement's parameter arrays small. */
const LOOKUP_CHUNK = 2000;
const ACTIVITY = 'outreach.signals.import';
const NOT_STORED = 'Er is niets opgeslagen door een storing; upload het bestand later opnieuw.';
const EARLIEST = '2021-01-01'; // vroegsignalering became a legal task under the Wgs on 1 January 2021

export type ImportLine =
  | { line: number; status: 'accepted'; reference: string }
  | { line: number; status: 'duplicate'; reason: string; duplicateOfLine?: number }
  | { line: number; status: 'invalid'; errors: LineError[] };

export interface ImportReport {
  importId: string;
  municipalityId: string;
  lines: number;
  accepted: number;
  duplicates: number;
  invalid: number;
  report: ImportLine[];
}

interface Candidate {
  line: number;
  row: SignalRow;
  key: string;
}

interface StoredSignal {
  key: string;
  id: string;
  reference: string;
  personId: string | null;
}

interface Owner {
  municipalityId: string;
  ownerOrganisationId: string;
  importedBy: string | null;
}

/**
 * Bulk intake of vroegsignalering signals from CSV. The whole file is parsed and checked first (a bad
 * file is refused before anything is stored); then all new signals are stored in one transaction with
 * the import, their grouping and their processing-log rows: all valid lines or, after a storage
 * failure, nothing. Every line ends up in the report: accepted, duplicate (of an earlier line or of a
 * signal already received) or invalid with the field and the reason.
 */
@Injectable()
export class SignalImportService {
  private readonly logger = new Logger(SignalImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(outreachConfig.KEY) private readonly config: OutreachConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly households: HouseholdsService,
    private readonly clock: Clock,
  ) {}

  async importCsv(user: AuthenticatedUser, text: string, municipalityId?: string): Promise<ImportReport> {
    const municipality =
      municipalityId ?? (user.municipalityIds.length === 1 ? user.municipalityIds[0] : undefined);
    if (!municipality)
      throw DomainError.invalidField('municipalityId', 'Kies de gemeente van deze signalen.');
    if (!user.municipalityIds.includes(municipality)) {
      throw DomainError.invalidField('municipalityId', 'U werkt niet voor deze gemeente.');
    }
    const ability = await this.access.abilityFor(user);
    const owner = {
      municipalityId: municipality,
      ownerOrganisationId: user.organisationId,
      importedBy: user.id,
    };
    if (!this.access.can(ability, 'create', 'Signal', owner)) throw DomainError.forbidden();
    const started = Date.now();
    const report = await this.importText(text, owner);
    this.logger.log(
      {
        importId: report.importId,
        lines: report.lines,
        accepted: report.accepted,
        durationMs: Date.now() - started,
      },
      'signals imported',
    );
    return report;
  }

  /** The import itself, also used by the demo seed (owner given, no access check). */
  async importText(text: string, owner: Owner): Promise<ImportReport> {
    const today = this.clock.today();
    const retentionStart = addDays(today, -this.config.signalRetentionDays);
    const parsed = parseSignalCsv(text, {
      today,
      earliestReceivedOn: retentionStart > EARLIEST ? retentionStart : EARLIEST,
    });
    const report: ImportLine[] = [];
    const firstLineOf = new Map<string, number>();
    const candidates: Candidate[] = [];
    for (const entry of parsed) {
      if ('errors' in entry) {
        report.push({ line: entry.line, status: 'invalid', errors: entry.errors });
        continue;
      }
      const key = naturalKey(entry.row);
      const first = firstLineOf.get(key);
      if (first !== undefined) {
        report.push({
          line: entry.line,
          status: 'duplicate',
          reason: `Hetzelfde signaal staat al op regel ${first}.`,
          duplicateOfLine: first,
        });
        continue;
      }
      firstLineOf.set(key, entry.line);
      candidates.push({ line: entry.line, row: entry.row, key });
    }

    // All valid lines in one transaction with their grouping, counts and processing-log rows: a failure
    // anywhere stores nothing (not even the import), so uploading the file again is always the remedy.
    let stored: { importId: string; signals: Map<string, StoredSignal> };
    try {
      stored = await this.dataSource.transaction((m) =>
        this.store(m, owner, parsed.length, report, candidates),
      );
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.logger.error({ err: safeError(error) }, 'signal import failed; nothing stored');
      throw new DomainError(ErrorCode.Internal, NOT_STORED);
    }

    for (const c of candidates) {
      const signal = stored.signals.get(c.key);
      report.push(
        signal
          ? { line: c.line, status: 'accepted', reference: signal.reference }
          : { line: c.line, status: 'duplicate', reason: 'Dit signaal is al eerder ontvangen.' },
      );
    }
    report.sort((a, b) => a.line - b.line);
    const count = (status: ImportLine['status']) => report.filter((r) => r.status === status).length;
    return {
      importId: stored.importId,
      municipalityId: owner.municipalityId,
      lines: report.length,
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      invalid: count('invalid'),
      report,
    };
  }

  /** The import, its new signals, their grouping and the processing log, in the caller's transaction. */
  private async store(
    m: EntityManager,
    owner: Owner,
    lineCount: number,
    rejected: ImportLine[],
    candidates: Candidate[],
  ) {
    const { phase, phasesMs } = phaseTimer();
    // Imports are serialised: the duplicate check and the grouping see every committed signal.
    await m.query('SELECT pg_advisory_xact_lock($1)', [SIGNAL_IMPORT_LOCK]);
    phase('lock');
    const existing = await this.existingKeys(m, owner.municipalityId, candidates);
    const fresh = candidates.filter((c) => !existing.has(c.key));
    const residents = await this.households.residentsByBsn(
      fresh.map((c) => c.row.bsn),
      m,
    );
    phase('match');
    const invalid = rejected.filter((r) => r.status === 'invalid').length;
    const batch = await m.save(
      m.create(SignalImport, {
        ...owner,
        lineCount,
        accepted: 0,
        duplicates: rejected.length - invalid + candidates.length,
        invalid,
        notStored: 0,
      }),
    );
    const inserted = fresh.length ? await this.insert(m, owner, batch.id, fresh, residents) : [];
    phase('insert');
    await regroupAddresses(
      m,
      owner.municipalityId,
      fresh.map((c) => c.row.addressKey),
    );
    phase('group');
    await m.query(
      `UPDATE arrears_signal_import SET accepted = $2, duplicates = duplicates - $2 WHERE id = $1`,
      [batch.id, inserted.length],
    );
    await this.audit.record(m, {
      activityId: ACTIVITY,
      action: 'create',
      resourceType: 'SignalImport',
      resourceId: batch.id,
      dataSubjects: [],
    });
    await this.audit.record(m, {
      activityId: ACTIVITY,
      action: 'create',
      resourceType: 'Signal',
      resourceId: batch.id,
      dataSubjects: inserted.map(signalSubject),
    });
    phase('log');
    this.logger.log({ importId: batch.id, phasesMs }, 'signal import phases');
    return { importId: batch.id, signals: new Map(inserted.map((r) => [r.key, r])) };
  }

  private async existingKeys(m: EntityManager, municipalityId: string, rows: Candidate[]) {
    const found = new Set<string>();
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
      const chunk = rows.slice(i, i + LOOKUP_CHUNK).map((r) => r.row);
      const existing = await m.query<
        { creditor_type: string; creditor_key: string; bsn: string; received_on: string }[]
      >(
        `SELECT s.creditor_type, s.creditor_key, s.bsn, to_char(s.received_on, 'YYYY-MM-DD') AS received_on
           FROM arrears_signal s
           JOIN unnest($2::text[], $3::text[], $4::bpchar[], $5::date[]) AS k(creditor_type, creditor_key, bsn, received_on)
             ON s.creditor_type = k.creditor_type AND s.creditor_key = k.creditor_key
            AND s.bsn = k.bsn AND s.received_on = k.received_on
          WHERE s.municipality_id = $1`,
        [
          municipalityId,
          chunk.map((r) => r.creditorType),
          chunk.map((r) => r.creditorKey),
          chunk.map((r) => r.bsn),
          chunk.map((r) => r.receivedOn),
        ],
      );
      for (const e of existing) {
        found.add(
          naturalKey({
            creditorType: e.creditor_type as SignalRow['creditorType'],
            creditorKey: e.creditor_key,
            bsn: e.bsn,
            receivedOn: e.received_on,
          }),
        );
      }
    }
    return found;
  }

  private async insert(
    m: EntityManager,
    owner: Owner,
    importId: string,
    chunk: Candidate[],
    residents: Map<string, KnownResident>,
  ): Promise<StoredSignal[]> {
    // A known person is linked; their household only when they live in this municipality now.
    const known = chunk.map((c) => residents.get(c.row.bsn));
    const here = (r?: KnownResident) => (r?.municipalityId === owner.municipalityId ? r : undefined);
    const col = <T>(f: (c: { row: SignalRow }, i: number) => T) => chunk.map(f);
    const rows = await m.query<{ id: string; reference: string; person_id: string | null; k: string }[]>(
      `INSERT INTO arrears_signal (municipality_id, owner_organisation_id, import_id, creditor_type, creditor,
         creditor_key, creditor_reference, bsn, postcode, house_number, house_number_addition, street, city,
         address_key, arrears_cents, arrears_months, received_on, threatening, person_id, household_id,
         neighbourhood_id)
       SELECT $1, $2, $3, u.* FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::bpchar[],
         $9::bpchar[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::smallint[],
         $17::date[], $18::boolean[], $19::uuid[], $20::uuid[], $21::uuid[]) AS u
       ON CONFLICT ON CONSTRAINT arrears_signal_natural_key DO NOTHING
       RETURNING id, reference, person_id,
         creditor_type || chr(31) || creditor_key || chr(31) || bsn || chr(31) || to_char(received_on, 'YYYY-MM-DD') AS k`,
      [
        owner.municipalityId,
        owner.ownerOrganisationId,
        importId,
        col((c) => c.row.creditorType),
        col((c) => c.row.creditor),
        col((c) => c.row.creditorKey),
        col((c) => c.row.creditorReference),
        col((c) => c.row.bsn),
        col((c) => c.row.postcode),
        col((c) => c.row.houseNumber),
        col((c) => c.row.houseNumberAddition),
        col((c) => c.row.street),
        col((c) => c.row.city),
        col((c) => c.row.addressKey),
        col((c) => c.row.arrearsCents),
        col((c) => c.row.arrearsMonths),
        col((c) => c.row.receivedOn),
        col((c) => c.row.threatening),
        col((_c, i) => known[i]?.personId ?? null),
        col((_c, i) => here(known[i])?.householdId ?? null),
        col((_c, i) => here(known[i])?.neighbourhoodId ?? null),
      ],
    );
    return rows.map((r) => ({ key: r.k, id: r.id, reference: r.reference, personId: r.person_id }));
  }
}

/** The data subject of a signal in the processing log: the known person, else the signal itself. */
export function signalSubject(signal: { id: string; personId: string | null }): DataSubject {
  return { type: 'person', id: signal.personId ?? `signal:${signal.id}` };
}

/** Milliseconds per named phase, for the log (BENCHMARKS.md, issue 8). */
function phaseTimer() {
  const phasesMs: Record<string, number> = {};
  let mark = Date.now();
  const phase = (name: string) => {
    phasesMs[name] = Date.now() - mark;
    mark = Date.now();
  };
  return { phase, phasesMs };
}

/** What may be logged of a failure: no message text (a database message can quote a value). */
function safeError(error: unknown) {
  const e = error as { name?: string; code?: string; driverError?: { code?: string } };
  return { name: e?.name ?? 'unknown', sqlState: e?.driverError?.code ?? e?.code };
}
