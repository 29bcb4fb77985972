import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { HouseholdCaseloadService } from '@app/households';
import { UsersService } from '@app/identity';
import { CaseloadService } from './caseload/caseload.service';
import { ActionDoneDto, CaseReviewInputDto, CaseReviewViewDto } from './dto';
import { CaseReview, CaseReviewAction, CaseReviewLeerpunt, THEME_LABELS } from './entities';
import { staleReview } from './review-version';

const ACTIVITY = 'reviews.case-reviews';

/** Case reviews of a household by the teamleider: whole-review writes with optimistic concurrency. */
@Injectable()
export class CaseReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly households: HouseholdCaseloadService,
    private readonly caseload: CaseloadService,
    private readonly users: UsersService,
  ) {}

  async list(user: AuthenticatedUser, householdId: string): Promise<CaseReviewViewDto[]> {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      await this.household(m, ability, householdId);
      const reviews = await m.find(CaseReview, { where: { householdId }, order: { reviewedOn: 'DESC' } });
      const views = await this.views(m, reviews);
      await this.audit.record(m, {
        activityId: ACTIVITY,
        action: 'read',
        resourceType: 'CaseReview',
        householdId,
        dataSubjects: [{ type: 'household', id: householdId }],
      });
      return views;
    });
  }

  async get(user: AuthenticatedUser, id: string): Promise<CaseReviewViewDto> {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const review = await m.findOneBy(CaseReview, { id });
      this.access.ensureCan(ability, 'read', 'CaseReview', review);
      const [view] = await this.views(m, [review!]);
      await this.logWrite(m, review!, 'read');
      return view;
    });
  }

  async create(
    user: AuthenticatedUser,
    householdId: string,
    dto: CaseReviewInputDto,
  ): Promise<CaseReviewViewDto> {
    this.checkDates(dto);
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const household = await this.household(m, ability, householdId);
      this.access.ensureCan(ability, 'create', 'CaseReview', household);
      const review = await m.save(
        m.create(CaseReview, {
          householdId,
          municipalityId: household.municipalityId,
          reviewedOn: dto.reviewedOn,
          reviewerId: user.id,
          participants: dto.participants,
          findings: dto.findings,
          nextReviewOn: dto.nextReviewOn ?? null,
          version: 1,
          updatedBy: user.id,
        }),
      );
      await this.writeChildren(m, review, dto);
      await this.logWrite(m, review, 'create');
      const [view] = await this.views(m, [review]);
      return view;
    });
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    version: number,
    dto: CaseReviewInputDto,
  ): Promise<CaseReviewViewDto> {
    this.checkDates(dto);
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const review = await m.findOneBy(CaseReview, { id });
      this.access.ensureCan(ability, 'update', 'CaseReview', review);
      await this.bumpVersion(m, id, version, user, {
        reviewed_on: dto.reviewedOn,
        participants: dto.participants,
        findings: dto.findings,
        next_review_on: dto.nextReviewOn ?? null,
      });
      await m.delete(CaseReviewAction, { reviewId: id });
      await m.delete(CaseReviewLeerpunt, { reviewId: id });
      const updated = (await m.findOneBy(CaseReview, { id }))!;
      await this.writeChildren(m, updated, dto);
      await this.logWrite(m, updated, 'update');
      const [view] = await this.views(m, [updated]);
      return view;
    });
  }

  /** Tracks an agreed action to done (today) or reopens it; a change of the review like any other. */
  async setActionDone(
    user: AuthenticatedUser,
    id: string,
    actionId: string,
    version: number,
    dto: ActionDoneDto,
  ): Promise<CaseReviewViewDto> {
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const review = await m.findOneBy(CaseReview, { id });
      this.access.ensureCan(ability, 'update', 'CaseReview', review);
      const action = await m.findOneBy(CaseReviewAction, { id: actionId, reviewId: id });
      if (!action) throw DomainError.notFound('De actie');
      await this.bumpVersion(m, id, version, user, {});
      await m.update(CaseReviewAction, { id: actionId }, { doneOn: dto.done ? this.clock.today() : null });
      const updated = (await m.findOneBy(CaseReview, { id }))!;
      await this.logWrite(m, updated, 'update');
      const [view] = await this.views(m, [updated]);
      return view;
    });
  }

  async remove(user: AuthenticatedUser, id: string, version: number): Promise<void> {
    const ability = await this.access.abilityFor(user);
    await this.dataSource.transaction(async (m) => {
      const review = await m.findOneBy(CaseReview, { id });
      this.access.ensureCan(ability, 'delete', 'CaseReview', review);
      const { affected } = await m.delete(CaseReview, { id, version });
      if (affected !== 1) throw staleReview();
      await this.logWrite(m, review!, 'delete');
    });
  }

  /** The household when the caller may read its reviews (CaseReview rules in SQL); 404 otherwise. */
  private async household(
    m: EntityManager,
    ability: Parameters<CaseloadService['scope']>[0],
    householdId: string,
  ) {
    const [household] = await this.households.households(m, this.caseload.scope(ability), {
      householdIds: [householdId],
    });
    if (!household) throw DomainError.notFound('Het huishouden');
    return { householdId, municipalityId: household.municipalityId };
  }

  private checkDates(dto: CaseReviewInputDto) {
    if (dto.reviewedOn > this.clock.today()) {
      throw DomainError.invalidField('reviewedOn', 'reviewedOn mag niet in de toekomst liggen.');
    }
    if (dto.nextReviewOn && dto.nextReviewOn <= dto.reviewedOn) {
      throw DomainError.invalidField('nextReviewOn', 'nextReviewOn moet na reviewedOn liggen.');
    }
  }

  /** UPDATE ... WHERE version = :v: a stale write changes nothing and answers 412. */
  private async bumpVersion(
    m: EntityManager,
    id: string,
    version: number,
    user: AuthenticatedUser,
    columns: Record<string, unknown>,
  ) {
    const result = await m
      .createQueryBuilder()
      .update(CaseReview)
      .set({
        ...(columns.reviewed_on !== undefined && {
          reviewedOn: columns.reviewed_on as string,
          participants: columns.participants as string[],
          findings: columns.findings as string,
          nextReviewOn: columns.next_review_on as string | null,
        }),
        version: () => 'version + 1',
        updatedBy: user.id,
        updatedAt: () => 'now()',
      })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw staleReview();
  }

  private async writeChildren(m: EntityManager, review: CaseReview, dto: CaseReviewInputDto) {
    const owner = {
      reviewId: review.id,
      householdId: review.householdId,
      municipalityId: review.municipalityId,
    };
    if (dto.actions.length) {
      await m.insert(
        CaseReviewAction,
        dto.actions.map((a, position) => ({
          ...owner,
          position,
          description: a.description,
          owner: a.owner,
          dueOn: a.dueOn,
          doneOn: a.doneOn ?? null,
        })),
      );
    }
    if (dto.leerpunten.length) {
      await m.insert(
        CaseReviewLeerpunt,
        dto.leerpunten.map((l, position) => ({ ...owner, position, theme: l.theme, text: l.text })),
      );
    }
  }

  private logWrite(m: EntityManager, review: CaseReview, action: 'read' | 'create' | 'update' | 'delete') {
    return this.audit.record(m, {
      activityId: ACTIVITY,
      action,
      resourceType: 'CaseReview',
      resourceId: review.id,
      householdId: review.householdId,
      dataSubjects: [{ type: 'household', id: review.householdId }],
    });
  }

  private async views(m: EntityManager, reviews: CaseReview[]): Promise<CaseReviewViewDto[]> {
    if (reviews.length === 0) return [];
    const ids = reviews.map((r) => r.id);
    const actions = await m
      .getRepository(CaseReviewAction)
      .createQueryBuilder('a')
      .where('a.review_id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('a.position')
      .getMany();
    const leerpunten = await m
      .getRepository(CaseReviewLeerpunt)
      .createQueryBuilder('l')
      .where('l.review_id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('l.position')
      .getMany();
    const names = new Map(
      (await this.users.caseWorkerProfiles(reviews.map((r) => r.reviewerId))).map((p) => [
        p.id,
        p.displayName,
      ]),
    );
    const today = this.clock.today();
    return reviews.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      reviewedOn: r.reviewedOn,
      reviewer: names.get(r.reviewerId) ?? 'onbekend',
      participants: r.participants,
      findings: r.findings,
      actions: actions
        .filter((a) => a.reviewId === r.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          owner: a.owner,
          dueOn: a.dueOn,
          doneOn: a.doneOn,
          overdue: a.doneOn === null && a.dueOn < today,
        })),
      leerpunten: leerpunten
        .filter((l) => l.reviewId === r.id)
        .map((l) => ({ id: l.id, theme: l.theme, themeLabel: THEME_LABELS[l.theme], text: l.text })),
      nextReviewOn: r.nextReviewOn,
      version: r.version,
    }));
  }
}
