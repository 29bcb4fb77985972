import type { Pillar } from '@app/access';
import { PRODUCT_IDS } from '../catalogue-ids';

/** A small deterministic PRNG (mulberry32), so the demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    /** One of the keys, with the given weights. */
    weighted: <K extends string>(weights: Record<K, number>): K => {
      const entries = Object.entries(weights) as [K, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Products per pillar with rough shares (Monitor Toekomstagenda Sociaal Domein 2018). */
export const PRODUCT_WEIGHTS: Record<Pillar, Record<string, number>> = {
  WMO: {
    [PRODUCT_IDS.wmoHulpBijHetHuishouden]: 35,
    [PRODUCT_IDS.wmoBegeleidingIndividueel]: 25,
    [PRODUCT_IDS.wmoBegeleidingGroep]: 15,
    [PRODUCT_IDS.wmoBeschermdWonen]: 5,
    [PRODUCT_IDS.wmoCollectiefVervoer]: 20,
  },
  JEUGD: {
    [PRODUCT_IDS.jeugdAmbulant]: 75,
    [PRODUCT_IDS.jeugdVerblijf]: 15,
    [PRODUCT_IDS.jeugdJeugdbescherming]: 10,
  },
  PARTICIPATIE: {
    [PRODUCT_IDS.participatieLevensonderhoud]: 45,
    [PRODUCT_IDS.participatieBijzondereBijstandIncidenteel]: 20,
    [PRODUCT_IDS.participatieBijzondereBijstandPeriodiek]: 15,
    [PRODUCT_IDS.participatieReIntegratie]: 20,
  },
  SHV: {
    [PRODUCT_IDS.shvStabilisatie]: 30,
    [PRODUCT_IDS.shvBudgetbeheer]: 25,
    [PRODUCT_IDS.shvMinnelijk]: 25,
    [PRODUCT_IDS.shvWsnp]: 10,
    [PRODUCT_IDS.shvBetalingsregeling]: 10,
  },
  ONDERWIJS: { [PRODUCT_IDS.onderwijsLeerlingenvervoer]: 1 },
};

/** Fictitious providers: no real organisation is named in demo data. */
export const PROVIDERS: Record<Pillar, readonly string[]> = {
  WMO: ['Thuishulp Maasoever', 'Zorggroep Mergelland', 'Begeleiding De Bron', 'Dagcentrum Geuldal'],
  JEUGD: ['Jeugdhulp Zuid (fictief)', 'Gezinsbegeleiding Jekerdal', 'Stichting Opgroeien Limburg (fictief)'],
  PARTICIPATIE: ['Werkplaats Maasdal', 'Re-integratiebureau Heuvelland (fictief)'],
  SHV: ['Kredietbank Limburg'],
  ONDERWIJS: ['Taxicentrale Zuid (fictief)'],
};

export const REASONS: Record<Pillar, readonly string[]> = {
  WMO: [
    'Redt het huishouden niet zelfstandig na ziekenhuisopname',
    'Ondersteuning bij dagstructuur en administratie',
    'Sociaal isolement; behoefte aan dagbesteding',
    'Kan niet meer zelfstandig reizen naar activiteiten',
  ],
  JEUGD: [
    'Opvoedvragen en spanningen in het gezin',
    'Gedragsproblemen thuis en op school',
    'Zorgen over veiligheid; advies Veilig Thuis',
  ],
  PARTICIPATIE: [
    'Geen inkomen na einde WW',
    'Onvoorziene kosten (witgoed) zonder reserve',
    'Begeleiding naar werk na langdurige uitkering',
  ],
  SHV: [
    'Betalingsachterstanden huur en energie',
    'Schulden bij meerdere schuldeisers; beslag op inkomen',
    'Hulpvraag na vroegsignalering zorgverzekeraar',
  ],
  ONDERWIJS: ['Afstand tot speciaal onderwijs te groot voor eigen vervoer'],
};

export const SCENARIO_WEIGHTS = {
  granted: 42,
  ended: 8,
  rejected: 7,
  dueSoon: 13,
  overdue: 9,
  fresh: 9,
  suspended: 6,
  withdrawn: 3,
  notProcessed: 3,
} as const;
export type Scenario = keyof typeof SCENARIO_WEIGHTS;

export const BEZWAAR_OUTCOME_WEIGHTS = {
  ongegrond: 55,
  deels_gegrond: 20,
  niet_ontvankelijk: 12,
  ingetrokken: 8,
  gegrond: 5,
} as const;
