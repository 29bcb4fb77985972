import { subject } from '@casl/ability';
import { AppAbility, AppSubject, defineAbilityFor } from './ability.factory';
import { AuthenticatedUser } from './access.types';
import { HouseholdRelations, NO_RELATIONS } from './household-relations';
import { Action, SubjectName } from './subjects';

const MAASTRICHT = 'maastricht';
const VAALS = 'vaals';

function user(overrides: Partial<AuthenticatedUser> = {}): AuthenticatedUser {
  return {
    id: 'u-1',
    email: 'u@demo',
    displayName: 'U',
    organisationId: 'szmh',
    organisationKind: 'szmh',
    roles: ['consulent'],
    pillars: ['WMO'],
    municipalityIds: [MAASTRICHT],
    teamIds: ['team-nw'],
    ledTeamIds: [],
    mandateCents: 50_000,
    ...overrides,
  };
}
const relations = (r: Partial<HouseholdRelations> = {}): HouseholdRelations => ({ ...NO_RELATIONS, ...r });
const household = { id: 'h-1', municipalityId: MAASTRICHT, street: 'Brusselseweg', bsn: '123456782' };
const indication = (pillar: string, householdId = 'h-1') => ({
  id: 'i-1',
  householdId,
  municipalityId: MAASTRICHT,
  pillar,
  productCategory: 'begeleiding',
  status: 'toegekend',
  product: 'Begeleiding individueel',
  provider: 'Zorgaanbieder X',
  notes: 'vertrouwelijk',
});
const can = (ability: AppAbility, action: Action, type: SubjectName, record: object, field?: string) =>
  ability.can(action, subject(type, { ...record }) as AppSubject, field);

