import { Wijkservicepunt } from '@app/reference';
import { SpreekuurContact } from '../entities';

/** A spreekuur contact as the API shows it. */
export function contactView(
  c: SpreekuurContact,
  points: ReadonlyMap<string, Pick<Wijkservicepunt, 'name'>>,
  callerId: string,
) {
  return {
    id: c.id,
    municipalityId: c.municipalityId,
    wijkservicepunt: { id: c.wijkservicepuntId, name: points.get(c.wijkservicepuntId)?.name ?? 'onbekend' },
    contactAt: c.contactAt,
    topics: c.topics,
    anonymous: c.householdId === null,
    householdId: c.householdId,
    personId: c.personId,
    basis: c.basis,
    legalBasis: c.legalBasis,
    consentGivenOn: c.consentGivenOn,
    consentMethod: c.consentMethod,
    referral: c.referralTo
      ? {
          to: c.referralTo,
          organisationId: c.referralOrganisationId,
          other: c.referralOther,
          referralId: c.referralId,
        }
      : null,
    note: c.note,
    followUpOn: c.followUpOn,
    followUpDoneOn: c.followUpDoneOn,
    createdBy: c.createdBy,
    mine: c.createdBy === callerId,
  };
}
export type ContactView = ReturnType<typeof contactView>;
