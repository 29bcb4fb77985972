import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '@app/core';
import { HouseholdsService } from '@app/households';
import { DEMO_EMAILS, UsersService } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, ReferenceService } from '@app/reference';
import { ArrearsSignal, CoachLocation, SpreekuurContact } from '../entities';
import {
  DEFAULT_LEGAL_BASIS,
  REFERRAL_TARGETS,
  SPREEKUUR_TOPICS,
  SpreekuurTopic,
} from '../outreach.vocabulary';
import { SignalImportService } from '../signals/signal-import.service';
import { REQUIRED_COLUMNS } from '../signals/signal-csv';
import { seededRandom, syntheticBsn } from './demo-random';

const CONTACTS = 40;
const CREDITORS = [
  ['huur', 'Maasvallei'],
  ['huur', 'Servatius'],
  ['energie', 'Enexis Energie'],
  ['water', 'WML'],
  ['zorgverzekering', 'CZ'],
] as const;
const ADDRESSES = [
  ['6217AA', 'Brusselseweg'],
  ['6218BC', 'Mergelweg'],
  ['6222CD', 'Nazarethweg'],
  ['6216EF', 'Malbergsingel'],
  ['6221GH', 'Ambyerstraat-Noord'],
] as const;

/**
 * Demo outreach data: the demo coach holds spreekuur at Nazareth (vaste locatie) and Pottenberg; about
 * 40 contacts over the last six weeks (mostly anonymous, some linked to the coach's cases); about 30
 * signals, among them addresses with several creditors and a creditor that signalled twice.
 * Deterministic for a given date and idempotent: each part is skipped when it is already there.
 */
@Injectable()
export class DemoOutreachSeeder {
  private readonly logger = new Logger(DemoOutreachSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly reference: ReferenceService,
    private readonly households: HouseholdsService,
    private readonly imports: SignalImportService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<{ contacts: number; signals: number }> {
    const coachId = (await this.users.idsByEmail([DEMO_EMAILS.financialCoach])).get(
      DEMO_EMAILS.financialCoach,
    );
    if (!coachId) throw new Error('demo user financialCoach is missing: seed the demo users first');
    const points = new Map(
      (await this.reference.listWijkservicepunten(MUNICIPALITY_IDS.maastricht)).map((p) => [p.name, p]),
    );
    const nazareth = points.get('Wijkservicepunt Nazareth');
    const pottenberg = points.get('Wijkservicepunt Pottenberg');
    if (!nazareth || !pottenberg)
      throw new Error('the wijkservicepunten Nazareth and Pottenberg are missing');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CoachLocation)
      .values([
        { userId: coachId, wijkservicepuntId: nazareth.id, isPrimary: true },
        { userId: coachId, wijkservicepuntId: pottenberg.id, isPrimary: false },
      ])
      .orIgnore()
      .execute();
    const contacts = await this.contacts(coachId, [nazareth.id, nazareth.id, pottenberg.id]);
    const signals = await this.signals(coachId);
    this.logger.log({ contacts, signals }, 'demo outreach seeded');
    return { contacts, signals };
  }