describe('access rules (DESIGN.md "Access rules")', () => {
  describe('rule 1: municipality', () => {
    it('allows the index of a household in a municipality the user works for', () => {
      expect(can(defineAbilityFor(user(), relations()), 'read', 'Household', household)).toBe(true);
    });
    it('refuses anything of a municipality the user does not work for, even on the case team', () => {
      const a = defineAbilityFor(user({ municipalityIds: [VAALS] }), relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'read', 'Household', household)).toBe(false);
      expect(can(a, 'read', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(false);
    });
  });

  describe('rule 2: need to know', () => {
    it('gives the case team the whole dossier', () => {
      const a = defineAbilityFor(user(), relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'read', 'Household', household, 'bsn')).toBe(true);
      expect(can(a, 'read', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(true);
    });
    it('gives a non-member of the same municipality only the index', () => {
      const a = defineAbilityFor(user(), relations());
      expect(can(a, 'read', 'Household', household, 'street')).toBe(true);
      expect(can(a, 'read', 'Household', household, 'bsn')).toBe(false);
      expect(can(a, 'read', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(false);
    });
    it('gives the teamleider of a team with a member on the case the dossier', () => {
      const a = defineAbilityFor(user({ roles: ['teamleider'] }), relations({ ledTeams: ['h-1'] }));
      expect(can(a, 'read', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(true);
      expect(can(a, 'read', 'Member', { householdId: 'h-2', municipalityId: MAASTRICHT })).toBe(false);
    });
  });

  describe('rule 3: pillar details', () => {
    it('shows details to case-team members of the same pillar', () => {
      const a = defineAbilityFor(user({ pillars: ['WMO'] }), relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'read', 'Indication', indication('WMO'), 'provider')).toBe(true);
      expect(can(a, 'read', 'Indication', indication('PARTICIPATIE'))).toBe(false);
    });
    it('shows the regisseur a summary of other pillars, not the details', () => {
      const a = defineAbilityFor(
        user({ pillars: ['WMO'] }),
        relations({ caseTeam: ['h-1'], regisseur: ['h-1'] }),
      );
      expect(can(a, 'read', 'Indication', indication('PARTICIPATIE'), 'status')).toBe(true);
      expect(can(a, 'read', 'Indication', indication('PARTICIPATIE'), 'provider')).toBe(false);
    });
    it('shows other case-team members the summary only under consent for their organisation', () => {
      const without = defineAbilityFor(user({ pillars: ['PARTICIPATIE'] }), relations({ caseTeam: ['h-1'] }));
      expect(can(without, 'read', 'Indication', indication('WMO'))).toBe(false);
      const withConsent = defineAbilityFor(
        user({ pillars: ['PARTICIPATIE'] }),
        relations({ caseTeam: ['h-1'], consents: [{ householdId: 'h-1', category: 'PILLAR_WMO' }] }),
      );
      expect(can(withConsent, 'read', 'Indication', indication('WMO'), 'status')).toBe(true);
      expect(can(withConsent, 'read', 'Indication', indication('WMO'), 'notes')).toBe(false);
    });
    it('keeps Jeugd details with the Jeugd consulenten', () => {
      const jeugd = defineAbilityFor(user({ pillars: ['JEUGD'] }), relations({ caseTeam: ['h-1'] }));
      expect(can(jeugd, 'read', 'Indication', indication('JEUGD'), 'notes')).toBe(true);
      const socialTeam = defineAbilityFor(
        user({
          roles: ['sociaal-team-medewerker'],
          pillars: ['JEUGD', 'WMO'],
          organisationKind: 'sociaal-team',
        }),
        relations({ caseTeam: ['h-1'], regisseur: ['h-1'] }),
      );
      expect(can(socialTeam, 'read', 'Indication', indication('JEUGD'), 'notes')).toBe(false);
      expect(can(socialTeam, 'read', 'Indication', indication('JEUGD'), 'status')).toBe(true);
    });
  });

  describe('rule 4: KBL and financial coaches', () => {
    const kbl = user({ roles: ['schuldhulpverlener'], pillars: ['SHV'], organisationKind: 'kbl' });
    it('shows SHV details and the financial part of the plan of households they are on', () => {
      const a = defineAbilityFor(kbl, relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'read', 'Indication', indication('SHV'), 'provider')).toBe(true);
      const goal = { householdId: 'h-1', municipalityId: MAASTRICHT, lifeDomain: 'financien' };
      expect(can(a, 'read', 'PlanGoal', goal)).toBe(true);
      expect(can(a, 'read', 'PlanGoal', { ...goal, lifeDomain: 'gezondheid' })).toBe(false);
    });
    it('never shows them Wmo or Jeugd details, even with consent; the whole plan only under consent', () => {
      const a = defineAbilityFor(
        { ...kbl, pillars: ['SHV', 'WMO'] },
        relations({
          caseTeam: ['h-1'],
          consents: [
            { householdId: 'h-1', category: 'PILLAR_WMO' },
            { householdId: 'h-1', category: 'PLAN' },
          ],
        }),
      );
      expect(can(a, 'read', 'Indication', indication('WMO'), 'provider')).toBe(false);
      expect(can(a, 'read', 'Indication', indication('WMO'), 'status')).toBe(true);
      const goal = { householdId: 'h-1', municipalityId: MAASTRICHT, lifeDomain: 'gezondheid' };
      expect(can(a, 'read', 'PlanGoal', goal)).toBe(true);
    });
  });

  describe('referrals', () => {
    const referral = {
      householdId: 'h-1',
      municipalityId: MAASTRICHT,
      toOrganisationId: 'kbl',
      status: 'open',
    };
    it('lets the receiving organisation answer an open referral', () => {
      const kbl = user({ roles: ['schuldhulpverlener'], organisationId: 'kbl', organisationKind: 'kbl' });
      expect(can(defineAbilityFor(kbl, relations()), 'update', 'Referral', referral)).toBe(true);
    });
    it('never lets the sending case team answer its own referral', () => {
      const sender = defineAbilityFor(user(), relations({ caseTeam: ['h-1'] }));
      expect(can(sender, 'read', 'Referral', referral)).toBe(true);
      expect(can(sender, 'update', 'Referral', referral)).toBe(false);
    });
  });

  describe('rule 5: maatwerkbudget', () => {
    const request = {
      householdId: 'h-1',
      municipalityId: MAASTRICHT,
      amountCents: 40_000,
      requestedById: 'u-2',
    };
    it('lets a case-team member see requests and a decider decide within mandate', () => {
      const a = defineAbilityFor(user(), relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'read', 'BudgetRequest', request)).toBe(true);
      expect(can(a, 'decide', 'BudgetRequest', request)).toBe(true);
    });
    it('refuses a decision above mandate or on ones own request', () => {
      const a = defineAbilityFor(user(), relations({ caseTeam: ['h-1'] }));
      expect(can(a, 'decide', 'BudgetRequest', { ...request, amountCents: 50_001 })).toBe(false);
      expect(can(a, 'decide', 'BudgetRequest', { ...request, requestedById: 'u-1' })).toBe(false);
      expect(can(defineAbilityFor(user(), relations()), 'read', 'BudgetRequest', request)).toBe(false);
    });
    it('lets break the glass read a request but never decide it (rule 8 is emergency reading)', () => {
      const a = defineAbilityFor(user(), relations({ breakGlass: ['h-1'] }));
      expect(can(a, 'read', 'BudgetRequest', request)).toBe(true);
      expect(can(a, 'decide', 'BudgetRequest', request)).toBe(false);
    });
  });

  describe('rule 6: aggregates only for beleidsmedewerkers', () => {
    const policy = user({ roles: ['beleidsmedewerker'], pillars: [] });
    it('allows reports of their municipality', () => {
      expect(
        can(defineAbilityFor(policy, relations()), 'read', 'Report', { municipalityId: MAASTRICHT }),
      ).toBe(true);
    });
    it('refuses every household, even the index', () => {
      expect(can(defineAbilityFor(policy, relations()), 'read', 'Household', household)).toBe(false);
    });
  });

  describe('rule 7: no case content for privacy officer and functioneel beheerder', () => {
    it('allows them their own work', () => {
      const fg = defineAbilityFor(user({ roles: ['privacy-officer'] }), relations());
      expect(fg.can('read', 'ProcessingLog')).toBe(true);
      const fb = defineAbilityFor(user({ roles: ['functioneel-beheerder'] }), relations());
      expect(fb.can('create', 'UserAccount')).toBe(true);
    });
    it('refuses them households, even if wrongly put on a case team', () => {
      for (const role of ['privacy-officer', 'functioneel-beheerder'] as const) {
        const a = defineAbilityFor(user({ roles: [role] }), relations({ caseTeam: ['h-1'] }));
        expect(can(a, 'read', 'Household', household)).toBe(false);
        expect(can(a, 'read', 'Indication', indication('WMO'))).toBe(false);
      }
    });
  });

  describe('rule 8: break the glass', () => {
    it('opens the dossier of a household with an active grant', () => {
      const a = defineAbilityFor(user(), relations({ breakGlass: ['h-1'] }));
      expect(can(a, 'read', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(true);
      expect(can(a, 'breakGlass', 'Household', household)).toBe(true);
    });
    it('does not let a grant write, nor open another municipality', () => {
      const a = defineAbilityFor(user(), relations({ breakGlass: ['h-1'] }));
      expect(can(a, 'update', 'Member', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(false);
      const other = defineAbilityFor(user({ municipalityIds: [VAALS] }), relations());
      expect(can(other, 'breakGlass', 'Household', household)).toBe(false);
    });
  });

  describe('rule 9: refusals leak nothing', () => {
    it('is covered by AccessService.ensureCan (404 for unreadable records) in access.service.spec.ts', () => {
      expect(defineAbilityFor(user(), relations()).can('read', 'Household')).toBe(true);
    });
  });
});

// ───────────────────────── Outreach (issue 8) ─────────────────────────
describe('outreach rules (issue 8)', () => {
  const coach = user({
    id: 'coach-1',
    roles: ['financial-coach'],
    pillars: ['SHV'],
    organisationId: 'coaches',
    organisationKind: 'financial-coaching',
  });
  const kbl = user({ roles: ['schuldhulpverlener'], organisationId: 'kbl', organisationKind: 'kbl' });
  const contact = (overrides: Record<string, unknown> = {}) => ({
    id: 'c-1',
    municipalityId: MAASTRICHT,
    wijkservicepuntId: 'nazareth',
    householdId: null,
    createdBy: 'coach-2',
    ...overrides,
  });
  const signal = (ownerOrganisationId: string) => ({
    id: 's-1',
    municipalityId: MAASTRICHT,
    ownerOrganisationId,
  });
  const outreach = (...spreekuurLocationIds: string[]) => ({ spreekuurLocationIds });

  describe('spreekuur contacts', () => {
    it('lets a coach log a contact in their municipality, not in another', () => {
      const a = defineAbilityFor(coach, relations());
      expect(can(a, 'create', 'SpreekuurContact', contact())).toBe(true);
      expect(can(a, 'create', 'SpreekuurContact', contact({ municipalityId: VAALS }))).toBe(false);
    });
    it('shows a coach their own contacts, and lets them change only those', () => {
      const a = defineAbilityFor(coach, relations());
      expect(can(a, 'update', 'SpreekuurContact', contact({ createdBy: 'coach-1' }))).toBe(true);
      expect(can(a, 'read', 'SpreekuurContact', contact())).toBe(false);
      expect(can(a, 'update', 'SpreekuurContact', contact())).toBe(false);
    });
    it("shows a colleague's contacts at a location where the coach holds spreekuur, not elsewhere", () => {
      const a = defineAbilityFor(coach, relations(), outreach('nazareth'));
      expect(can(a, 'read', 'SpreekuurContact', contact())).toBe(true);
      expect(can(a, 'update', 'SpreekuurContact', contact())).toBe(false);
      expect(can(a, 'read', 'SpreekuurContact', contact({ wijkservicepuntId: 'pottenberg' }))).toBe(false);
    });
    it('shows a linked contact to the case team of its household only', () => {
      const linked = contact({ householdId: 'h-1', wijkservicepuntId: 'pottenberg' });
      expect(
        can(defineAbilityFor(user(), relations({ caseTeam: ['h-1'] })), 'read', 'SpreekuurContact', linked),
      ).toBe(true);
      expect(can(defineAbilityFor(user(), relations()), 'read', 'SpreekuurContact', linked)).toBe(false);
    });
    it("lets the case team read a linked contact but not change the coach's record", () => {
      const linked = contact({ householdId: 'h-1', createdBy: 'coach-1' });
      const caseTeam = relations({ caseTeam: ['h-1'] });
      const consulent = defineAbilityFor(user(), caseTeam);
      expect(can(consulent, 'read', 'SpreekuurContact', linked)).toBe(true);
      expect(can(consulent, 'update', 'SpreekuurContact', linked)).toBe(false);
      // The guard still lets the route through; the record check refuses (403, the contact is visible).
      expect(consulent.can('update', 'SpreekuurContact')).toBe(true);
      const otherCoach = { ...coach, id: 'coach-9' };
      expect(can(defineAbilityFor(otherCoach, caseTeam), 'update', 'SpreekuurContact', linked)).toBe(false);
      expect(can(defineAbilityFor(coach, caseTeam), 'update', 'SpreekuurContact', linked)).toBe(true);
      // Members, consents and the like stay the case team's to change.
      expect(can(consulent, 'update', 'Consent', { householdId: 'h-1', municipalityId: MAASTRICHT })).toBe(
        true,
      );
    });
    it('does not let a sociaal team worker log spreekuur contacts', () => {
      const st = user({ roles: ['sociaal-team-medewerker'], organisationKind: 'sociaal-team' });
      expect(can(defineAbilityFor(st, relations()), 'create', 'SpreekuurContact', contact())).toBe(false);
    });
    it('lets a coach refer a walk-in household of their municipality on; others only on their cases', () => {
      const referral = { householdId: 'h-1', municipalityId: MAASTRICHT };
      expect(can(defineAbilityFor(coach, relations()), 'create', 'Referral', referral)).toBe(true);
      expect(
        can(defineAbilityFor(coach, relations()), 'create', 'Referral', {
          ...referral,
          municipalityId: VAALS,
        }),
      ).toBe(false);
      expect(can(defineAbilityFor(user(), relations()), 'create', 'Referral', referral)).toBe(false);
    });
  });

  describe('vroegsignalering signals', () => {
    it("lets coaches and KBL intake work their own organisation's signals only", () => {
      expect(can(defineAbilityFor(coach, relations()), 'update', 'Signal', signal('coaches'))).toBe(true);
      expect(can(defineAbilityFor(coach, relations()), 'read', 'Signal', signal('kbl'))).toBe(false);
      expect(can(defineAbilityFor(kbl, relations()), 'read', 'Signal', signal('kbl'))).toBe(true);
      expect(
        can(defineAbilityFor(kbl, relations()), 'export', 'Signal', {
          ...signal('kbl'),
          municipalityId: VAALS,
        }),
      ).toBe(false);
    });
    it('shows signals to nobody else: not a sociaal team worker, not a consulent', () => {
      const st = user({
        roles: ['sociaal-team-medewerker'],
        organisationKind: 'sociaal-team',
        organisationId: 'st',
      });
      expect(defineAbilityFor(st, relations({ caseTeam: ['h-1'] })).can('read', 'Signal')).toBe(false);
      expect(defineAbilityFor(user(), relations()).can('read', 'Signal')).toBe(false);
    });
    it('lets nobody delete or read signals outside the worklist: retention is the privacy run', () => {
      for (const role of ['functioneel-beheerder', 'privacy-officer'] as const) {
        const a = defineAbilityFor(user({ roles: [role] }), relations());
        expect(a.can('delete', 'Signal')).toBe(false);
        expect(a.can('read', 'Signal')).toBe(false);
      }
      expect(defineAbilityFor(coach, relations()).can('delete', 'Signal')).toBe(false);
      expect(defineAbilityFor(kbl, relations()).can('delete', 'Signal')).toBe(false);
    });
    it('gives coaches and KBL the outreach indicators, not other reports', () => {
      const a = defineAbilityFor(coach, relations());
      expect(can(a, 'read', 'Report', { municipalityId: MAASTRICHT, topic: 'outreach' })).toBe(true);
      expect(can(a, 'read', 'Report', { municipalityId: MAASTRICHT })).toBe(false);
      const st = user({ roles: ['sociaal-team-medewerker'], organisationKind: 'sociaal-team' });
      expect(
        can(defineAbilityFor(st, relations()), 'read', 'Report', {
          municipalityId: MAASTRICHT,
          topic: 'outreach',
        }),
      ).toBe(false);
    });
  });
});
