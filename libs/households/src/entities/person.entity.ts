import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'person' })
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  /**
   * BSN and names are NULL once the person is anonymised (anonymisedAt set, retention; a CHECK in the
   * privacy migration enforces both ways). Typed as string because only retention reads such rows.
   */
  @Column({ type: 'char', length: 9, nullable: true }) bsn: string;
  @Column({ name: 'given_names', type: 'text', nullable: true }) givenNames: string;
  @Column({ name: 'family_name_prefix', type: 'text', nullable: true }) familyNamePrefix: string | null;
  @Column({ name: 'family_name', type: 'text', nullable: true }) familyName: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate: string;
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}

export function fullName(person: Pick<Person, 'givenNames' | 'familyNamePrefix' | 'familyName'>) {
  return [person.givenNames, person.familyNamePrefix, person.familyName].filter(Boolean).join(' ');
}
