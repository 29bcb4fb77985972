import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ANONYMISED_TEXT, HouseholdPrivacyService } from '@app/households';
import { PersonDataField, PersonDataPart, PersonDataRegistry, RetentionRegistry } from '@app/privacy';

const field = (key: string, label: string, value: PersonDataField['value']): PersonDataField => ({
  key,
  label,
  value,
});

interface ReviewFacts {
  id: string;
  householdId: string;
  reviewedOn: string;
  nextReviewOn: string | null;
  actions: number;
  leerpunten: number;
}

const HOUSEHOLD_TEXT_NOTE =
  'Een casusbespreking gaat over het hele huishouden; de bevindingen, afspraken en leerpunten kunnen gegevens van anderen bevatten en staan hier daarom niet in. U kunt de functionaris gegevensbescherming om inzage in de tekst vragen.';

/**
 * Case reviews in privacy operations. A review names the household, never a person, so for an AVG
 * art. 15 export a person gets the reviews of the households they were a member of on the day of the
 * review: that there was one, when, and how many actions and leerpunten it had, without the free text
 * (it may be about other members, as the plan's own words may). For retention, the free text of a
 * closed household past its period (findings, participants, actions, leerpunten) is replaced; dates,
 * counts and leerpunt themes stay, so the caseload and the casusboek's theme counts still hold.
 */
@Injectable()
export class ReviewPrivacy implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly retention: RetentionRegistry,
    private readonly households: HouseholdPrivacyService,
  ) {}

  onModuleInit() {
    this.personData.register({ name: 'reviews', collect: (id, m) => this.collect(id, m) });
    this.retention.register({ name: 'reviews', anonymise: (id, m) => this.anonymise(id, m) });
  }

  async collect(personId: string, m: EntityManager): Promise<PersonDataPart | null> {
    const memberships = (await this.households.personDataFor(personId, m))?.memberships ?? [];
    if (memberships.length === 0) return null;
    const reviews: ReviewFacts[] = [];
    for (const ms of memberships) {
      reviews.push(
        ...((await m.query(
          `SELECT r.id, r.household_id AS "householdId", r.reviewed_on::text AS "reviewedOn",
                  r.next_review_on::text AS "nextReviewOn",
                  (SELECT count(*)::int FROM case_review_action a WHERE a.review_id = r.id) AS actions,
                  (SELECT count(*)::int FROM case_review_leerpunt l WHERE l.review_id = r.id) AS leerpunten
             FROM case_review r
            WHERE r.household_id = $1 AND r.reviewed_on >= $2::date
              AND ($3::date IS NULL OR r.reviewed_on <= $3::date)
            ORDER BY r.reviewed_on, r.id`,
          [ms.household.id, ms.joinedOn, ms.leftOn],
        )) as ReviewFacts[]),
      );
    }
    if (reviews.length === 0) return null;
    return {
      title: 'Casusbesprekingen over uw huishouden',
      records: reviews.map((r) => ({
        kind: 'Casusbespreking over uw huishouden',
        source: { type: 'case_review', id: r.id },
        fields: [
          field('householdId', 'Nummer huishouden', r.householdId),
          field('reviewedOn', 'Besproken op', r.reviewedOn),
          field('nextReviewOn', 'Volgende bespreking', r.nextReviewOn),
          field('actions', 'Aantal afspraken', r.actions),
          field('leerpunten', 'Aantal leerpunten', r.leerpunten),
        ],
        note: HOUSEHOLD_TEXT_NOTE,
      })),
    };
  }

  /** Replaces the reviews' free text of a (closed) household; idempotent. Returns the rows changed. */
  async anonymise(householdId: string, m: EntityManager): Promise<number> {
    let changed = 0;
    const run = async (sql: string) => {
      const [, count] = (await m.query(sql, [householdId, ANONYMISED_TEXT])) as [unknown, number];
      changed += count;
    };
    // Participants may name professionals: each becomes the marker, so their number stays.
    await run(
      `UPDATE case_review SET findings = $2,
              participants = array_fill($2::text, ARRAY[cardinality(participants)])
        WHERE household_id = $1
          AND (findings <> $2 OR participants <> array_fill($2::text, ARRAY[cardinality(participants)]))`,
    );
    await run(
      `UPDATE case_review_action SET description = $2, owner = $2
        WHERE household_id = $1 AND (description <> $2 OR owner <> $2)`,
    );
    await run(`UPDATE case_review_leerpunt SET text = $2 WHERE household_id = $1 AND text <> $2`);
    return changed;
  }
}
