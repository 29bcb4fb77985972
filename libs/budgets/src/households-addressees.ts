import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HouseholdsService } from '@app/households';
import { HouseholdAddressees, LetterAddressees } from './household-addressees';

/** Letter addressees from the households context, through its exported service only. */
@Injectable()
export class HouseholdsAddressees implements HouseholdAddressees {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsService,
  ) {}

  async forLetter(
    householdId: string,
    personId: string | null,
    on: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LetterAddressees> {
    const { members } = await this.households.participants(householdId, manager);
    const chosen =
      members.find((m) => m.personId === personId) ??
      members.find((m) => m.current && (m.relation === 'parent' || m.relation === 'partner')) ??
      members.find((m) => m.current) ??
      null;
    if (!chosen) return { addressee: null, representatives: [] };
    const representatives = await this.households.activeRepresentatives(
      householdId,
      chosen.personId,
      on,
      manager,
    );
    return {
      addressee: { personId: chosen.personId, name: chosen.name },
      representatives: representatives.map((r) => ({
        kind: r.kind,
        name: r.name,
        organisationName: r.organisationName,
      })),
    };
  }
}
