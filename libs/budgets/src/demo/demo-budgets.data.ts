import { MunicipalityKey } from '@app/reference';
import { BudgetRequestStatus, ReplacedScheme } from '../replaced-schemes';

export const DEMO_BUDGET_YEAR = 2026;

/** Maatwerkbudget 2026 per municipality, in cents (synthetic figures, roughly by population). */
export const DEMO_BUDGETS: Record<MunicipalityKey, number> = {
  maastricht: 25_000_000,
  eijsdenMargraten: 2_500_000,
  gulpenWittem: 2_000_000,
  meerssen: 2_500_000,
  vaals: 1_500_000,
  valkenburgAanDeGeul: 2_000_000,
};

export interface DemoRequest {
  status: BudgetRequestStatus;
  amountCents: number;
  /** Paid so far (granted requests) in cents. */
  paidCents?: number;
  justification: string;
  motivation?: string;
  schemes: ReplacedScheme[];
  payee: string;
  /** Day offsets from 1 September 2026. */
  requestedDay: number;
  wantedDay: number;
}

/** Requests in every state, for Maastricht households whose regisseur's team the teamleider leads. */
export const DEMO_REQUESTS: DemoRequest[] = [
  {
    status: 'ingediend',
    amountCents: 34_950,
    justification: 'Wasmachine is kapot; zonder wasmachine lukt de weekplanning met drie kinderen niet.',
    schemes: ['bijzondere-bijstand'],
    payee: 'Kringloopwinkel Maastricht',
    requestedDay: 70,
    wantedDay: 90,
  },
  {
    status: 'ingediend',
    amountCents: 120_000,
    justification: 'Eenmalige aflossing huurachterstand zodat het minnelijk traject kan starten.',
    schemes: ['schuldhulpverlening', 'bijzondere-bijstand'],
    payee: 'Woonpunt',
    requestedDay: 75,
    wantedDay: 95,
  },
  {
    status: 'toegekend',
    amountCents: 45_000,
    justification: 'Zwemles en sportclub voor de kinderen; sluit aan bij het doel sociaal netwerk.',
    motivation: 'Past bij het doel uit het gezinsplan en vervangt twee losse declaraties.',
    schemes: ['declaratieregeling'],
    payee: 'Zwemvereniging Mosa',
    requestedDay: 20,
    wantedDay: 45,
  },
  {
    status: 'toegekend',
    amountCents: 180_000,
    paidCents: 60_000,
    justification: 'Inrichting kinderkamer na verhuizing, in drie termijnen bij levering.',
    motivation: 'Noodzakelijk voor een stabiele woonsituatie; goedkoper dan een Wmo-voorziening.',
    schemes: ['wmo-voorziening', 'bijzondere-bijstand'],
    payee: 'Stichting Meubelbank Maastricht',
    requestedDay: 10,
    wantedDay: 30,
  },
  {
    status: 'betaald',
    amountCents: 27_500,
    paidCents: 27_500,
    justification: 'Fiets voor de oudste zodat hij zelfstandig naar school kan.',
    motivation: 'Vervangt leerlingenvervoer; past binnen het doel onderwijs.',
    schemes: ['leerlingenvervoer'],
    payee: 'Fietsenmaker Wyck',
    requestedDay: 2,
    wantedDay: 14,
  },
  {
    status: 'afgewezen',
    amountCents: 95_000,
    justification: 'Vakantie met het gezin om tot rust te komen.',
    motivation: 'Valt niet onder een doel van het gezinsplan; wij verwijzen naar het Jeugdfonds.',
    schemes: ['declaratieregeling'],
    payee: 'Reisbureau',
    requestedDay: 30,
    wantedDay: 60,
  },
  {
    status: 'ingetrokken',
    amountCents: 15_000,
    justification: 'Schoolspullen; inmiddels via de Stichting Leergeld geregeld.',
    schemes: ['individuele-inkomenstoeslag'],
    payee: 'Boekhandel Dominicanen',
    requestedDay: 5,
    wantedDay: 20,
  },
];
