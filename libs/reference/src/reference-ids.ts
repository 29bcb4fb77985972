/**
 * Fixed ids of the reference data seeded by migrations/1763800100000-reference-data.ts, so seeds and
 * tests of other modules can refer to them. The migration spells the same values out (a committed
 * migration never changes); test/identity/reference-data.e2e-spec.ts checks that both agree.
 */
export const MUNICIPALITY_IDS = {
  maastricht: 'a1000000-0000-4000-8000-000000000001',
  eijsdenMargraten: 'a1000000-0000-4000-8000-000000000002',
  gulpenWittem: 'a1000000-0000-4000-8000-000000000003',
  meerssen: 'a1000000-0000-4000-8000-000000000004',
  vaals: 'a1000000-0000-4000-8000-000000000005',
  valkenburgAanDeGeul: 'a1000000-0000-4000-8000-000000000006',
} as const;

export const ORGANISATION_IDS = {
  szmh: 'b2000000-0000-4000-8000-000000000001',
  sociaalTeam1: 'b2000000-0000-4000-8000-000000000011',
  sociaalTeam2: 'b2000000-0000-4000-8000-000000000012',
  sociaalTeam3: 'b2000000-0000-4000-8000-000000000013',
  sociaalTeam4: 'b2000000-0000-4000-8000-000000000014',
  sociaalTeam5: 'b2000000-0000-4000-8000-000000000015',
  sociaalTeam6: 'b2000000-0000-4000-8000-000000000016',
  sociaalTeam7: 'b2000000-0000-4000-8000-000000000017',
  sociaalTeam8: 'b2000000-0000-4000-8000-000000000018',
  kbl: 'b2000000-0000-4000-8000-000000000021',
  financialCoaches: 'b2000000-0000-4000-8000-000000000031',
  gemeenteMaastricht: 'b2000000-0000-4000-8000-000000000041',
} as const;

export const TEAM_IDS = {
  szmhNoordwest: 'c3000000-0000-4000-8000-000000000001',
  szmhNoordoost: 'c3000000-0000-4000-8000-000000000002',
  szmhZuidwest: 'c3000000-0000-4000-8000-000000000003',
  szmhZuidoost: 'c3000000-0000-4000-8000-000000000004',
  szmhHeuvelland: 'c3000000-0000-4000-8000-000000000005',
  sociaalTeam1: 'c3000000-0000-4000-8000-000000000011',
  sociaalTeam2: 'c3000000-0000-4000-8000-000000000012',
  sociaalTeam3: 'c3000000-0000-4000-8000-000000000013',
  sociaalTeam4: 'c3000000-0000-4000-8000-000000000014',
  sociaalTeam5: 'c3000000-0000-4000-8000-000000000015',
  sociaalTeam6: 'c3000000-0000-4000-8000-000000000016',
  sociaalTeam7: 'c3000000-0000-4000-8000-000000000017',
  sociaalTeam8: 'c3000000-0000-4000-8000-000000000018',
  kblSchuldhulpverlening: 'c3000000-0000-4000-8000-000000000021',
  financialCoaches: 'c3000000-0000-4000-8000-000000000031',
} as const;

export type MunicipalityKey = keyof typeof MUNICIPALITY_IDS;
export type OrganisationKey = keyof typeof ORGANISATION_IDS;
export type TeamKey = keyof typeof TEAM_IDS;
