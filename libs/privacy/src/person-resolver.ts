import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { HouseholdPrivacyService } from '@app/households';

/**
 * Turns the person of a privacy question (BSN or id) into a person id through the households context.
 * An unknown person is a validation error on the field used, so the officer can correct the input.
 */
@Injectable()
export class PersonResolver {
  constructor(private readonly households: HouseholdPrivacyService) {}

  async resolve(
    selection: { bsn?: string; personId?: string },
    manager: EntityManager,
    options: { required: boolean },
  ): Promise<string | undefined> {
    if (selection.bsn && selection.personId) {
      throw DomainError.invalidField('personId', 'Geef óf een BSN óf een personId, niet allebei.');
    }
    if (selection.bsn) {
      const id = await this.households.personIdByBsn(selection.bsn, manager);
      if (!id) throw DomainError.invalidField('bsn', 'Er is geen persoon met dit BSN geregistreerd.');
      return id;
    }
    if (selection.personId) {
      if (!(await this.households.personExists(selection.personId, manager))) {
        throw DomainError.invalidField('personId', 'Deze persoon bestaat niet.');
      }
      return selection.personId;
    }
    if (options.required)
      throw DomainError.invalidField('bsn', 'Geef het BSN (of de personId) van de persoon.');
    return undefined;
  }
}
