import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility, MongoQuery } from '@casl/ability';
import { AuthenticatedUser, Pillar, PROFESSIONAL_ROLES, Role } from './access.types';
import { HouseholdRelations } from './household-relations';
import { unionOfHouseholds } from './household-set';
import {
  Action,
  FINANCIAL_LIFE_DOMAIN,
  HOUSEHOLD_INDEX_FIELDS,
  INDICATION_DETAIL_FIELDS,
  INDICATION_SUMMARY_FIELDS,
  SubjectName,
} from './subjects';

export type AppSubject = SubjectName | (ForcedSubject<SubjectName> & Record<string, unknown>);
// Conditions are checked against plain rows, so they are typed loosely here and validated by the SQL translator.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AppAbility = MongoAbility<[Action, AppSubject], MongoQuery<any>>;

/** Case content every case-team member may read and write (rule 2). */
const CASE_RECORDS: SubjectName[] = [
  'Member',
  'CaseTeamMember',
  'Consent',
  'Representative',
  'Referral',
  'BudgetRequest',
  'SpreekuurContact',
];
const FINANCIAL_ORGANISATIONS = ['kbl', 'financial-coaching'];

/**
 * All access rules of DESIGN.md in one place. Every condition on case content carries the
 * municipality (rule 1); everything not granted here is denied.
 */
export function defineAbilityFor(
  user: AuthenticatedUser,
  relations: HouseholdRelations,
  outreach: OutreachRelations = NO_OUTREACH_RELATIONS,
): AppAbility {
  // Built untyped (CASL cannot infer condition shapes for string subjects), returned typed.
  const builder = new AbilityBuilder<MongoAbility>(createMongoAbility);
  const { can, cannot } = builder;
  const build = () => builder.build() as unknown as AppAbility;
  const has = (role: Role) => user.roles.includes(role);
  const inMunicipality = { municipalityId: { $in: user.municipalityIds } };

  can('read', 'ReferenceData');
  if (has('functioneel-beheerder')) {
    can('manage', ['ReferenceData', 'Catalogue', 'Budget', 'UserAccount']);
    // Four eyes: a change that gives case access is approved or rejected by another beheerder than the
    // requester and the account itself; only the requester withdraws it.
    can(['read', 'create'], 'UserAccountChange');
    can('decide', 'UserAccountChange', { requestedById: { $ne: user.id }, userId: { $ne: user.id } });
    can('delete', 'UserAccountChange', { requestedById: user.id });
  }
  if (has('privacy-officer')) {
    can('read', 'ProcessingLog');
    can('manage', 'AccessRequest');
    can(['read', 'update'], 'BreakGlassGrant', inMunicipality);
  }
  if (has('beleidsmedewerker') || has('teamleider')) can('read', 'Report', inMunicipality);
  // Rule 5 (issue 7): budget figures (no personal data) for those who decide; rule 1 for budgets too.
  if (has('teamleider') || user.mandateCents > 0) can('read', 'Budget', inMunicipality);
  cannot('manage', 'Budget', { municipalityId: { $nin: user.municipalityIds } });
  defineOutreachRules(builder, user, outreach); // issue 8: see the outreach block at the end

  // Rule 7: the privacy officer, functioneel beheerder and beleidsmedewerker see no case content.
  if (!user.roles.some((role) => PROFESSIONAL_ROLES.includes(role))) return build();

  const financialOrganisation = FINANCIAL_ORGANISATIONS.includes(user.organisationKind);
  // Unions keep a set's subquery (household-set.ts), so lists of a teamleider stay set-based in SQL.
  const caseTeam = unionOfHouseholds(relations.caseTeam);
  const fullAccess = unionOfHouseholds(relations.caseTeam, relations.ledTeams, relations.breakGlass);
  const onCase = { householdId: { $in: caseTeam }, ...inMunicipality };
  const withFullAccess = { householdId: { $in: fullAccess }, ...inMunicipality };

  // Rule 2: the index for every professional of the municipality, the dossier for the case team.
  can(['read', 'search'], 'Household', [...HOUSEHOLD_INDEX_FIELDS], inMunicipality);
  can('read', 'Household', { id: { $in: fullAccess }, ...inMunicipality });
  can('create', 'Household', inMunicipality);
  can('update', 'Household', { id: { $in: caseTeam }, ...inMunicipality });
  can('read', CASE_RECORDS, withFullAccess);
  can(['create', 'update'], CASE_RECORDS, onCase);
  // A spreekuur contact is the coach's record: the case team may see it (rule 2), only its author changes it.
  cannot('update', 'SpreekuurContact', { createdBy: { $ne: user.id } });
  // A referral is answered by the organisation it is sent to, never by the sending case team.
  cannot('update', 'Referral', { toOrganisationId: { $ne: user.organisationId } });

  // Referrals: the receiving organisation sees those addressed to it and answers the open ones.
  can('read', 'Referral', { toOrganisationId: user.organisationId, ...inMunicipality });
  can('update', 'Referral', { toOrganisationId: user.organisationId, status: 'open', ...inMunicipality });

  // Rule 3: indication details for the same pillar; summaries for regisseur, teamleider and by consent.
  const detailPillars = indicationDetailPillars(user);
  can(['read', 'create', 'update'], 'Indication', { ...onCase, pillar: { $in: detailPillars } });
  const summaryHouseholds = unionOfHouseholds(relations.regisseur, relations.ledTeams, relations.breakGlass);
  can('read', 'Indication', [...INDICATION_SUMMARY_FIELDS], {
    householdId: { $in: summaryHouseholds },
    ...inMunicipality,
  });
  for (const [pillar, households] of consentedPillars(relations)) {
    can('read', 'Indication', [...INDICATION_SUMMARY_FIELDS], {
      householdId: { $in: households.filter((id) => caseTeam.includes(id)) },
      pillar,
      ...inMunicipality,
    });
  }
  // Jeugd details never leave the Jeugd consulenten; KBL and coaches never see Wmo or Jeugd details.
  const neverDetails: Pillar[] = financialOrganisation
    ? ['WMO', 'JEUGD']
    : detailPillars.includes('JEUGD')
      ? []
      : ['JEUGD'];
  if (neverDetails.length) {
    cannot('read', 'Indication', INDICATION_DETAIL_FIELDS, { pillar: { $in: neverDetails } });
  }

  // Rule 4 and issue 6: the plan; KBL and coaches see the financial domain unless the plan is consented.
  if (financialOrganisation) {
    const planConsented = relations.consents.filter((c) => c.category === 'PLAN').map((c) => c.householdId);
    const wholePlan = caseTeam.filter((id) => planConsented.includes(id));
    can('read', ['Plan', 'PlanGoal'], { householdId: { $in: wholePlan }, ...inMunicipality });
    can('read', 'Plan', onCase);
    can(['read', 'create', 'update'], 'PlanGoal', { ...onCase, lifeDomain: FINANCIAL_LIFE_DOMAIN });
  } else {
    can('read', ['Plan', 'PlanGoal'], withFullAccess);
    can(['create', 'update'], ['Plan', 'PlanGoal'], onCase);
  }

  // Rule 5: maatwerkbudget decided within mandate, never by the requester. Break the glass is emergency
  // reading (rule 8), never a decision about money: the case team and the teamleider of a team on it.
  if (user.mandateCents > 0) {
    can('decide', 'BudgetRequest', {
      ...inMunicipality,
      householdId: { $in: unionOfHouseholds(relations.caseTeam, relations.ledTeams) },
      amountCents: { $lte: user.mandateCents },
      requestedById: { $ne: user.id },
    });
  }

  // Rule 8: break the glass on a household one is not on.
  can('breakGlass', 'Household', inMunicipality);

  if (has('teamleider')) {
    can(['read', 'create', 'update', 'delete'], 'CaseReview', {
      householdId: { $in: relations.ledTeams },
      ...inMunicipality,
    });
  }
  return build();
}

