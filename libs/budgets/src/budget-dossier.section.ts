import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessService } from '@app/access';
import { DossierSectionRegistry } from '@app/households';
import { BudgetRequestsService } from './budget-requests.service';
import { BudgetViews } from './budget-views';
import { BudgetRequest } from './entities';

const SECTION_LIMIT = 100;

/** The 'budget' part of GET /households/:id: the household's requests and totals, for those who may see them. */
@Injectable()
export class BudgetDossierSection implements OnModuleInit {
  constructor(
    private readonly registry: DossierSectionRegistry,
    private readonly access: AccessService,
    private readonly requests: BudgetRequestsService,
    private readonly views: BudgetViews,
  ) {}

  onModuleInit() {
    this.registry.register({
      name: 'budget',
      load: async ({ ability, household, manager }) => {
        const probe = { householdId: household.id, municipalityId: household.municipalityId };
        if (!this.access.can(ability, 'read', 'BudgetRequest', probe)) return null;
        const rows = await manager.find(BudgetRequest, {
          where: { householdId: household.id },
          order: { createdAt: 'DESC', id: 'ASC' },
          take: SECTION_LIMIT,
        });
        const visible = rows.filter((r) => this.access.can(ability, 'read', 'BudgetRequest', r));
        return {
          content: {
            totals: await this.requests.householdTotals(manager, household.id),
            requests: await this.views.requests(visible),
          },
          dataSubjects: visible
            .filter((r) => r.personId)
            .map((r) => ({ type: 'person' as const, id: r.personId as string })),
        };
      },
    });
  }
}
