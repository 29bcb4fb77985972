import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserView } from '../../users/dto/user-view.dto';
import {
  ACCOUNT_CHANGE_KINDS,
  ACCOUNT_CHANGE_STATUSES,
  AccountChangeKind,
  AccountChangeRecord,
  AccountChangeStatus,
} from '../account-changes.repository';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A requested account change that takes effect only after a second functioneel beheerder approves it. */
export class AccountChangeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACCOUNT_CHANGE_KINDS }) kind: AccountChangeKind;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: nog aan te maken account',
  })
  userId: string | null;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'De gevraagde gegevens (aanmaken, wijzigen); leeg bij een wachtwoordreset',
  })
  changes: Record<string, unknown>;
  @ApiProperty({ enum: ACCOUNT_CHANGE_STATUSES }) status: AccountChangeStatus;
  @ApiProperty({ format: 'uuid' }) requestedById: string;
  @ApiProperty({ description: 'Naam van de aanvrager' }) requestedByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;

  static from(record: AccountChangeRecord): AccountChangeView {
    return {
      id: record.id,
      kind: record.kind,
      userId: record.userId,
      email: record.email,
      displayName: record.displayName,
      changes: record.changes,
      status: record.status,
      requestedById: record.requestedById,
      requestedByName: record.requestedByName,
      requestedAt: new Date(record.requestedAt).toISOString(),
      decidedById: record.decidedById,
      decidedByName: record.decidedByName,
      decidedAt: iso(record.decidedAt),
      rejectionReason: record.rejectionReason,
    };
  }
}

export class AccountChangePageView {
  @ApiProperty({ type: AccountChangeView, isArray: true }) items: AccountChangeView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** A one-time password, shown once: the account must replace it at first login (POST /auth/first-password). */
export class OneTimePasswordView {
  @ApiProperty({ description: 'Eenmalig wachtwoord; wordt nergens bewaard en niet opnieuw getoond' })
  oneTimePassword: string;
  @ApiProperty({ type: String, format: 'date-time' }) oneTimePasswordExpiresAt: string;
}

/** The answer to an approval: the change, the account as it is now, and a one-time password if one was set. */
export class AccountChangeApprovalView {
  @ApiProperty({ type: AccountChangeView }) change: AccountChangeView;
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiPropertyOptional({ description: 'Alleen bij aanmaken en wachtwoordreset; geef het aan de gebruiker' })
  oneTimePassword?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) oneTimePasswordExpiresAt?: string;
}
