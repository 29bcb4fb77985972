import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthenticatedUser } from '@app/access';
import { DomainError } from '@app/core';
import { CreateActionDto, CreateGoalDto, UpdateActionDto, UpdateGoalDto, UpdateOwnWordsDto } from './dto';
import { PlanAction, PlanGoal, PlanVersion } from './entities';
import { PlanWriteContext, PlanWriter } from './plan-writer';

/** Where a content write goes: the living plan, or (explicitly) one version that must still be a concept. */
export interface ContentTarget {
  user: AuthenticatedUser;
  householdId: string;
  expectedRevision: number;
  versionNumber?: number;
}

/** The concept's content: the household's own words, goals and actions. */
@Injectable()
export class PlanContentService {
  constructor(private readonly writer: PlanWriter) {}

  updateOwnWords(target: ContentTarget, dto: UpdateOwnWordsDto) {
    // The household's own words belong to the whole plan: the case team writes them.
    return this.writer.write({ ...target, target: 'content', planWide: true }, async (ctx) => {
      await ctx.m.update(PlanVersion, { id: ctx.concept.id }, { ownWords: dto.ownWords.trim() });
      ctx.change('own-words.update', { fields: ['ownWords'] });
      return { action: 'update', resourceType: 'Plan', resourceId: ctx.plan.id };
    });
  }

