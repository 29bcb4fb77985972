import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { DomainError } from '@app/core';
import { AgreePlanDto, CreateEvaluationDto } from './dto';
import { Plan, PlanEvaluation, PlanEvaluationOutcome, PlanGoal, PlanVersion } from './entities';
import { PlanWriteContext, PlanWriter } from './plan-writer';

export interface PlanTarget {
  user: AuthenticatedUser;
  householdId: string;
  expectedRevision: number;
}

/** Agreeing a version with the household (vaststellen) and evaluating the plan together. */
@Injectable()
export class PlanAgreementService {
  constructor(private readonly writer: PlanWriter) {}

  /** Freezes the concept as version N with the date and the members who agreed; the next edit opens N+1. */
  agree(target: PlanTarget, dto: AgreePlanDto) {
    return this.writer.write({ ...target, target: 'agree' }, async (ctx) => {
      this.assertPastDate(ctx, dto.agreedOn, 'agreedOn');
      const previous = await ctx.m.findOneBy(PlanVersion, {
        planId: ctx.plan.id,
        number: ctx.concept.number - 1,
      });
      if (previous?.agreedOn && dto.agreedOn < previous.agreedOn) {
        throw DomainError.invalidField(
          'agreedOn',
          `Versie ${previous.number} is pas op ${previous.agreedOn} vastgesteld.`,
        );
      }
      ctx.people.assertAgreeingMembers(dto.agreedByPersonIds);
      if (!ctx.concept.ownWords.trim()) {
        throw DomainError.rule(
          'Leg eerst in de eigen woorden van het gezin vast wat het wil bereiken.',
          'ownWords',
        );
      }
      if (!(await ctx.m.existsBy(PlanGoal, { versionId: ctx.concept.id }))) {
        throw DomainError.rule('Een gezinsplan zonder doelen kan niet worden vastgesteld.', 'goals');
      }
      await ctx.m.update(
        PlanVersion,
        { id: ctx.concept.id },
        {
          status: 'vastgesteld',
          agreedOn: dto.agreedOn,
          agreedByPersonIds: dto.agreedByPersonIds,
          agreedRecordedBy: ctx.user.id,
        },
      );
      if (dto.nextEvaluationOn) {
        await ctx.m.update(Plan, { id: ctx.plan.id }, { nextEvaluationOn: dto.nextEvaluationOn });
      }
      dto.agreedByPersonIds.forEach((id) => ctx.subjects.member(id));
      ctx.change('version.agree', {
        fields: ['agreedOn', 'agreedBy', ...(dto.nextEvaluationOn ? ['nextEvaluationOn'] : [])],
      });
      return { action: 'update', resourceType: 'PlanVersion', resourceId: ctx.concept.id };
    });
  }

  /** An evaluation of the goals of the newest agreed version, and the date of the next one. */
  evaluate(target: PlanTarget, dto: CreateEvaluationDto) {
    return this.writer.write({ ...target, target: 'plan' }, async (ctx) => {
      this.assertPastDate(ctx, dto.evaluatedOn, 'evaluatedOn');
      if (dto.nextEvaluationOn <= dto.evaluatedOn) {
        throw DomainError.invalidField('nextEvaluationOn', 'De volgende evaluatie ligt na deze evaluatie.');
      }
      const agreed = await ctx.m.findOne(PlanVersion, {
        where: { planId: ctx.plan.id, status: 'vastgesteld' },
        order: { number: 'DESC' },
      });
      if (!agreed)
        throw DomainError.conflict('Evalueer het gezinsplan nadat het met het gezin is vastgesteld.');
      const goalIds = dto.outcomes.map((o) => o.goalId);
      if (new Set(goalIds).size !== goalIds.length) {
        throw DomainError.invalidField('outcomes', 'Elk doel komt hooguit één keer in een evaluatie voor.');
      }
      const goals = await ctx.m.findBy(PlanGoal, { versionId: agreed.id, id: In(goalIds) });
      const byId = new Map(goals.map((g) => [g.id, g]));
      dto.outcomes.forEach((o, i) => {
        const goal = byId.get(o.goalId);
        if (!goal || !ctx.scope.visibility.goal(goal)) {
          throw DomainError.invalidField(
            `outcomes.${i}.goalId`,
            `Dit doel staat niet in versie ${agreed.number}.`,
          );
        }
      });
      const evaluation = await ctx.m.save(
        ctx.m.create(PlanEvaluation, {
          planId: ctx.plan.id,
          householdId: ctx.plan.householdId,
          municipalityId: ctx.plan.municipalityId,
          versionNumber: agreed.number,
          evaluatedOn: dto.evaluatedOn,
          nextEvaluationOn: dto.nextEvaluationOn,
          recordedBy: ctx.user.id,
        }),
      );
      await ctx.m.insert(
        PlanEvaluationOutcome,
        dto.outcomes.map((o) =>
          ctx.m.create(PlanEvaluationOutcome, {
            evaluationId: evaluation.id,
            goalId: o.goalId,
            householdId: ctx.plan.householdId,
            municipalityId: ctx.plan.municipalityId,
            lifeDomain: byId.get(o.goalId)!.lifeDomain,
            status: o.status,
            outcome: o.outcome.trim(),
          }),
        ),
      );
      await ctx.m.update(Plan, { id: ctx.plan.id }, { nextEvaluationOn: dto.nextEvaluationOn });
      ctx.change('evaluation.create', { targetId: evaluation.id, versionNumber: agreed.number });
      return { action: 'create', resourceType: 'PlanEvaluation', resourceId: evaluation.id };
    });
  }

  /** Agreeing and evaluating are things that happened: not in the future, not before the plan existed. */
  private assertPastDate(ctx: PlanWriteContext, date: string, field: string) {
    if (date > ctx.scope.today) throw DomainError.invalidField(field, 'De datum ligt in de toekomst.');
    if (date < ctx.plan.createdOn) {
      throw DomainError.invalidField(
        field,
        `De datum ligt vóór het ontstaan van het gezinsplan (${ctx.plan.createdOn}).`,
      );
    }
  }
}
