import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { DomainError } from '@app/core';
import { OUTREACH_REPORT_TOPIC } from './outreach.vocabulary';

/**
 * The municipalities whose outreach indicators the caller may see, and whether the figures must be
 * suppressed (rule 6): exact for the coaches and KBL who do the work, "<10" for everyone else.
 */
export function figuresScope(
  access: AccessService,
  ability: AppAbility,
  user: AuthenticatedUser,
  municipalityId?: string,
): { municipalityIds: string[]; suppressed: boolean } {
  const allowed = (id: string) =>
    access.can(ability, 'read', 'Report', { municipalityId: id, topic: OUTREACH_REPORT_TOPIC });
  const municipalityIds = (municipalityId ? [municipalityId] : user.municipalityIds).filter(allowed);
  if (municipalityIds.length === 0) {
    if (municipalityId)
      throw DomainError.invalidField('municipalityId', 'U heeft geen cijfers van deze gemeente.');
    throw DomainError.forbidden();
  }
  const exact =
    ability.can('read', 'Signal') &&
    (user.roles.includes('financial-coach') || user.roles.includes('schuldhulpverlener'));
  return { municipalityIds, suppressed: !exact };
}

/** The default period of a figures query: 12 weeks or 12 months up to today. */
export function figuresRange(period: 'week' | 'month', today: string, from?: string, to?: string) {
  const end = to ?? today;
  const start =
    from ??
    (period === 'week' ? shift(end, { days: -7 * 12 + 1 }) : shift(end, { months: -11, toFirst: true }));
  if (daySpan(start, end) > 731)
    throw DomainError.invalidField('from', 'Kies een periode van hooguit twee jaar.');
  return { from: start, to: end };
}

function shift(date: string, by: { days?: number; months?: number; toFirst?: boolean }) {
  const d = new Date(`${date}T00:00:00Z`);
  if (by.days) d.setUTCDate(d.getUTCDate() + by.days);
  if (by.months) {
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + by.months);
  }
  return d.toISOString().slice(0, 10);
}

function daySpan(from: string, to: string) {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
