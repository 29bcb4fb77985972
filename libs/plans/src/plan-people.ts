import { DomainError } from '@app/core';
import { HouseholdParticipants } from '@app/households';
import type { ActorType } from './life-domains';
import { ActorDto, OwnerDto } from './dto';
import { PlanAction, PlanGoal } from './entities';

/** A person or organisation named in the plan, with the name people recognise. */
export interface PersonRef {
  type: ActorType;
  id: string | null;
  name: string;
}

const OWNER_RULE =
  'De eigenaar moet een huidig lid van het huishouden of een professional uit het casusteam zijn.';
const ACTOR_RULE =
  'Wie de actie uitvoert moet een huidig lid van het huishouden, een professional uit het casusteam of een organisatie zijn.';

/** Names and the checks on who may own a goal or carry out an action, over the household's participants. */
export class PlanPeople {
  constructor(private readonly participants: HouseholdParticipants) {}

  ref(type: ActorType, id: string | null, organisation?: string | null): PersonRef {
    if (type === 'organisation') return { type, id: null, name: organisation ?? 'onbekend' };
    if (type === 'member') {
      const member = this.participants.members.find((m) => m.personId === id);
      return { type, id, name: member?.name ?? 'oud-gezinslid' };
    }
    const professional = this.participants.professionals.find((p) => p.userId === id);
    return {
      type,
      id,
      name: professional ? `${professional.name} (${professional.organisation})` : 'onbekend',
    };
  }

  owner(goal: Pick<PlanGoal, 'ownerType' | 'ownerPersonId' | 'ownerUserId'>): PersonRef {
    return this.ref(goal.ownerType, goal.ownerType === 'member' ? goal.ownerPersonId : goal.ownerUserId);
  }

  actor(action: Pick<PlanAction, 'actorType' | 'actorPersonId' | 'actorUserId' | 'actorOrganisation'>) {
    const id = action.actorType === 'member' ? action.actorPersonId : action.actorUserId;
    return this.ref(action.actorType, id, action.actorOrganisation);
  }

  regisseur(): string | null {
    const regisseur = this.participants.professionals.find((p) => p.active && p.caseRole === 'regisseur');
    return regisseur ? `${regisseur.name} (${regisseur.organisation})` : null;
  }

  isCurrentMember(personId: string) {
    return this.participants.members.some((m) => m.current && m.personId === personId);
  }

  isActiveProfessional(userId: string) {
    return this.participants.professionals.some((p) => p.active && p.userId === userId);
  }

  /** A goal owner: a current member or a professional on the case team now; anything else names `owner`. */
  ownerColumns(owner: OwnerDto): Pick<PlanGoal, 'ownerType' | 'ownerPersonId' | 'ownerUserId'> {
    if (owner.type === 'member' && this.isCurrentMember(owner.id)) {
      return { ownerType: 'member', ownerPersonId: owner.id, ownerUserId: null };
    }
    if (owner.type === 'professional' && this.isActiveProfessional(owner.id)) {
      return { ownerType: 'professional', ownerPersonId: null, ownerUserId: owner.id };
    }
    throw DomainError.invalidField('owner', OWNER_RULE);
  }

  actorColumns(
    actor: ActorDto,
  ): Pick<PlanAction, 'actorType' | 'actorPersonId' | 'actorUserId' | 'actorOrganisation'> {
    if (actor.type === 'organisation' && actor.name?.trim()) {
      return {
        actorType: 'organisation',
        actorPersonId: null,
        actorUserId: null,
        actorOrganisation: actor.name.trim(),
      };
    }
    if (actor.type === 'member' && actor.id && this.isCurrentMember(actor.id)) {
      return { actorType: 'member', actorPersonId: actor.id, actorUserId: null, actorOrganisation: null };
    }
    if (actor.type === 'professional' && actor.id && this.isActiveProfessional(actor.id)) {
      return {
        actorType: 'professional',
        actorPersonId: null,
        actorUserId: actor.id,
        actorOrganisation: null,
      };
    }
    throw DomainError.invalidField('actor', ACTOR_RULE);
  }

  /** Members who agree to a version: each must live in the household now. */
  assertAgreeingMembers(personIds: string[]) {
    if (new Set(personIds).size !== personIds.length) {
      throw DomainError.invalidField('agreedByPersonIds', 'Een gezinslid staat twee keer in de lijst.');
    }
    if (!personIds.every((id) => this.isCurrentMember(id))) {
      throw DomainError.invalidField(
        'agreedByPersonIds',
        'Alleen huidige leden van het huishouden kunnen met het plan instemmen.',
      );
    }
  }

  memberNames(personIds: string[]): PersonRef[] {
    return personIds.map((id) => this.ref('member', id));
  }

  currentMemberNames(): string[] {
    return this.participants.members.filter((m) => m.current).map((m) => m.name);
  }
}
