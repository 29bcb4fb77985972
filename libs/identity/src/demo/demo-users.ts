import { Pillar, Role } from '@app/access';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';

/** The one password of every demo account. Demo data only: never in a migration, never in production. */
export const DEMO_PASSWORD = 'Gezinsplan-demo-2026';

export const DEMO_EMAILS = {
  consulentWmo: 'consulent.wmo@demo.gezinsplan.nl',
  consulentJeugd: 'consulent.jeugd@demo.gezinsplan.nl',
  consulentParticipatie: 'consulent.participatie@demo.gezinsplan.nl',
  consulentHeuvelland: 'consulent.heuvelland@demo.gezinsplan.nl',
  sociaalTeamMedewerker: 'sociaalteam@demo.gezinsplan.nl',
  schuldhulpverlener: 'schuldhulpverlener@demo.gezinsplan.nl',
  financialCoach: 'financial.coach@demo.gezinsplan.nl',
  teamleider: 'teamleider@demo.gezinsplan.nl',
  beleidsmedewerker: 'beleidsmedewerker@demo.gezinsplan.nl',
  privacyOfficer: 'privacy.officer@demo.gezinsplan.nl',
  functioneelBeheerder: 'functioneel.beheerder@demo.gezinsplan.nl',
} as const;
export type DemoUserKey = keyof typeof DEMO_EMAILS;

export interface DemoUser {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  pillars: Pillar[];
  municipalityIds: string[];
  teams: { teamId: string; isLead: boolean }[];
  mandateCents: number;
  /** One line for the README table. */
  description: string;
}

const ALL_MUNICIPALITIES = Object.values(MUNICIPALITY_IDS);
const MAASTRICHT = [MUNICIPALITY_IDS.maastricht];
const member = (teamId: string) => [{ teamId, isLead: false }];

