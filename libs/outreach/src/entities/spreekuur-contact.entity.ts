import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentMethod, LinkBasis, ReferralTarget, SpreekuurTopic } from '../outreach.vocabulary';

/** One visit at a spreekuur: anonymous, or linked to a household (and person) on a recorded basis. */
@Entity({ name: 'spreekuur_contact' })
export class SpreekuurContact {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'wijkservicepunt_id', type: 'uuid' }) wijkservicepuntId: string;
  @Column({ name: 'contact_at', type: 'timestamptz' }) contactAt: Date;
  @Column({ type: 'text', array: true }) topics: SpreekuurTopic[];
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @Column({ type: 'text', nullable: true }) basis: LinkBasis | null;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis: string | null;
  @Column({ name: 'consent_given_on', type: 'date', nullable: true }) consentGivenOn: string | null;
  @Column({ name: 'consent_method', type: 'text', nullable: true }) consentMethod: ConsentMethod | null;
  @Column({ name: 'referral_to', type: 'text', nullable: true }) referralTo: ReferralTarget | null;
  @Column({ name: 'referral_organisation_id', type: 'uuid', nullable: true })
  referralOrganisationId: string | null;
  /** The name of the receiver when it is not an organisation in the system ("other"). */
  @Column({ name: 'referral_other', type: 'text', nullable: true }) referralOther: string | null;
  /** The referral created in the household's dossier (Households) for a linked contact. */
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'follow_up_on', type: 'date', nullable: true }) followUpOn: string | null;
  @Column({ name: 'follow_up_done_on', type: 'date', nullable: true }) followUpDoneOn: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
