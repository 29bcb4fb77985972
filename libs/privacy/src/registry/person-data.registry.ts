import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { HouseholdPeriod } from '@app/audit';

export type PersonDataValue = string | number | boolean | null;

/** One value of a record: a stable key for machines and a Dutch label for the reader. */
export interface PersonDataField {
  key: string;
  label: string;
  value: PersonDataValue;
}

/** One stored record that names the person. */
export interface PersonDataRecord {
  /** What kind of record this is, in Dutch (e.g. "Lidmaatschap huishouden"). */
  kind: string;
  /** Where it is stored (entity or table, and id), so completeness can be checked. */
  source: { type: string; id: string };
  fields: PersonDataField[];
  /** A remark for the reader, in Dutch (e.g. why a field is left out). */
  note?: string;
}

/** A context's share of the export. */
export interface PersonDataPart {
  /** Heading in the PDF, in Dutch. */
  title: string;
  records: PersonDataRecord[];
  /**
   * Households whose household-level processing concerned the person, and for which period (while they
   * lived there). The access list of the export includes what was logged about these households then.
   */
  householdPeriods?: HouseholdPeriod[];
}

/**
 * A context that holds personal data. `collect` returns everything it stores on the person (their own
 * records; no personal data of others beyond what their own record shows), or null when it holds none.
 * It runs inside the export's transaction (use `manager`) and must not log: the export logs once.
 */
export interface PersonDataSource {
  /** Unique key of the part in the JSON export, e.g. 'households', 'indications'. */
  name: string;
  collect(personId: string, manager: EntityManager): Promise<PersonDataPart | null>;
}

/** The parts of an AVG art. 15 export, one per context that holds personal data. */
@Injectable()
export class PersonDataRegistry {
  private readonly sources: PersonDataSource[] = [];

  register(source: PersonDataSource) {
    if (this.sources.some((s) => s.name === source.name)) {
      throw new Error(`A person-data source named '${source.name}' is already registered`);
    }
    this.sources.push(source);
  }

  all(): readonly PersonDataSource[] {
    return this.sources;
  }
}
