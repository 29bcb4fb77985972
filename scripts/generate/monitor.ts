/**
 * The figures the generator reproduces, from the Monitor Toekomstagenda Sociaal Domein 2018
 * (../shared/seeds/003_*, "the monitor"), and the assumptions where the monitor gives no figure.
 * Every number below says where it comes from.
 */
import type { Pillar } from './types';

export const PILLARS: Pillar[] = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'];

/** Monitor §2.1: households with an indication in 2018, and unique clients. */
export const CITY_HOUSEHOLDS = 13_966;
export const CITY_CLIENTS = 20_469;
/** Monitor §2.2: households with indications from two or more pillars. */
export const SAMENLOOP_SHARE = 0.24;

/**
 * Unique clients per pillar in Maastricht, 2018. Wmo 10,739 (§5), Jeugd 2,865 (§3.1), Participatie
 * 8,596 (§6), onderwijs 347 (leerlingenvervoer 2018, §4.1). Schuldhulpverlening: the monitor's table
 * is an image that did not survive text extraction; 1,900 is an assumption (§7.1 gives 5-7% of adults
 * in the five highest neighbourhoods, ~2% of the city's adults overall).
 */
export const CITY_CLIENTS_PER_PILLAR: Record<Pillar, number> = {
  WMO: 10_739,
  JEUGD: 2_865,
  PARTICIPATIE: 8_596,
  SHV: 1_900,
  ONDERWIJS: 347,
};

/**
 * Pillar combinations of households (city counts; scaled for other scales). The monitor gives the
 * share with 2+ pillars (24%), Wmo + Participatie as by far the most common combination (15% of
 * non-elderly households, 14% of elderly households), and ~6% of non-elderly households with more
 * than two pillars. The split of the single-pillar households follows from the clients per pillar.
 */
export const CITY_COMBINATIONS: [pillars: Pillar[], households: number][] = [
  // single pillar: 10,614 households (76%)
  [['WMO'], 6_231],
  [['PARTICIPATIE'], 2_742],
  [['JEUGD'], 893],
  [['SHV'], 563],
  [['ONDERWIJS'], 185],
  // two pillars
  [['WMO', 'PARTICIPATIE'], 1_502],
  [['PARTICIPATIE', 'SHV'], 500],
  [['JEUGD', 'PARTICIPATIE'], 450],
  [['WMO', 'JEUGD'], 150],
  [['WMO', 'SHV'], 130],
  [['JEUGD', 'ONDERWIJS'], 120],
  // three or more pillars
  [['WMO', 'PARTICIPATIE', 'SHV'], 200],
  [['JEUGD', 'PARTICIPATIE', 'SHV'], 120],
  [['WMO', 'JEUGD', 'PARTICIPATIE'], 120],
  [['JEUGD', 'PARTICIPATIE', 'ONDERWIJS'], 40],
  [['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV'], 20],
];

/**
 * Monitor §2.1: share of inhabitants with a provision in the named neighbourhoods. The reference data
 * (migrations/1763800100000-reference-data.ts) has approximate inhabitant counts (88,900 for Maastricht,
 * the real city has ~122,000), so absolute shares cannot all be met at once. The generator keeps the
 * monitor's ratios: clients per neighbourhood are proportional to inhabitants x share, where unnamed
 * neighbourhoods get the share that makes the city-wide share 17% (monitor §2.1), then everything is
 * scaled to the city's 20,469 clients.
 */
export const NEIGHBOURHOOD_SHARES: Record<string, number> = {
  Pottenberg: 0.35,
  Malpertuis: 0.33,
  Caberg: 0.3,
  Nazareth: 0.3,
  Malberg: 0.28,
  Wittevrouwenveld: 0.24,
  Campagne: 0.23,
  'Oud-Caberg/Lanakerveld': 0.23,
  Mariaberg: 0.23,
};
export const CITY_SHARE = 0.17;

/**
 * Monitor §2.1: 39% of 75-84 year olds, 67% of the 85+ and about 1 in 5 of 4-17 year olds have a
 * provision. The monitor has no population per age band; these are approximations of Maastricht's
 * population (CBS, 2018, rounded) used only to turn those shares into client counts for the report.
 */
