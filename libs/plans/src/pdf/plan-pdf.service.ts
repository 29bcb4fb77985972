import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, ErrorCode } from '@app/core';
import { LIFE_DOMAIN_CODES, lifeDomainLabel } from '../life-domains';
import { Versioned } from '../etag';
import { PlanAccess } from '../plan-access';
import { PlanReadingService } from '../plan-reading.service';
import { PlanViews, Subjects } from '../plan-views';
import { FAMILY_STATUS_LABELS, FamilyPlanDocument } from './family-plan.document';
import { renderFamilyPlan } from './family-plan.pdf';

/**
 * The family's copy of an agreed version. Built only from what the requesting professional may see
 * (per record, as every read), and never with internal notes or indication links.
 */
@Injectable()
export class PlanPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planAccess: PlanAccess,
    private readonly reading: PlanReadingService,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
  ) {}

  pdf(user: AuthenticatedUser, householdId: string, number: number): Promise<Versioned<StreamableFile>> {
    return this.dataSource.transaction(async (m) => {
      const scope = await this.planAccess.open(m, user, householdId);
      const version = await this.reading.findVersion(m, scope, number);
      if (version.status !== 'vastgesteld') {
        throw new DomainError(
          ErrorCode.Conflict,
          `Versie ${number} is nog een concept; alleen een vastgestelde versie gaat als PDF naar het gezin.`,
          { errors: [{ field: 'version', message: 'nog niet vastgesteld' }] },
        );
      }
      const { goals, actions } = await this.views.visibleContent(m, scope.visibility, version.id);
      const people = await this.views.people(m, householdId);
      const subjects = new Subjects(householdId);
      version.agreedByPersonIds.forEach((id) => subjects.member(id));
      const document: FamilyPlanDocument = {
        members: people.currentMemberNames(),
        versionNumber: version.number,
        agreedOn: version.agreedOn!,
        agreedBy: people.memberNames(version.agreedByPersonIds).map((p) => p.name),
        ownWords: scope.visibility.wholePlan ? version.ownWords : null,
        partial: !scope.visibility.wholePlan,
        domains: LIFE_DOMAIN_CODES.map((code) => ({
          label: lifeDomainLabel(code),
          goals: goals
            .filter((g) => g.lifeDomain === code)
            .map((g) => {
              subjects.member(g.ownerType === 'member' ? g.ownerPersonId : null);
              return {
                description: g.description,
                owner: people.owner(g).name,
                targetDate: g.targetDate,
                status: FAMILY_STATUS_LABELS[g.status] ?? g.status,
                actions: actions
                  .filter((a) => a.goalId === g.id)
                  .map((a) => {
                    subjects.member(a.actorType === 'member' ? a.actorPersonId : null);
                    return {
                      description: a.description,
                      actor: people.actor(a).name,
                      dueOn: a.dueOn,
                      done: a.done,
                    };
                  }),
              };
            }),
        })).filter((domain) => domain.goals.length > 0),
        nextEvaluationOn: scope.plan?.nextEvaluationOn ?? null,
        regisseur: people.regisseur(),
        printedOn: scope.today,
      };
      const pdf = await renderFamilyPlan(document);
      await this.audit.record(m, {
        action: 'export',
        resourceType: 'PlanVersion',
        resourceId: version.id,
        householdId,
        dataSubjects: subjects.all(),
      });
      return new Versioned(
        scope.plan!.revision,
        new StreamableFile(pdf, {
          type: 'application/pdf',
          disposition: `attachment; filename="gezinsplan-versie-${version.number}.pdf"`,
          length: pdf.length,
        }),
      );
    });
  }
}
