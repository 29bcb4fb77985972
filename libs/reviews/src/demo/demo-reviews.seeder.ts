import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { addDays, Clock } from '@app/core';
import { HouseholdCaseloadService } from '@app/households';
import { DEMO_EMAILS, UsersService } from '@app/identity';
import { CaseReview, CaseReviewAction, CaseReviewLeerpunt, LeerpuntTheme } from '../entities';
import { ReviewFlagsService } from '../flags/review-flags.service';

const STORIES: { findings: string; leerpunt: [LeerpuntTheme, string]; action: string }[] = [
  {
    findings:
      'Drie loketten vroegen dezelfde gegevens op. Sinds het gezinsplan is er één intake en één regisseur.',
    leerpunt: [
      'ontschotting',
      'Eén gezamenlijke intake over de pijlers heen scheelt het gezin veel herhaling.',
    ],
    action: 'Regisseur legt de gezamenlijke intake vast als werkwijze voor het team',
  },
  {
    findings: 'De schulden zijn gestabiliseerd; de huurachterstand is via maatwerkbudget opgelost.',
    leerpunt: [
      'financien',
      'Maatwerkbudget vroeg inzetten voorkwam een huisuitzetting en hogere kosten later.',
    ],
    action: 'KBL en regisseur evalueren het budgetbeheer na drie maanden',
  },
  {
    findings: 'Onduidelijk wie de regie had tussen jeugdhulp en Wmo; afspraken liepen door elkaar.',
    leerpunt: [
      'regie',
      'Leg bij de start vast wie regisseur is en meld een overdracht aan het hele casusteam.',
    ],
    action: 'Regisseur plant een overleg met alle betrokken professionals',
  },
  {
    findings: 'Sociaal team en financieel coach werkten langs elkaar heen aan hetzelfde doel.',
    leerpunt: ['samenwerking', 'Een gedeeld doel in het plan maakt zichtbaar wie waarmee bezig is.'],
    action: 'Financieel coach sluit aan bij het volgende casusoverleg',
  },
];

/** Case reviews of part of the 50-gezinnen cohort by the demo teamleider; then the daily flags. */
@Injectable()
export class DemoReviewsSeeder {
  private readonly logger = new Logger(DemoReviewsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdCaseloadService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly flags: ReviewFlagsService,
  ) {}

  async seed(): Promise<{ reviews: number }> {
    if ((await this.dataSource.getRepository(CaseReview).count()) > 0) return { reviews: 0 };
    const reviewerId = (await this.users.idsByEmail([DEMO_EMAILS.teamleider])).get(DEMO_EMAILS.teamleider);
    if (!reviewerId) throw new Error('demo user teamleider is missing: seed the demo users first');
    const today = this.clock.today();
    let count = 0;
    await this.dataSource.transaction(async (m) => {
      // Demo data for every cohort household, not a user's view: no access condition applies.
      const cohort = await this.households.households(m, () => new Brackets((qb) => qb.where('TRUE')), {
        cohortOnly: true,
      });
      for (const [i, household] of cohort.entries()) {
        if (i % 3 === 2) continue; // a third was never reviewed
        const story = STORIES[i % STORIES.length];
        const reviewedOn = addDays(today, -(20 + ((i * 17) % 150)));
        const review = await m.save(
          m.create(CaseReview, {
            householdId: household.householdId,
            municipalityId: household.municipalityId,
            reviewedOn,
            reviewerId,
            participants: ['teamleider', 'regisseur', ...(i % 2 ? ['KBL'] : [])],
            findings: story.findings,
            nextReviewOn: addDays(reviewedOn, 90),
            version: 1,
            updatedBy: reviewerId,
          }),
        );
        const owner = {
          reviewId: review.id,
          householdId: household.householdId,
          municipalityId: household.municipalityId,
        };
        const dueOn = addDays(reviewedOn, 30);
        await m.insert(CaseReviewAction, {
          ...owner,
          position: 0,
          description: story.action,
          owner: 'regisseur',
          dueOn,
          doneOn: i % 4 === 0 ? dueOn : null,
        });
        await m.insert(CaseReviewLeerpunt, {
          ...owner,
          position: 0,
          theme: story.leerpunt[0],
          text: story.leerpunt[1],
        });
        count++;
      }
    });
    await this.flags.run();
    this.logger.log({ reviews: count }, 'demo case reviews seeded');
    return { reviews: count };
  }
}
