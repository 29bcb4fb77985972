import { DomainError, ErrorCode } from '@app/core';
import {
  allowedNextStates,
  assertTransition,
  canTransition,
  INDICATION_STATUSES,
  IndicationStatus,
} from './indication-state-machine';

const EXPECTED: Record<IndicationStatus, IndicationStatus[]> = {
  melding: ['in_behandeling', 'ingetrokken'],
  in_behandeling: ['toegekend', 'afgewezen', 'buiten_behandeling', 'ingetrokken'],
  toegekend: ['beeindigd'],
  afgewezen: [],
  buiten_behandeling: [],
  ingetrokken: [],
  beeindigd: [],
};

describe('indication state machine', () => {
  it.each(INDICATION_STATUSES)('allows exactly the documented moves from %s', (from) => {
    expect(allowedNextStates(from)).toEqual(EXPECTED[from]);
    for (const to of INDICATION_STATUSES) expect(canTransition(from, to)).toBe(EXPECTED[from].includes(to));
  });

  it('never moves back to melding and never stays in place', () => {
    for (const from of INDICATION_STATUSES) {
      expect(canTransition(from, 'melding')).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
  });

  it('refuses a beschikking on a melding with a 409 invalid-transition listing the allowed states', () => {
    let error: unknown;
    try {
      assertTransition('melding', 'toegekend');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.code).toBe(ErrorCode.InvalidTransition);
    expect(domain.extensions).toEqual({
      currentState: 'melding',
      requestedState: 'toegekend',
      allowedNextStates: ['in_behandeling', 'ingetrokken'],
    });
  });

  it('says a final status is final', () => {
    expect(() => assertTransition('afgewezen', 'toegekend')).toThrow('definitief');
    expect(() => assertTransition('in_behandeling', 'toegekend')).not.toThrow();
  });
});
