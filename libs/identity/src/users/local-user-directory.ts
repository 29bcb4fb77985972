import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@app/access';
import { ReferenceService } from '@app/reference';
import { UserDirectory } from '../auth/user-directory';
import { UserAccountsRepository } from './user-accounts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The users of local accounts (user_account), as the access rules see them. */
@Injectable()
export class LocalUserDirectory implements UserDirectory {
  constructor(
    private readonly accounts: UserAccountsRepository,
    private readonly reference: ReferenceService,
  ) {}

  async findActiveUser(userId: string): Promise<AuthenticatedUser | null> {
    if (!UUID.test(userId)) return null;
    const record = await this.accounts.findRecord(userId);
    if (!record?.active) return null;
    const organisation = await this.reference.organisation(record.organisationId);
    if (!organisation) return null;
    return {
      id: record.id,
      email: record.email,
      displayName: record.displayName,
      organisationId: record.organisationId,
      organisationKind: organisation.kind,
      roles: record.roles,
      pillars: record.pillars,
      municipalityIds: record.municipalityIds,
      teamIds: record.teams.map((t) => t.teamId),
      ledTeamIds: record.teams.filter((t) => t.isLead).map((t) => t.teamId),
      mandateCents: record.mandateCents,
    };
  }
}
