import { Pillar, Role } from '@app/access';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** bigint arrives from pg as a string; mandates stay far below Number.MAX_SAFE_INTEGER. */
const bigintAsNumber = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? 0 : Number(value)),
};

@Entity({ name: 'user_account' })
export class UserAccount {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'email', type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id; never leaves this lib (not selected unless asked for). */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'roles', type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'pillars', type: 'text', array: true, default: () => `'{}'` })
  pillars: Pillar[];

  @Column({ name: 'mandate_cents', type: 'bigint', default: 0, transformer: bigintAsNumber })
  mandateCents: number;

  @Column({ name: 'active', type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
