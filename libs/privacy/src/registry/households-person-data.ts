import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HouseholdPrivacyService, PersonHouseholdData } from '@app/households';
import { ReferenceService } from '@app/reference';
import {
  CASE_ROLE_LABELS,
  CONSENT_CATEGORY_LABELS,
  REFERRAL_STATUS_LABELS,
  RELATION_LABELS,
} from '../labels';
import {
  PersonDataField,
  PersonDataPart,
  PersonDataRecord,
  PersonDataRegistry,
} from './person-data.registry';

const field = (key: string, label: string, value: PersonDataField['value']): PersonDataField => ({
  key,
  label,
  value,
});
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The households context's part of an access export: the person, where they lived, their
 * representatives, consents, referrals and the organisations on their households' case teams. Other
 * members are never named; household-level referral reasons are left out, as they may be about others.
 */
@Injectable()
export class HouseholdsPersonData implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly households: HouseholdPrivacyService,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit() {
    this.registry.register({ name: 'households', collect: (id, m) => this.collect(id, m) });
  }

  async collect(personId: string, manager: EntityManager): Promise<PersonDataPart | null> {
    const data = await this.households.personDataFor(personId, manager);
    if (!data) return null;
    const names = await this.names(data);
    const org = (id: string) => names.organisations.get(id) ?? 'onbekende organisatie';
    const records: PersonDataRecord[] = [
      {
        kind: 'Persoonsgegevens',
        source: { type: 'person', id: data.person.id },
        fields: [
          field('bsn', 'BSN', data.person.bsn),
          field('givenNames', 'Voornamen', data.person.givenNames),
          field('familyNamePrefix', 'Tussenvoegsel', data.person.familyNamePrefix),
          field('familyName', 'Achternaam', data.person.familyName),
          field('birthDate', 'Geboortedatum', data.person.birthDate),
        ],
      },
      ...data.memberships.map((ms) => ({
        kind: 'Lid van een huishouden',
        source: { type: 'household_member', id: ms.memberId },
        fields: [
          field('householdId', 'Nummer huishouden', ms.household.id),
          field('street', 'Straat', ms.household.street),
          field('houseNumber', 'Huisnummer', ms.household.houseNumber),
          field('postcode', 'Postcode', ms.household.postcode),
          field('city', 'Woonplaats', ms.household.city),
          field('municipality', 'Gemeente', names.municipalities.get(ms.household.municipalityId) ?? null),
          field('relation', 'Uw plaats in het huishouden', RELATION_LABELS[ms.relation] ?? ms.relation),
          field('joinedOn', 'Lid sinds', ms.joinedOn),
          field('leftOn', 'Lid tot', ms.leftOn),
          field('caseStatus', 'Casus', ms.household.status === 'active' ? 'lopend' : 'afgesloten'),
          field('closedOn', 'Casus afgesloten op', ms.household.closedOn),
          field('cohort50', 'In de aanpak 50 gezinnen', ms.household.cohort50),
        ],
      })),
      ...data.representatives.map((r) => ({
        kind: 'Vertegenwoordiger',
        source: { type: 'representative', id: r.id },
        fields: [
          field('kind', 'Soort', r.kind),
          field('name', 'Naam', r.name),
          field('organisationName', 'Organisatie', r.organisationName),
          field('contact', 'Contactgegevens', r.contact),
          field('scope', 'Waarvoor', r.scope),
          field('startsOn', 'Vanaf', r.startsOn),
          field('endsOn', 'Tot', r.endsOn),
        ],
      })),
      ...data.consents.map((c) => ({
        kind: 'Toestemming om gegevens te delen',
        source: { type: 'consent', id: c.id },
        fields: [
          field('organisation', 'Met organisatie', org(c.organisationId)),
          field('category', 'Voor', CONSENT_CATEGORY_LABELS[c.category] ?? c.category),
          field('givenBy', 'Gegeven door', c.givenByThisPerson ? 'uzelf' : 'een ander volwassen gezinslid'),
          field('givenOn', 'Gegeven op', c.givenOn),
          field('method', 'Hoe', c.method),
          field('revokedOn', 'Ingetrokken op', c.revokedOn),
        ],
      })),
      ...data.referrals.map((r) => ({
        kind: r.concerns === 'person' ? 'Verwijzing' : 'Verwijzing van uw huishouden',
        source: { type: 'referral', id: r.id },
        fields: [
          field('from', 'Van', org(r.fromOrganisationId)),
          field('to', 'Naar', org(r.toOrganisationId)),
          field('createdOn', 'Datum', day(r.createdAt)),
          field('status', 'Status', REFERRAL_STATUS_LABELS[r.status] ?? r.status),
          ...(r.concerns === 'person'
            ? [
                field('reason', 'Reden', r.reason),
                field('declineReason', 'Reden van afwijzen', r.declineReason),
              ]
            : []),
        ],
        note:
          r.concerns === 'household'
            ? 'De reden staat hier niet in: die gaat over het hele huishouden en kan gegevens van anderen bevatten. U kunt de functionaris gegevensbescherming om inzage vragen.'
            : undefined,
      })),
      ...data.caseTeams.map((c) => ({
        kind: 'Organisatie die aan uw huishouden werkt(e)',
        source: { type: 'case_team_member', id: c.id },
        fields: [
          field('organisation', 'Organisatie', org(c.organisationId)),
          field('caseRole', 'Functie in het casusteam', CASE_ROLE_LABELS[c.caseRole] ?? c.caseRole),
          field('pillar', 'Domein', c.pillar),
          field('legalBasis', 'Grondslag', c.legalBasis),
          field('from', 'Vanaf', day(c.joinedAt)),
          field('to', 'Tot', day(c.leftAt)),
        ],
      })),
    ];
    return {
      title: 'Uw gegevens en uw huishouden',
      records,
      householdPeriods: data.memberships.map((ms) => ({
        householdId: ms.household.id,
        from: ms.joinedOn,
        to: ms.leftOn,
      })),
    };
  }

  private async names(data: PersonHouseholdData) {
    const organisationIds = [
      ...data.consents.map((c) => c.organisationId),
      ...data.referrals.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]),
      ...data.caseTeams.map((c) => c.organisationId),
    ];
    const municipalities = await this.reference.listMunicipalities();
    const organisations = await this.reference.organisationsByIds([...new Set(organisationIds)]);
    return {
      municipalities: new Map(municipalities.map((m) => [m.id, m.name])),
      organisations: new Map(organisations.map((o) => [o.id, o.name])),
    };
  }
}
