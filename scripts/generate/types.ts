export type Pillar = 'WMO' | 'JEUGD' | 'PARTICIPATIE' | 'SHV' | 'ONDERWIJS';

/** What the generator reads from the migrated database before it generates anything. */
export interface ReferenceData {
  municipalities: { id: string; code: string; name: string }[];
  neighbourhoods: { id: string; municipalityId: string; name: string; inhabitants: number }[];
  organisations: { id: string; name: string; kind: string }[];
  teams: { id: string; organisationId: string; name: string; municipalityId: string | null }[];
  wijkservicepunten: { id: string; municipalityId: string; name: string }[];
  /** Optional modules whose tables exist in this database. */
  tables: { budgets: boolean; outreach: boolean };
}
