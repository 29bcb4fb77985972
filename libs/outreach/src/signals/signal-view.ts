import { ArrearsSignal } from '../entities';
import { PRIORITY_LABELS } from '../outreach.vocabulary';
import { wgsClock } from './wgs-clock';

/** A signal as its owners see it in the worklist. */
export function signalView(
  s: ArrearsSignal,
  today: string,
  extra: { attempts: number; addressSignals: number },
) {
  return {
    id: s.id,
    reference: s.reference,
    municipalityId: s.municipalityId,
    priority: s.priority,
    priorityLabel: PRIORITY_LABELS[s.priority],
    multiple: s.multiple,
    repeated: s.repeated,
    threatening: s.threatening,
    creditorType: s.creditorType,
    creditor: s.creditor,
    creditorReference: s.creditorReference,
    arrearsCents: s.arrearsCents,
    arrearsMonths: s.arrearsMonths,
    receivedOn: s.receivedOn,
    bsn: s.bsn,
    address: {
      street: s.street,
      houseNumber: s.houseNumber,
      houseNumberAddition: s.houseNumberAddition,
      postcode: s.postcode,
      city: s.city,
    },
    knownPersonId: s.personId,
    knownHouseholdId: s.householdId,
    ownerOrganisationId: s.ownerOrganisationId,
    ownerUserId: s.ownerUserId,
    attempts: extra.attempts,
    /** All signals at this address (of any creditor), this one included. */
    addressSignals: extra.addressSignals,
    outcome: s.outcome,
    outcomeOn: s.outcomeOn,
    helpRequestedOn: s.helpRequestedOn,
    firstConversationOn: s.firstConversationOn,
    wgsClock: wgsClock(s, today),
  };
}
