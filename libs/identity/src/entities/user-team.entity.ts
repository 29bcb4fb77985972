import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'user_team' })
export class UserTeam {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  /** The user is teamleider of this team. */
  @Column({ name: 'is_lead', type: 'boolean', default: false })
  isLead: boolean;
}
