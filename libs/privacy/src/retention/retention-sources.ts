import type { Pillar } from '@app/access';

/** Where each default period comes from: Selectielijst gemeenten en intergemeentelijke organen 2020. */
export const RETENTION_SOURCES: Record<Pillar | 'WITHOUT_PILLAR', string> = {
  WMO: 'Selectielijst 2020, procestype 8, resultaat 8.1.1/8.3.1 "WMO voorziening": 15 jaar (Wmo 2015 art. 5.3.4)',
  JEUGD:
    'Selectielijst 2020, procestype 8, resultaat 8.1.2/8.3.2 "Individuele jeugdhulp voorziening": 20 jaar (Jeugdwet art. 7.3.8 lid 3)',
  PARTICIPATIE:
    'Selectielijst 2020, procestype 8, resultaat 8.1/8.3 (uitkering of inkomensvoorziening): 10 jaar',
  SHV: 'Selectielijst 2020, procestype 8, resultaat 8.1.9/8.3.5 "Schuldhulpverlening": 5 jaar',
  ONDERWIJS:
    'Selectielijst 2020, procestype 8, resultaat 8.1.15/8.3.3 "Primair of voortgezet onderwijs": 5 jaar (toepassing op leerlingenvervoer te bevestigen)',
  WITHOUT_PILLAR: 'Selectielijst 2020, procestype 8, generiek resultaat 8.1 "Verstrekt": 10 jaar',
};
