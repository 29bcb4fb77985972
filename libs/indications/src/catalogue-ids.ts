/**
 * Fixed ids of the catalogue seeded by migrations/1763800500000-indications.ts, for seeds and tests.
 * The migration spells the same values out (a committed migration never changes).
 */
export const PRODUCT_IDS = {
  wmoHulpBijHetHuishouden: 'd4000000-0000-4000-8000-000000000101',
  wmoBegeleidingIndividueel: 'd4000000-0000-4000-8000-000000000102',
  wmoBegeleidingGroep: 'd4000000-0000-4000-8000-000000000103',
  wmoBeschermdWonen: 'd4000000-0000-4000-8000-000000000104',
  wmoCollectiefVervoer: 'd4000000-0000-4000-8000-000000000105',
  jeugdAmbulant: 'd4000000-0000-4000-8000-000000000201',
  jeugdVerblijf: 'd4000000-0000-4000-8000-000000000202',
  jeugdJeugdbescherming: 'd4000000-0000-4000-8000-000000000203',
  participatieLevensonderhoud: 'd4000000-0000-4000-8000-000000000301',
  participatieBijzondereBijstandIncidenteel: 'd4000000-0000-4000-8000-000000000302',
  participatieBijzondereBijstandPeriodiek: 'd4000000-0000-4000-8000-000000000303',
  participatieReIntegratie: 'd4000000-0000-4000-8000-000000000304',
  shvMesis: 'd4000000-0000-4000-8000-000000000401',
  shvStabilisatie: 'd4000000-0000-4000-8000-000000000402',
  shvBudgetbeheer: 'd4000000-0000-4000-8000-000000000403',
  shvMinnelijk: 'd4000000-0000-4000-8000-000000000404',
  shvWsnp: 'd4000000-0000-4000-8000-000000000405',
  shvBetalingsregeling: 'd4000000-0000-4000-8000-000000000406',
  onderwijsLeerlingenvervoer: 'd4000000-0000-4000-8000-000000000501',
} as const;
export type ProductKey = keyof typeof PRODUCT_IDS;
