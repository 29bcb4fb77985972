import { ClsService } from 'nestjs-cls';
import { ModuleRef } from '@nestjs/core';
import { DomainError, ErrorCode } from '@app/core';
import { defineAbilityFor } from './ability.factory';
import { AccessService } from './access.service';
import { AuthenticatedUser } from './access.types';
import { NO_RELATIONS } from './household-relations';

const consulent: AuthenticatedUser = {
  id: 'u-1',
  email: 'u@demo',
  displayName: 'U',
  organisationId: 'szmh',
  organisationKind: 'szmh',
  roles: ['consulent'],
  pillars: ['WMO'],
  municipalityIds: ['maastricht'],
  teamIds: [],
  ledTeamIds: [],
  mandateCents: 0,
};
const service = new AccessService({} as ModuleRef, { isActive: () => false } as unknown as ClsService);
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('AccessService', () => {
  const onCase = defineAbilityFor(consulent, { ...NO_RELATIONS, caseTeam: ['h-1'] });
  const index = defineAbilityFor(consulent, NO_RELATIONS);
  const household = { id: 'h-1', municipalityId: 'maastricht', street: 'Markt', bsn: '123456782' };

  it('answers 404 for a record outside the caller municipality, never 403 (rule 9)', () => {
    const elsewhere = { ...household, municipalityId: 'vaals' };
    expect(codeOf(() => service.ensureCan(onCase, 'read', 'Household', elsewhere))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => service.ensureCan(onCase, 'update', 'Household', elsewhere))).toBe(
      ErrorCode.NotFound,
    );
  });

  it('answers 403 for a visible record the caller may not change, and allows the case team', () => {
    expect(codeOf(() => service.ensureCan(index, 'update', 'Household', household))).toBe(
      ErrorCode.Forbidden,
    );
    expect(codeOf(() => service.ensureCan(onCase, 'update', 'Household', household))).toBe('allowed');
  });

  it('projects each record to the fields the caller may see', () => {
    expect(service.project(index, 'Household', household)).toEqual({
      id: 'h-1',
      municipalityId: 'maastricht',
      street: 'Markt',
    });
    expect(service.project(onCase, 'Household', household)).toEqual(household);
    expect(service.project(index, 'Member', { householdId: 'h-1', municipalityId: 'maastricht' })).toBeNull();
  });
});