  addGoal(target: ContentTarget, dto: CreateGoalDto) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      ctx.scope.visibility.ensureGoalWrite('create', dto.lifeDomain);
      this.assertFromPlanStart(ctx, dto.targetDate, 'targetDate');
      const owner = ctx.people.ownerColumns(dto.owner);
      const id = randomUUID();
      await ctx.m.insert(PlanGoal, {
        versionId: ctx.concept.id,
        id,
        planId: ctx.plan.id,
        householdId: ctx.plan.householdId,
        municipalityId: ctx.plan.municipalityId,
        lifeDomain: dto.lifeDomain,
        description: dto.description.trim(),
        ...owner,
        targetDate: dto.targetDate,
        status: dto.status ?? 'open',
        indicationIds: [...new Set(dto.indicationIds ?? [])],
        internalNote: dto.internalNote?.trim() || null,
        position: await this.nextPosition(ctx, PlanGoal, {}),
      });
      ctx.subjects.member(owner.ownerPersonId);
      ctx.change('goal.create', { targetId: id, lifeDomain: dto.lifeDomain });
      return { action: 'create', resourceType: 'PlanGoal', resourceId: id };
    });
  }

  updateGoal(target: ContentTarget, goalId: string, dto: UpdateGoalDto) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      const goal = await this.goal(ctx, goalId);
      ctx.scope.visibility.ensureGoalWrite('update', goal.lifeDomain);
      // Moving a goal into a domain is placing it there: 403 when the caller may not write that domain.
      if (dto.lifeDomain) ctx.scope.visibility.ensureGoalWrite('create', dto.lifeDomain);
      if (dto.targetDate) this.assertFromPlanStart(ctx, dto.targetDate, 'targetDate');
      const next: Partial<PlanGoal> = {
        ...(dto.lifeDomain !== undefined && { lifeDomain: dto.lifeDomain }),
        ...(dto.description !== undefined && { description: dto.description.trim() }),
        ...(dto.owner !== undefined && ctx.people.ownerColumns(dto.owner)),
        ...(dto.targetDate !== undefined && { targetDate: dto.targetDate }),
        ...(dto.status !== undefined && { status: dto.status }),
        ...(dto.indicationIds !== undefined && { indicationIds: [...new Set(dto.indicationIds)] }),
        ...(dto.internalNote !== undefined && { internalNote: dto.internalNote?.trim() || null }),
      };
      const fields = changedFields(goal, next);
      if (fields.length > 0) await ctx.m.update(PlanGoal, { versionId: ctx.concept.id, id: goalId }, next);
      ctx.subjects.member(next.ownerPersonId ?? goal.ownerPersonId);
      ctx.change('goal.update', { targetId: goalId, lifeDomain: next.lifeDomain ?? goal.lifeDomain, fields });
      return { action: 'update', resourceType: 'PlanGoal', resourceId: goalId };
    });
  }

  removeGoal(target: ContentTarget, goalId: string) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      const goal = await this.goal(ctx, goalId);
      ctx.scope.visibility.ensureGoalWrite('update', goal.lifeDomain);
      // Its actions go with it (ON DELETE CASCADE); earlier versions keep both.
      await ctx.m.delete(PlanGoal, { versionId: ctx.concept.id, id: goalId });
      ctx.change('goal.delete', { targetId: goalId, lifeDomain: goal.lifeDomain });
      return { action: 'delete', resourceType: 'PlanGoal', resourceId: goalId };
    });
  }

  addAction(target: ContentTarget, goalId: string, dto: CreateActionDto) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      const goal = await this.goal(ctx, goalId);
      ctx.scope.visibility.ensureGoalWrite('update', goal.lifeDomain);
      this.assertFromPlanStart(ctx, dto.dueOn, 'dueOn');
      const actor = ctx.people.actorColumns(dto.actor);
      const id = randomUUID();
      await ctx.m.insert(PlanAction, {
        versionId: ctx.concept.id,
        id,
        goalId,
        planId: ctx.plan.id,
        householdId: ctx.plan.householdId,
        municipalityId: ctx.plan.municipalityId,
        ...actor,
        description: dto.description.trim(),
        dueOn: dto.dueOn,
        done: dto.done ?? false,
        position: await this.nextPosition(ctx, PlanAction, { goalId }),
      });
      ctx.subjects.member(actor.actorPersonId);
      ctx.change('action.create', { targetId: id, lifeDomain: goal.lifeDomain });
      return { action: 'create', resourceType: 'PlanAction', resourceId: id };
    });
  }

  updateAction(target: ContentTarget, actionId: string, dto: UpdateActionDto) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      const { action, goal } = await this.action(ctx, actionId);
      ctx.scope.visibility.ensureGoalWrite('update', goal.lifeDomain);
      if (dto.dueOn) this.assertFromPlanStart(ctx, dto.dueOn, 'dueOn');
      const next: Partial<PlanAction> = {
        ...(dto.actor !== undefined && ctx.people.actorColumns(dto.actor)),
        ...(dto.description !== undefined && { description: dto.description.trim() }),
        ...(dto.dueOn !== undefined && { dueOn: dto.dueOn }),
        ...(dto.done !== undefined && { done: dto.done }),
      };
      const fields = changedFields(action, next);
      if (fields.length > 0)
        await ctx.m.update(PlanAction, { versionId: ctx.concept.id, id: actionId }, next);
      ctx.subjects.member(next.actorPersonId ?? action.actorPersonId);
      ctx.change('action.update', { targetId: actionId, lifeDomain: goal.lifeDomain, fields });
      return { action: 'update', resourceType: 'PlanAction', resourceId: actionId };
    });
  }

  removeAction(target: ContentTarget, actionId: string) {
    return this.writer.write({ ...target, target: 'content' }, async (ctx) => {
      const { goal } = await this.action(ctx, actionId);
      ctx.scope.visibility.ensureGoalWrite('update', goal.lifeDomain);
      await ctx.m.delete(PlanAction, { versionId: ctx.concept.id, id: actionId });
      ctx.change('action.delete', { targetId: actionId, lifeDomain: goal.lifeDomain });
      return { action: 'delete', resourceType: 'PlanAction', resourceId: actionId };
    });
  }

  private async goal(ctx: PlanWriteContext, goalId: string) {
    const goal = await ctx.m.findOneBy(PlanGoal, { versionId: ctx.concept.id, id: goalId });
    // A goal the caller may not see does not exist for them (rule 9).
    if (!goal || !ctx.scope.visibility.goal(goal)) throw DomainError.notFound('Dit doel');
    return goal;
  }

  private async action(ctx: PlanWriteContext, actionId: string) {
    const action = await ctx.m.findOneBy(PlanAction, { versionId: ctx.concept.id, id: actionId });
    const goal =
      action && (await ctx.m.findOneBy(PlanGoal, { versionId: ctx.concept.id, id: action.goalId }));
    if (!action || !goal || !ctx.scope.visibility.goal(goal)) throw DomainError.notFound('Deze actie');
    return { action, goal };
  }

  /** No target or due date before the plan existed. */
  private assertFromPlanStart(ctx: PlanWriteContext, date: string, field: string) {
    if (date < ctx.plan.createdOn) {
      throw DomainError.invalidField(
        field,
        `De datum ligt vóór het ontstaan van het gezinsplan (${ctx.plan.createdOn}); kies ${ctx.plan.createdOn} of later.`,
      );
    }
  }

  private async nextPosition(
    ctx: PlanWriteContext,
    entity: typeof PlanGoal | typeof PlanAction,
    where: { goalId?: string },
  ): Promise<number> {
    const max = await ctx.m.maximum(entity, 'position', { versionId: ctx.concept.id, ...where });
    return (max ?? 0) + 1;
  }
}

/** Names of the fields (as the API calls them) whose value actually changes. */
export function changedFields<T extends object>(before: T, next: Partial<T>): string[] {
  const names = Object.entries(next)
    .filter(([key, value]) => JSON.stringify(before[key as keyof T]) !== JSON.stringify(value))
    .map(([key]) => key.replace(/^(owner|actor)[A-Z].*$/, '$1'));
  return [...new Set(names)];
}
