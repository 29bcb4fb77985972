import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DataSubject } from '@app/audit';
import { addDays } from '@app/core';
import { HouseholdPrivacyService } from '@app/households';
import {
  PersonDataField,
  PersonDataPart,
  PersonDataRecord,
  PersonDataRegistry,
  RetentionRegistry,
  RetentionSweepResult,
} from '@app/privacy';
import { ReferenceService } from '@app/reference';
import { ArrearsSignal, SignalAttempt, SpreekuurContact } from './entities';
import { outreachConfig, OutreachConfig } from './outreach.config';
import { signalSubject } from './signals/signal-import.service';
import { SignalRetentionService } from './signals/signal-retention.service';

const field = (key: string, label: string, value: PersonDataField['value']): PersonDataField => ({
  key,
  label,
  value,
});
const euro = (cents: number) => `EUR ${(cents / 100).toFixed(2).replace('.', ',')}`;

/** Where the default periods come from; both are this product's choice, to be confirmed by the FG. */
export const SIGNAL_RETENTION_SOURCE =
  'Vroegsignalering is een wettelijke taak (Wgs art. 3 en 4a); een signaal zonder vervolg wordt niet langer bewaard dan nodig (AVG art. 5 lid 1 sub e). 180 dagen na ontvangst is de standaard van dit product (instelbaar met OUTREACH_SIGNAL_RETENTION_DAYS), te bevestigen door de FG.';
export const CONTACT_RETENTION_SOURCE =
  'Geen wettelijke termijn voor inloopcontacten; opslagbeperking (AVG art. 5 lid 1 sub e). 2 jaar na het contact en de opvolgdatum is de standaard van dit product (instelbaar met OUTREACH_CONTACT_RETENTION_DAYS), te bevestigen door de FG; de spreekuurcijfers blijven tellen.';

/**
 * The outreach context's part of privacy operations. AVG art. 15: the person's vroegsignalering signals
 * (by person or BSN) with their outreach attempts, and the spreekuur contacts linked to them. Retention
 * (two sweeps of the privacy run, the only retention path of outreach): unanswered signals are deleted
 * after their period, with their attempts, and their addresses regrouped; linked spreekuur contacts are
 * anonymised after theirs — the contact stays with location, time, topics and referral so the spreekuur
 * figures keep counting it.
 */
@Injectable()
export class OutreachPrivacy implements OnModuleInit {
  constructor(
    @Inject(outreachConfig.KEY) private readonly config: OutreachConfig,
    private readonly personData: PersonDataRegistry,
    private readonly retention: RetentionRegistry,
    private readonly households: HouseholdPrivacyService,
    private readonly reference: ReferenceService,
    private readonly signals: SignalRetentionService,
  ) {}

  onModuleInit() {
    this.personData.register({ name: 'outreach', collect: (id, m) => this.collect(id, m) });
    this.retention.registerSweep({
      name: 'outreach.signals',
      policy: () => ({
        rule: 'Signalen zonder hulpvraag en zonder uitkomst waarna hulp volgt worden verwijderd, gerekend vanaf de ontvangstdatum',
        periodDays: this.config.signalRetentionDays,
        source: SIGNAL_RETENTION_SOURCE,
      }),
      expire: (today, m) => this.expireSignals(today, m),
    });
    this.retention.registerSweep({
      name: 'outreach.spreekuur',
      policy: () => ({
        rule: 'Spreekuurcontacten worden losgekoppeld van persoon en huishouden (grondslag en notitie gewist), gerekend vanaf het contact en de opvolgdatum',
        periodDays: this.config.contactRetentionDays,
        source: CONTACT_RETENTION_SOURCE,
      }),
      expire: (today, m) => this.anonymiseContacts(today, m),
    });
  }

