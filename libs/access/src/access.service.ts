import { subject as tag } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { EntityMetadata } from 'typeorm';
import { DomainError, EMERGENCY_HOUSEHOLDS, PRINCIPAL, RequestPrincipal } from '@app/core';
import { AppAbility, AppSubject, defineAbilityFor } from './ability.factory';
import { AuthenticatedUser } from './access.types';
import {
  HOUSEHOLD_RELATIONS,
  HouseholdRelations,
  HouseholdRelationsSource,
  NO_RELATIONS,
} from './household-relations';
import { accessCondition } from './sql-condition';
import { Action, SubjectName } from './subjects';

const ABILITY_KEY = 'access:ability';
const RELATIONS_KEY = 'access:relations';

/** The one door to authorisation: abilities per request, checks on single records, SQL for lists. */
@Injectable()
export class AccessService {
  private relationsSource?: HouseholdRelationsSource | null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly cls: ClsService,
  ) {}

  /** Built once per request (relations are read once), rebuilt on the next: revocations apply at once. */
  async abilityFor(user: AuthenticatedUser): Promise<AppAbility> {
    const cached = this.cls.isActive()
      ? this.cls.get<{ userId: string; ability: AppAbility }>(ABILITY_KEY)
      : undefined;
    if (cached?.userId === user.id) return cached.ability;
    const ability = defineAbilityFor(user, await this.relationsFor(user));
    if (this.cls.isActive()) this.cls.set(ABILITY_KEY, { userId: user.id, ability });
    return ability;
  }

  /** Forget the cached ability and relations, e.g. after this request changed the caller's own relations. */
  forgetAbility() {
    if (!this.cls.isActive()) return;
    this.cls.set(ABILITY_KEY, undefined);
    this.cls.set(RELATIONS_KEY, undefined);
  }

  /** Read once per request and user, like the ability built from them (a dossier read needs both). */
  async relationsFor(user: AuthenticatedUser): Promise<HouseholdRelations> {
    const cached = this.cls.isActive()
      ? this.cls.get<{ userId: string; relations: HouseholdRelations }>(RELATIONS_KEY)
      : undefined;
    if (cached?.userId === user.id) return cached.relations;
    const relations = await this.readRelations(user);
    if (this.cls.isActive()) this.cls.set(RELATIONS_KEY, { userId: user.id, relations });
    return relations;
  }

  private async readRelations(user: AuthenticatedUser): Promise<HouseholdRelations> {
    const source = this.resolveRelationsSource();
    const relations = source ? await source.relationsFor(user) : NO_RELATIONS;
    // Emergency access is flagged on every log entry it makes possible (DESIGN.md rule 8); only the
    // relations of the caller themselves count, not those read for someone else.
    if (this.cls.isActive() && this.cls.get<RequestPrincipal | undefined>(PRINCIPAL)?.id === user.id) {
      const regular = new Set([...relations.caseTeam, ...relations.ledTeams]);
      this.cls.set(
        EMERGENCY_HOUSEHOLDS,
        relations.breakGlass.filter((id) => !regular.has(id)),
      );
    }
    return relations;
  }

  can(ability: AppAbility, action: Action, subjectType: SubjectName, record: object): boolean {
    return ability.can(action, tag(subjectType, { ...record }) as AppSubject);
  }

  /**
   * Refuses without revealing existence: a record the caller may not even read is "not found";
   * a readable record the caller may not change is "forbidden".
   */
  ensureCan(
    ability: AppAbility,
    action: Action,
    subjectType: SubjectName,
    record: object | null | undefined,
  ) {
    if (!record) throw DomainError.notFound();
    if (this.can(ability, action, subjectType, record)) return;
    if (action === 'read' || !this.can(ability, 'read', subjectType, record)) throw DomainError.notFound();
    throw DomainError.forbidden();
  }

  /** Fields the caller may see of this very record (computed per record, never per type). */
  permittedFields(ability: AppAbility, action: Action, subjectType: SubjectName, record: object): string[] {
    const all = Object.keys(record);
    return permittedFieldsOf(ability, action, tag(subjectType, { ...record }) as AppSubject, {
      fieldsFrom: (rule) => rule.fields ?? all,
    });
  }

  /** The record reduced to what the caller may see, or null when they may see nothing of it. */
  project<T extends object>(ability: AppAbility, subjectType: SubjectName, record: T): Partial<T> | null {
    const fields = this.permittedFields(ability, 'read', subjectType, record);
    if (fields.length === 0) return null;
    const allowed = new Set(fields);
    return Object.fromEntries(Object.entries(record).filter(([key]) => allowed.has(key))) as Partial<T>;
  }

  /** WHERE condition for list queries; null means "nothing allowed": return an empty page. */
  condition(
    ability: AppAbility,
    action: Action,
    subjectType: SubjectName,
    metadata: EntityMetadata,
    alias: string,
  ) {
    return accessCondition(ability, action, subjectType, metadata, alias);
  }

  private resolveRelationsSource(): HouseholdRelationsSource | null {
    if (this.relationsSource === undefined) {
      try {
        this.relationsSource = this.moduleRef.get<HouseholdRelationsSource>(HOUSEHOLD_RELATIONS, {
          strict: false,
        });
      } catch {
        this.relationsSource = null;
      }
    }
    return this.relationsSource;
  }
}
