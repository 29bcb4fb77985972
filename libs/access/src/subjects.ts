/**
 * The subjects access rules speak about, and their fields. Records are plain rows tagged with
 * `subject(type, row)`; field names are entity property names (the SQL translator resolves them
 * through entity metadata).
 */
export const SUBJECTS = [
  'Household',
  'Member',
  'CaseTeamMember',
  'Consent',
  'Representative',
  'Referral',
  'Indication',
  'Plan',
  'PlanGoal',
  'BudgetRequest',
  'SpreekuurContact',
  'Signal',
  'CaseReview',
  'BreakGlassGrant',
  'Report',
  'ProcessingLog',
  'AccessRequest',
  'ReferenceData',
  'Catalogue',
  'Budget',
  'UserAccount',
  /** A pending account change that needs a second functioneel beheerder (vier-ogenprincipe). */
  'UserAccountChange',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export const ACTIONS = [
  'manage',
  'read',
  'search',
  'create',
  'update',
  'delete',
  'decide',
  'breakGlass',
  'export',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What any professional of the municipality may see of a household: the verwijsindex (rule 2). */
export const HOUSEHOLD_INDEX_FIELDS = [
  'id',
  'municipalityId',
  'neighbourhoodId',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'pillars',
  'regisseur',
  'status',
] as const;

/** What the regisseur, the teamleider and consented colleagues see of another pillar's indication (rule 3). */
export const INDICATION_SUMMARY_FIELDS = [
  'id',
  'householdId',
  'municipalityId',
  'personId',
  'pillar',
  'productCategory',
  'startDate',
  'endDate',
  'status',
  // The running legal clock (libs/indications): when the procedure is due, not what it is about.
  'deadline',
  'daysLeft',
  'overdue',
] as const;

/** Indication fields beyond the summary: product, provider, reasons, notes. */
export const INDICATION_DETAIL_FIELDS = [
  'product',
  'productId',
  'provider',
  'form',
  'reason',
  'notes',
  'procedure',
];

/** Life domain of the plan that KBL and financial coaches on the case see without consent (rule 4). */
export const FINANCIAL_LIFE_DOMAIN = 'financien';

/** Consent categories: the plan as a whole, or one pillar's summary. */
export type ConsentCategory = 'PLAN' | `PILLAR_${'WMO' | 'JEUGD' | 'PARTICIPATIE' | 'SHV' | 'ONDERWIJS'}`;
