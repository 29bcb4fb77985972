import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { DossierSectionRegistry, Household } from '@app/households';
import { ReferenceService } from '@app/reference';
import { SpreekuurContact } from '../entities';
import { contactView } from './contact-view';
import { subjectsOf } from './spreekuur-contacts.service';

/** The 'contacts' part of a household's dossier: its linked spreekuur contacts, as the access rules allow. */
@Injectable()
export class ContactsDossierSection implements OnModuleInit {
  constructor(
    private readonly registry: DossierSectionRegistry,
    private readonly access: AccessService,
    private readonly reference: ReferenceService,
  ) {}

  onModuleInit() {
    this.registry.register({
      name: 'contacts',
      load: ({ user, ability, household, manager }) => this.contacts(manager, user, ability, household),
    });
  }

  private async contacts(
    m: EntityManager,
    user: AuthenticatedUser,
    ability: AppAbility,
    household: Household,
  ) {
    const probe = { householdId: household.id, municipalityId: household.municipalityId };
    if (!this.access.can(ability, 'read', 'SpreekuurContact', probe)) return null;
    const rows = (
      await m.find(SpreekuurContact, { where: { householdId: household.id }, order: { contactAt: 'DESC' } })
    ).filter((c) => this.access.can(ability, 'read', 'SpreekuurContact', c));
    const points = new Map((await this.reference.listWijkservicepunten()).map((p) => [p.id, p]));
    return {
      content: rows.map((c) => contactView(c, points, user.id)),
      dataSubjects: rows.flatMap(subjectsOf),
    };
  }
}
