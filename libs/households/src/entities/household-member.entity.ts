import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

export const MEMBER_RELATIONS = ['parent', 'partner', 'child', 'other'] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];

@Entity({ name: 'household_member' })
export class HouseholdMember {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @ManyToOne(() => Person) @JoinColumn({ name: 'person_id' }) person?: Person;
  @Column({ type: 'text' }) relation: MemberRelation;
  @Column({ name: 'joined_on', type: 'date' }) joinedOn: string;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
}
