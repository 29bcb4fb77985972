import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppAbility, AuthenticatedUser } from '@app/access';
import { DataSubject } from '@app/audit';
import { Household } from './entities';

/**
 * A part of the dossier owned by another context (indications, plan, budget). Each section shapes
 * its own content by the caller's ability and names the data subjects it read, for the log.
 */
export interface DossierSection {
  name: string;
  load(context: {
    user: AuthenticatedUser;
    ability: AppAbility;
    household: Household;
    manager: EntityManager;
  }): Promise<{ content: unknown; dataSubjects: DataSubject[] } | null>;
}

@Injectable()
export class DossierSectionRegistry {
  private readonly sections: DossierSection[] = [];

  register(section: DossierSection) {
    this.sections.push(section);
  }

  all(): readonly DossierSection[] {
    return this.sections;
  }
}