  async collect(personId: string, m: EntityManager): Promise<PersonDataPart | null> {
    const bsn = (await this.households.personDataFor(personId, m))?.person.bsn ?? null;
    const signals = await m.find(ArrearsSignal, {
      where: bsn ? [{ personId }, { bsn }] : [{ personId }],
      order: { receivedOn: 'ASC', reference: 'ASC' },
    });
    const attempts = signals.length
      ? await m.find(SignalAttempt, {
          where: { signalId: In(signals.map((s) => s.id)) },
          order: { attemptedOn: 'ASC' },
        })
      : [];
    const contacts = await m.find(SpreekuurContact, { where: { personId }, order: { contactAt: 'ASC' } });
    if (!signals.length && !contacts.length) return null;
    const reference = new Map(signals.map((s) => [s.id, s.reference]));
    const records: PersonDataRecord[] = [
      ...signals.map((s) => ({
        kind: 'Signaal van een betalingsachterstand (vroegsignalering)',
        source: { type: 'arrears_signal', id: s.id },
        fields: [
          field('reference', 'Ons kenmerk', s.reference),
          field('creditorType', 'Soort schuldeiser', s.creditorType),
          field('creditor', 'Schuldeiser', s.creditor),
          field('creditorReference', 'Kenmerk van de schuldeiser', s.creditorReference),
          field('bsn', 'BSN', s.bsn),
          field('address', 'Adres', address(s)),
          field('arrears', 'Achterstand', euro(s.arrearsCents)),
          field('arrearsMonths', 'Achterstand in maanden', s.arrearsMonths),
          field('receivedOn', 'Ontvangen op', s.receivedOn),
          field('threatening', 'Dreigende situatie', s.threatening),
          field('helpRequestedOn', 'Hulpvraag op', s.helpRequestedOn),
          field('firstConversationOn', 'Eerste gesprek op', s.firstConversationOn),
          field('outcome', 'Uitkomst', s.outcome),
          field('outcomeOn', 'Uitkomst op', s.outcomeOn),
        ],
      })),
      ...attempts.map((a) => ({
        kind: 'Poging om contact met u op te nemen na een signaal',
        source: { type: 'arrears_signal_attempt', id: a.id },
        fields: [
          field('signal', 'Bij signaal', reference.get(a.signalId) ?? null),
          field('kind', 'Hoe', a.kind),
          field('attemptedOn', 'Datum', a.attemptedOn),
          field('reached', 'Bereikt', a.reached),
          field('note', 'Aantekening', a.note),
        ],
      })),
      ...(await Promise.all(
        contacts.map(async (c) => ({
          kind: 'Bezoek aan het spreekuur van een financieel coach',
          source: { type: 'spreekuur_contact', id: c.id },
          fields: [
            field('contactAt', 'Datum en tijd', c.contactAt.toISOString()),
            field(
              'location',
              'Wijkservicepunt',
              (await this.reference.wijkservicepunt(c.wijkservicepuntId))?.name ?? null,
            ),
            field('topics', 'Onderwerpen', c.topics.join(', ')),
            field('basis', 'Grondslag voor het vastleggen', c.basis),
            field('legalBasis', 'Wettelijke grondslag', c.legalBasis),
            field('consentGivenOn', 'Toestemming gegeven op', c.consentGivenOn),
            field('referralTo', 'Doorverwezen naar', c.referralOther ?? c.referralTo),
            field('note', 'Aantekening', c.note),
            field('followUpOn', 'Opvolgen op', c.followUpOn),
          ],
        })),
      )),
    ];
    return { title: 'Vroegsignalering en spreekuur', records };
  }

  private async expireSignals(today: string, m: EntityManager): Promise<RetentionSweepResult> {
    const deleted = await this.signals.deleteDue(m, addDays(today, -this.config.signalRetentionDays));
    return { deleted: deleted.map((s) => s.id), anonymised: [], dataSubjects: deleted.map(signalSubject) };
  }

  /** Idempotent: a contact without link, note or referral link has nothing left to anonymise. */
  private async anonymiseContacts(today: string, m: EntityManager): Promise<RetentionSweepResult> {
    const before = addDays(today, -this.config.contactRetentionDays);
    const rows = await m.query<{ id: string; person_id: string | null; household_id: string | null }[]>(
      `SELECT id, person_id, household_id FROM spreekuur_contact
        WHERE contact_at < $1::date AND (follow_up_on IS NULL OR follow_up_on < $1::date)
          AND (household_id IS NOT NULL OR note IS NOT NULL OR referral_id IS NOT NULL)
        ORDER BY id FOR UPDATE`,
      [before],
    );
    if (rows.length) {
      await m.query(
        `UPDATE spreekuur_contact SET household_id = NULL, person_id = NULL, basis = NULL, legal_basis = NULL,
                consent_given_on = NULL, consent_method = NULL, referral_id = NULL, note = NULL
          WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    }
    const subjects = rows.flatMap<DataSubject>((r) =>
      r.person_id
        ? [{ type: 'person', id: r.person_id }]
        : r.household_id
          ? [{ type: 'household', id: r.household_id }]
          : [],
    );
    return { deleted: [], anonymised: rows.map((r) => r.id), dataSubjects: subjects };
  }
}

function address(s: ArrearsSignal) {
  const number = `${s.houseNumber}${s.houseNumberAddition ? ` ${s.houseNumberAddition}` : ''}`;
  return [s.street ? `${s.street} ${number}` : number, s.postcode, s.city].filter(Boolean).join(', ');
}
