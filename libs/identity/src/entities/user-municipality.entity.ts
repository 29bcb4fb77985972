import { Entity, PrimaryColumn } from 'typeorm';

/** A municipality the user works for (access rule 1). */
@Entity({ name: 'user_municipality' })
export class UserMunicipality {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;
}