  private async contacts(coachId: string, locations: string[]) {
    if ((await this.dataSource.getRepository(SpreekuurContact).count()) > 0) return 0;
    const cases = await this.coachCases(coachId);
    const random = seededRandom(8_2026);
    const today = this.clock.today();
    const rows: Partial<SpreekuurContact>[] = [];
    for (let i = 0; i < CONTACTS; i++) {
      const day = addDays(today, -random.int(1, 42));
      const hour = random.int(9, 15);
      const linked = cases.length > 0 && i % 6 === 0 ? cases[(i / 6) % cases.length] : null;
      const topics = [
        ...new Set([random.pick(SPREEKUUR_TOPICS), random.pick(SPREEKUUR_TOPICS)]),
      ] as SpreekuurTopic[];
      const referral = random.chance(0.35)
        ? random.pick(REFERRAL_TARGETS.filter((t) => t !== 'sociaal-team'))
        : null;
      rows.push({
        municipalityId: MUNICIPALITY_IDS.maastricht,
        wijkservicepuntId: random.pick(locations),
        contactAt: new Date(
          `${day}T${String(hour).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}:00+01:00`,
        ),
        topics,
        householdId: linked,
        basis: linked ? 'publieke-taak' : null,
        legalBasis: linked ? DEFAULT_LEGAL_BASIS : null,
        referralTo: referral,
        referralOrganisationId:
          referral === 'kbl' ? ORGANISATION_IDS.kbl : referral === 'szmh' ? ORGANISATION_IDS.szmh : null,
        referralOther: referral === 'other' ? 'Voedselbank Maastricht' : null,
        note: random.chance(0.3) ? 'Uitleg gegeven over de aanvraag; formulier meegegeven.' : null,
        followUpOn: random.chance(0.25) ? addDays(day, 14) : null,
        createdBy: coachId,
      });
    }
    await this.dataSource.getRepository(SpreekuurContact).insert(rows);
    return rows.length;
  }

  /** Households whose case team the coach is on (set up by the households demo seed). */
  private async coachCases(coachId: string) {
    const refs = await this.households.activeHouseholdRefs();
    const cases: string[] = [];
    for (const ref of refs.filter((r) => r.municipalityId === MUNICIPALITY_IDS.maastricht)) {
      const { professionals } = await this.households.participants(ref.id);
      if (professionals.some((p) => p.userId === coachId && p.active)) cases.push(ref.id);
    }
    return cases;
  }

  /** About 30 signals through the real import, so grouping and priorities are computed as in production. */
  private async signals(coachId: string) {
    if ((await this.dataSource.getRepository(ArrearsSignal).count()) > 0) return 0;
    const random = seededRandom(9_2026);
    const today = this.clock.today();
    const lines: string[] = [];
    const line = (creditor: (typeof CREDITORS)[number], bsn: string, address: number, daysAgo: number) => {
      const [postcode, street] = ADDRESSES[address % ADDRESSES.length];
      const amount = `${random.int(150, 2400)},${String(random.int(0, 99)).padStart(2, '0')}`;
      lines.push(
        [
          creditor[0],
          creditor[1],
          bsn,
          postcode,
          10 + address,
          amount,
          random.int(1, 4),
          addDays(today, -daysAgo),
        ].join(';') + `;${street};Maastricht;${random.chance(0.1) ? 'ja' : 'nee'}`,
      );
    };
    // Multiple: three creditors at one address; repeated: the same landlord twice within six months.
    const family = syntheticBsn(random);
    line(CREDITORS[0], family, 0, 20);
    line(CREDITORS[2], family, 0, 18);
    line(CREDITORS[3], family, 0, 9);
    const tenant = syntheticBsn(random);
    line(CREDITORS[1], tenant, 1, 120);
    line(CREDITORS[1], tenant, 1, 15);
    for (let i = 0; i < 25; i++) line(random.pick(CREDITORS), syntheticBsn(random), 5 + i, random.int(1, 60));
    const csv = [[...REQUIRED_COLUMNS, 'straat', 'woonplaats', 'dreiging'].join(';'), ...lines].join('\n');
    const coaches = await this.imports.importText(csv, {
      municipalityId: MUNICIPALITY_IDS.maastricht,
      ownerOrganisationId: ORGANISATION_IDS.financialCoaches,
      importedBy: coachId,
    });
    // A few signals go to KBL intake, as they would after a first look by the coaches.
    const kbl = await this.dataSource.getRepository(ArrearsSignal).find({
      select: { id: true },
      where: { importId: coaches.importId, multiple: false, repeated: false },
      order: { reference: 'ASC' },
      take: 6,
    });
    if (kbl.length) {
      await this.dataSource.getRepository(ArrearsSignal).update(
        kbl.map((s) => s.id),
        { ownerOrganisationId: ORGANISATION_IDS.kbl },
      );
    }
    return coaches.accepted;
  }
}
