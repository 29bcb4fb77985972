import type {
  CaseRole,
  ConsentCategory,
  ConsentMethod,
  MemberRelation,
  Pillar,
  ReferralStatus,
  RepresentativeKind,
  Role,
} from '../api/types';

/** Dutch labels for the API's codes. */
export const PILLAR_LABELS: Record<Pillar, string> = {
  WMO: 'Wmo',
  JEUGD: 'Jeugd',
  PARTICIPATIE: 'Participatie',
  SHV: 'Schuldhulpverlening',
  ONDERWIJS: 'Onderwijs',
};

export const ROLE_LABELS: Record<Role, string> = {
  consulent: 'Consulent',
  'sociaal-team-medewerker': 'Medewerker sociaal team',
  schuldhulpverlener: 'Schuldhulpverlener',
  'financial-coach': 'Financial coach',
  teamleider: 'Teamleider',
  beleidsmedewerker: 'Beleidsmedewerker',
  'privacy-officer': 'Functionaris gegevensbescherming',
  'functioneel-beheerder': 'Functioneel beheerder',
};

export const CASE_ROLE_LABELS: Record<CaseRole, string> = {
  regisseur: 'Regisseur',
  pillar_contact: 'Contactpersoon pijler',
  contributor: 'Betrokken professional',
};

export const RELATION_LABELS: Record<MemberRelation, string> = {
  parent: 'Ouder',
  partner: 'Partner',
  child: 'Kind',
  other: 'Overig',
};

export const CONSENT_CATEGORY_LABELS: Record<ConsentCategory, string> = {
  PLAN: 'Het hele gezinsplan',
  PILLAR_WMO: 'Samenvatting Wmo',
  PILLAR_JEUGD: 'Samenvatting Jeugd',
  PILLAR_PARTICIPATIE: 'Samenvatting Participatie',
  PILLAR_SHV: 'Samenvatting schuldhulpverlening',
  PILLAR_ONDERWIJS: 'Samenvatting Onderwijs',
};

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  schriftelijk: 'Schriftelijk',
  mondeling: 'Mondeling',
  digitaal: 'Digitaal',
};

export const REPRESENTATIVE_LABELS: Record<RepresentativeKind, string> = {
  bewindvoerder: 'Bewindvoerder',
  mentor: 'Mentor',
  curator: 'Curator',
  gemachtigde: 'Gemachtigde',
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  open: 'Open',
  accepted: 'Geaccepteerd',
  declined: 'Afgewezen',
};

export const HOUSEHOLD_STATUS_LABELS = { active: 'Actief', closed: 'Afgesloten' } as const;

/** A readable label for any code: the known label, else the code itself with its first letter capitalised. */
export function labelOf(labels: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return labels[code] ?? code.charAt(0).toUpperCase() + code.slice(1).replace(/[_-]/g, ' ');
}
