import { CONSENT_METHOD_LABELS } from './labels';

/** Dutch labels for the outreach vocabulary (libs/outreach outreach.vocabulary.ts). */

export const TOPIC_LABELS: Record<string, string> = {
  budget: 'Budget en rondkomen',
  schulden: 'Schulden',
  regelingen: 'Regelingen en toeslagen',
  inkomen: 'Inkomen',
  administratie: 'Administratie',
  other: 'Iets anders',
};

export const CONTACT_REFERRAL_LABELS: Record<string, string> = {
  kbl: 'Kredietbank Limburg',
  szmh: 'SZMH',
  'sociaal-team': 'Een sociaal team',
  trajekt: 'Trajekt',
  other: 'Andere organisatie',
};

export const LINK_BASIS_LABELS: Record<string, string> = {
  'publieke-taak': 'Publieke taak (Wgs)',
  toestemming: 'Toestemming van de inwoner',
};

export const CREDITOR_TYPE_LABELS: Record<string, string> = {
  huur: 'Huur',
  energie: 'Energie',
  water: 'Water',
  zorgverzekering: 'Zorgverzekering',
};

export const ATTEMPT_KIND_LABELS: Record<string, string> = {
  brief: 'Brief',
  telefoon: 'Telefoon',
  huisbezoek: 'Huisbezoek',
};

export const OUTCOME_LABELS: Record<string, string> = {
  aanbod_gedaan: 'Aanbod gedaan',
  eerste_gesprek_gepland: 'Eerste gesprek gepland',
  al_in_traject: 'Al in traject',
  geen_contact: 'Geen contact',
  geweigerd: 'Hulp geweigerd',
};

export const WGS_CLOCK_LABELS: Record<string, string> = {
  lopend: 'Loopt',
  verlopen: 'Verlopen',
  op_tijd: 'Op tijd',
  te_laat: 'Te laat',
};

export const IMPORT_STATUS_LABELS: Record<string, string> = {
  accepted: 'Opgenomen',
  duplicate: 'Dubbel',
  invalid: 'Afgekeurd',
  not_stored: 'Niet opgeslagen',
};

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const CONSENT_METHOD_OPTIONS = options(CONSENT_METHOD_LABELS);