function indicationDetailPillars(user: AuthenticatedUser): Pillar[] {
  const financial = FINANCIAL_ORGANISATIONS.includes(user.organisationKind);
  return user.pillars.filter((pillar) => {
    if (financial) return pillar === 'SHV';
    if (pillar === 'JEUGD') return user.roles.includes('consulent');
    return true;
  });
}

function consentedPillars(relations: HouseholdRelations): Map<Pillar, string[]> {
  const byPillar = new Map<Pillar, string[]>();
  for (const consent of relations.consents) {
    if (!consent.category.startsWith('PILLAR_')) continue;
    const pillar = consent.category.slice('PILLAR_'.length) as Pillar;
    byPillar.set(pillar, [...(byPillar.get(pillar) ?? []), consent.householdId]);
  }
  return byPillar;
}

// ───────────────────────── Outreach (issue 8): spreekuur contacts and vroegsignalering ─────────────────────────

/** What the outreach context knows of a user: the wijkservicepunten where they hold spreekuur (coach_location). */
export interface OutreachRelations {
  spreekuurLocationIds: string[];
}
export const NO_OUTREACH_RELATIONS: OutreachRelations = { spreekuurLocationIds: [] };

/** Organisations whose professionals hold spreekuur and work the vroegsignalering signals. */
const OUTREACH_ORGANISATIONS = ['financial-coaching', 'kbl'];

function defineOutreachRules(
  builder: AbilityBuilder<MongoAbility>,
  user: AuthenticatedUser,
  outreach: OutreachRelations,
) {
  const { can } = builder;
  const has = (role: Role) => user.roles.includes(role);
  const inMunicipality = { municipalityId: { $in: user.municipalityIds } };

  // Unanswered signals are deleted only by the privacy retention run (privacy officer, 'read
  // ProcessingLog'); nobody deletes a signal through this layer.
  if (!OUTREACH_ORGANISATIONS.includes(user.organisationKind)) return;

  // Spreekuur: a coach logs contacts (anonymous or linked) in their municipality, sees their own and
  // those of colleagues at the wijkservicepunten where they hold spreekuur, and refers walk-in residents
  // on (coach -> KBL, sociaal team) also for households whose case team they are not on.
  // The case team reads linked contacts through CASE_RECORDS (rule 2); only the coach who logged a
  // contact changes it.
  if (has('financial-coach')) {
    can('create', 'SpreekuurContact', inMunicipality);
    can(['read', 'update'], 'SpreekuurContact', { createdBy: user.id, ...inMunicipality });
    can('read', 'SpreekuurContact', {
      wijkservicepuntId: { $in: outreach.spreekuurLocationIds },
      ...inMunicipality,
    });
    can('create', 'Referral', inMunicipality);
  }

  // Vroegsignalering: coaches and KBL intake work the signals owned by their organisation; the outreach
  // indicators are aggregates for them as well.
  if (has('financial-coach') || has('schuldhulpverlener')) {
    can(['read', 'create', 'update', 'export'], 'Signal', {
      ownerOrganisationId: user.organisationId,
      ...inMunicipality,
    });
    can('read', 'Report', { topic: 'outreach', ...inMunicipality });
  }
}