export const DEMO_USERS: Record<DemoUserKey, DemoUser> = {
  consulentWmo: {
    email: DEMO_EMAILS.consulentWmo,
    displayName: 'Sanne Janssen',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['WMO'],
    municipalityIds: MAASTRICHT,
    teams: member(TEAM_IDS.szmhNoordwest),
    mandateCents: 50000,
    description: 'consulent Wmo, SZMH Team Noordwest, Maastricht, mandaat EUR 500',
  },
  consulentJeugd: {
    email: DEMO_EMAILS.consulentJeugd,
    displayName: 'Luc Hermans',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['JEUGD'],
    municipalityIds: MAASTRICHT,
    teams: member(TEAM_IDS.szmhNoordwest),
    mandateCents: 50000,
    description: 'consulent Jeugd, SZMH Team Noordwest, Maastricht, mandaat EUR 500',
  },
  consulentParticipatie: {
    email: DEMO_EMAILS.consulentParticipatie,
    displayName: 'Ilse Curfs',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['PARTICIPATIE'],
    municipalityIds: MAASTRICHT,
    teams: member(TEAM_IDS.szmhZuidoost),
    mandateCents: 50000,
    description: 'consulent Participatie, SZMH Team Zuidoost, Maastricht, mandaat EUR 500',
  },
  consulentHeuvelland: {
    email: DEMO_EMAILS.consulentHeuvelland,
    displayName: 'Bram Vrancken',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['WMO', 'PARTICIPATIE'],
    municipalityIds: [MUNICIPALITY_IDS.meerssen, MUNICIPALITY_IDS.vaals],
    teams: member(TEAM_IDS.szmhHeuvelland),
    mandateCents: 50000,
    description:
      'consulent Wmo/Participatie, SZMH Team Heuvelland, alleen Meerssen en Vaals, mandaat EUR 500',
  },
  sociaalTeamMedewerker: {
    email: DEMO_EMAILS.sociaalTeamMedewerker,
    displayName: 'Noor Lemmens',
    organisationId: ORGANISATION_IDS.sociaalTeam3,
    roles: ['sociaal-team-medewerker'],
    pillars: ['WMO'],
    municipalityIds: MAASTRICHT,
    teams: member(TEAM_IDS.sociaalTeam3),
    mandateCents: 0,
    description: 'sociaal-team-medewerker, Sociaal Team 3, Maastricht',
  },
  schuldhulpverlener: {
    email: DEMO_EMAILS.schuldhulpverlener,
    displayName: 'Tom Habets',
    organisationId: ORGANISATION_IDS.kbl,
    roles: ['schuldhulpverlener'],
    pillars: ['SHV'],
    municipalityIds: ALL_MUNICIPALITIES,
    teams: member(TEAM_IDS.kblSchuldhulpverlening),
    mandateCents: 0,
    description: 'schuldhulpverlener, Kredietbank Limburg (pijler SHV), alle zes gemeenten',
  },
  financialCoach: {
    email: DEMO_EMAILS.financialCoach,
    displayName: 'Femke Ramakers',
    organisationId: ORGANISATION_IDS.financialCoaches,
    roles: ['financial-coach'],
    pillars: ['SHV'],
    municipalityIds: MAASTRICHT,
    teams: member(TEAM_IDS.financialCoaches),
    mandateCents: 0,
    description: 'financial coach, Financieel coaches SZMH, spreekuur in de wijkservicepunten, Maastricht',
  },
  teamleider: {
    email: DEMO_EMAILS.teamleider,
    displayName: 'Joep Smeets',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['teamleider'],
    pillars: [],
    municipalityIds: MAASTRICHT,
    teams: [{ teamId: TEAM_IDS.szmhNoordwest, isLead: true }],
    mandateCents: 250000,
    description: 'teamleider van SZMH Team Noordwest, Maastricht, mandaat EUR 2.500',
  },
  beleidsmedewerker: {
    email: DEMO_EMAILS.beleidsmedewerker,
    displayName: 'Anouk Wetzels',
    organisationId: ORGANISATION_IDS.gemeenteMaastricht,
    roles: ['beleidsmedewerker'],
    pillars: [],
    municipalityIds: MAASTRICHT,
    teams: [],
    mandateCents: 0,
    description: 'beleidsmedewerker, Gemeente Maastricht (alleen geaggregeerde cijfers)',
  },
  privacyOfficer: {
    email: DEMO_EMAILS.privacyOfficer,
    displayName: 'Pieter Geelen',
    organisationId: ORGANISATION_IDS.gemeenteMaastricht,
    roles: ['privacy-officer'],
    pillars: [],
    municipalityIds: ALL_MUNICIPALITIES,
    teams: [],
    mandateCents: 0,
    description: 'privacy officer (FG), Gemeente Maastricht, alle zes gemeenten',
  },
  functioneelBeheerder: {
    email: DEMO_EMAILS.functioneelBeheerder,
    displayName: 'Lotte Debije',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['functioneel-beheerder'],
    pillars: [],
    municipalityIds: ALL_MUNICIPALITIES,
    teams: [],
    mandateCents: 0,
    description: 'functioneel beheerder, SZMH: gebruikers, teams en referentiegegevens',
  },
};

/**
 * A second functioneel beheerder, so the demo can show the vier-ogenprincipe (one requests a change
 * that gives case access, the other approves it). Not a role of its own, so not among DEMO_USERS.
 */
export const DEMO_SECOND_BEHEERDER: DemoUser = {
  email: 'tweede.beheerder@demo.gezinsplan.nl',
  displayName: 'Ruud Coenen',
  organisationId: ORGANISATION_IDS.szmh,
  roles: ['functioneel-beheerder'],
  pillars: [],
  municipalityIds: ALL_MUNICIPALITIES,
  teams: [],
  mandateCents: 0,
  description: 'tweede functioneel beheerder, SZMH: keurt wijzigingen van de eerste goed (vier ogen)',
};
