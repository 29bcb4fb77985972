/** Dutch words for codes, for the reader of an export. */
export const ROLE_LABELS: Record<string, string> = {
  consulent: 'consulent',
  'sociaal-team-medewerker': 'medewerker sociaal team',
  schuldhulpverlener: 'schuldhulpverlener',
  'financial-coach': 'financieel coach',
  teamleider: 'teamleider',
  beleidsmedewerker: 'beleidsmedewerker',
  'privacy-officer': 'functionaris gegevensbescherming',
  'functioneel-beheerder': 'functioneel beheerder',
};

export const ACTION_LABELS: Record<string, string> = {
  read: 'ingezien',
  search: 'gezocht',
  create: 'vastgelegd',
  update: 'gewijzigd',
  delete: 'verwijderd',
  export: 'geëxporteerd',
};

export const OUTCOME_LABELS: Record<string, string> = { allowed: 'toegestaan', denied: 'geweigerd' };

export const RELATION_LABELS: Record<string, string> = {
  parent: 'ouder',
  partner: 'partner',
  child: 'kind',
  other: 'overig gezinslid',
};

export const CASE_ROLE_LABELS: Record<string, string> = {
  regisseur: 'regisseur',
  pillar_contact: 'contactpersoon domein',
  contributor: 'betrokken professional',
};

export const CONSENT_CATEGORY_LABELS: Record<string, string> = {
  PLAN: 'het gezinsplan',
  PILLAR_WMO: 'samenvatting Wmo',
  PILLAR_JEUGD: 'samenvatting Jeugd',
  PILLAR_PARTICIPATIE: 'samenvatting Participatie',
  PILLAR_SHV: 'samenvatting schuldhulpverlening',
  PILLAR_ONDERWIJS: 'samenvatting Onderwijs',
};

export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  open: 'nog niet beantwoord',
  accepted: 'aangenomen',
  declined: 'afgewezen',
};

export const CHANNELS = ['brief', 'e-mail', 'balie', 'telefoon', 'digitaal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who acted, as the export names it: roles, never the employee (AVG art. 15: recipients by role). */
export function rolesLabel(roles: string[]): string {
  if (roles.length === 0) return 'Gezinsplan (automatische verwerking)';
  return roles.map((r) => ROLE_LABELS[r] ?? r).join(', ');
}

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DUTCH_DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** 2027-03-01 → "1 maart 2027". */
export const dutchDate = (date: string) => DUTCH_DATE.format(new Date(`${date}T00:00:00Z`));
export const dutchDateTime = (instant: string) => DUTCH_DATE_TIME.format(new Date(instant));

export const CHANNEL_LABELS: Record<string, string> = {
  brief: 'per brief',
  'e-mail': 'per e-mail',
  balie: 'aan de balie',
  telefoon: 'telefonisch',
  digitaal: 'via het digitale formulier',
};