export const AGE_BANDS = [
  { band: '0-3', from: 0, to: 3, population: 3_500, share: null },
  { band: '4-17', from: 4, to: 17, population: 13_500, share: 0.2 },
  { band: '18-26', from: 18, to: 26, population: 22_000, share: null },
  { band: '27-44', from: 27, to: 44, population: 27_000, share: null },
  { band: '45-66', from: 45, to: 66, population: 32_000, share: null },
  { band: '67-74', from: 67, to: 74, population: 12_000, share: null },
  { band: '75-84', from: 75, to: 84, population: 8_000, share: 0.39 },
  { band: '85+', from: 85, to: 120, population: 3_300, share: 0.67 },
] as const;

/** Maastricht's wijken grouped into the four SZMH area teams (approximate; the teams are reference data). */
export const AREA_OF_NEIGHBOURHOOD: Record<string, 'noordwest' | 'noordoost' | 'zuidwest' | 'zuidoost'> = {
  Pottenberg: 'noordwest',
  Malpertuis: 'noordwest',
  Caberg: 'noordwest',
  Malberg: 'noordwest',
  'Oud-Caberg/Lanakerveld': 'noordwest',
  Mariaberg: 'noordwest',
  Boschpoort: 'noordwest',
  Bosscherveld: 'noordwest',
  Daalhof: 'noordwest',
  Brusselsepoort: 'noordwest',
  Belfort: 'noordwest',
  Nazareth: 'noordoost',
  Wittevrouwenveld: 'noordoost',
  Wyckerpoort: 'noordoost',
  Limmel: 'noordoost',
  Amby: 'noordoost',
  Campagne: 'zuidwest',
  Binnenstad: 'zuidwest',
  'Sint Pieter': 'zuidwest',
  Vroendaal: 'zuidwest',
  Heer: 'zuidoost',
  Scharn: 'zuidoost',
  Heugem: 'zuidoost',
  Randwyck: 'zuidoost',
  Wyck: 'zuidoost',
  Céramique: 'zuidoost',
};

/**
 * Staffing assumptions (no source gives them): households per professional in their pillar. An SZMH
 * area team holds about 3,000 households; larger scales split an area over more teams.
 */
export const CASELOAD: Record<Pillar, number> = {
  WMO: 110,
  JEUGD: 45,
  PARTICIPATIE: 90,
  SHV: 70,
  ONDERWIJS: 100,
};
export const HOUSEHOLDS_PER_TEAM = 3_000;

/** In proportion to households (assumptions; the monitor does not count these). */
export const PROPORTIONS = {
  /** Households with indications from 2+ pillars that have a household plan (the 1Gezin1Plan target group). */
  planShareSamenloop: 0.85,
  planShareSingle: 0.06,
  /** The 50-gezinnen cohort: 50 per 13,966 households. */
  cohortPerCityHousehold: 50 / CITY_HOUSEHOLDS,
  /** Maatwerkbudget requests per household plan. */
  budgetRequestsPerPlan: 0.05,
  /** Spreekuur contacts per year per household of Maastricht (three wijkservicepunten, ~20 a week each). */
  spreekuurContactsPerHousehold: 3_000 / CITY_HOUSEHOLDS,
  /** Vroegsignaleringssignalen received in the last six months per household of the municipality. */
  signalsPerHousehold: 3_500 / CITY_HOUSEHOLDS,
  /** Households closed during the year (their case team has left). */
  closedShare: 0.05,
};

export type ScaleName = 'tiny' | 'demo' | 'city' | 'region';

export interface Scale {
  name: ScaleName;
  households: number;
  /** city: Maastricht only (the monitor is about Maastricht); others: all six municipalities. */
  municipalities: 'maastricht' | 'all';
  description: string;
}

export const SCALES: Record<ScaleName, Scale> = {
  tiny: { name: 'tiny', households: 200, municipalities: 'all', description: 'for tests' },
  demo: {
    name: 'demo',
    households: Math.round(CITY_HOUSEHOLDS / 10),
    municipalities: 'all',
    description: 'a tenth of the city, all six municipalities',
  },
  city: {
    name: 'city',
    households: CITY_HOUSEHOLDS,
    municipalities: 'maastricht',
    description: 'Maastricht 2018 as in the monitor',
  },
  region: {
    name: 'region',
    households: CITY_HOUSEHOLDS * 10,
    municipalities: 'all',
    description: 'ten times the city, over the six municipalities',
  },
};
