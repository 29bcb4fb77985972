/**
 * @app/privacy — the privacy officer's tools (DESIGN.md "Privacy and law", access rule 7): the processing
 * log viewer (search, "who looked at this person and why", hash-chain check, export), AVG art. 15 access
 * requests with their one-month clock and the one export of a person's data, and retention (daily
 * anonymisation of closed cases past their period, with a dry run). Break the glass lives in households.
 *
 * Other contexts plug in through two registries, both exported here. Import PrivacyModule in your module
 * and register in onModuleInit (PrivacyModule imports HouseholdsModule; it never imports yours):
 *
 *   @Module({ imports: [PrivacyModule, ...] })
 *   export class IndicationsModule implements OnModuleInit {
 *     constructor(
 *       private readonly personData: PersonDataRegistry,
 *       private readonly retention: RetentionRegistry,
 *       private readonly indications: IndicationsPrivacy,
 *     ) {}
 *     onModuleInit() {
 *       // AVG art. 15: everything you store on the person, as Dutch-labelled records with their source.
 *       this.personData.register({
 *         name: 'indications',
 *         collect: (personId, manager) => this.indications.personData(personId, manager),
 *       });
 *       // Retention: anonymise your records of a household past its period; tell which pillars you hold.
 *       this.retention.register({
 *         name: 'indications',
 *         pillarsOf: (householdIds, manager) => this.indications.pillarsOf(householdIds, manager),
 *         anonymise: (householdId, manager) => this.indications.anonymise(householdId, manager),
 *       });
 *     }
 *   }
 *
 * Rules for a part (see PersonDataSource and RetentionParticipant):
 * - collect returns only the person's own records (no other people's personal data beyond what their own
 *   record shows), each with `source: { type: <table>, id }`, fields with a stable `key` and a Dutch
 *   `label`; null when you hold nothing. Use the given manager; do not log (the export logs once).
 *   test/privacy checks that every row with a `*person_id` column naming the person is in the export.
 * - anonymise keeps what aggregates count (pillar, product category, dates, status, amounts) and removes
 *   names, identifying numbers and free text; it must be idempotent and use the given manager.
 * - Records with a period of their own (not tied to a closed household) register a sweep instead:
 *   `retention.registerSweep({ name, policy, expire })` (see RetentionSweep; outreach signals and spreekuur
 *   contacts do). Each run calls expire(referenceDate, manager); a dry run rolls it back.
 */
export * from './access-requests/access-export.document';
export * from './access-requests/avg-deadline';
export * from './privacy.module';
export * from './registry/person-data.registry';
export * from './registry/retention.registry';
export * from './retention/retention.config';
export * from './retention/retention-policy';
export * from './retention/retention.scheduler';
export * from './retention/retention.service';
