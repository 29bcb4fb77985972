import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, DomainError } from '@app/core';
import { ReferenceService } from '@app/reference';
import { ArrearsSignal } from '../entities';
import { figuresRange, figuresScope } from '../outreach-figures.scope';
import { CREDITOR_TYPES, OFFER_OUTCOMES, SignalOutcome } from '../outreach.vocabulary';
import { Count, suppress } from '../suppression';
import { FeedbackQuery, SignalFiguresQuery } from './dto';
import { signalSubject } from './signal-import.service';

const OUTCOME_LABELS: Record<SignalOutcome, string> = {
  aanbod_gedaan: 'aanbod gedaan',
  eerste_gesprek_gepland: 'eerste gesprek gepland',
  al_in_traject: 'al in traject',
  geen_contact: 'geen contact na pogingen',
  geweigerd: 'geweigerd',
};
/** What identifies the creditor's own signal, and its outcome: no date of contact with the resident. */
export const FEEDBACK_COLUMNS = ['referentie', 'kenmerk_schuldeiser', 'ontvangen_op', 'uitkomst'];

interface FigureRow {
  creditor_type: string;
  neighbourhood_id: string | null;
  received: number;
  follow_up_actions: number;
  offers_made: number;
  conversations_held: number;
}

/** What leaves the worklist: feedback to a creditor (no personal data) and the vroegsignalering indicators. */
@Injectable()
export class SignalReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  /**
   * The outcomes for one creditor as CSV: our reference, the creditor's own reference and the received
   * date (the creditor's own data, to find its signal) and the outcome. No BSN, name, address or date
   * of contact: the creditor learns only what became of its signal.
   */
  async feedback(user: AuthenticatedUser, query: FeedbackQuery): Promise<string> {
    const ability = await this.access.abilityFor(user);
    const condition = this.access.condition(
      ability,
      'export',
      'Signal',
      this.dataSource.getMetadata(ArrearsSignal),
      's',
    );
    if (condition === null) throw DomainError.forbidden();
    const creditorKey = query.creditor.trim().replace(/\s+/g, ' ').toLowerCase();
    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(ArrearsSignal)
        .createQueryBuilder('s')
        .andWhere(condition)
        .andWhere('s.creditor_key = :creditorKey AND s.outcome IS NOT NULL', { creditorKey });
      if (query.from) qb.andWhere('s.received_on >= :from', { from: query.from });
      if (query.to) qb.andWhere('s.received_on <= :to', { to: query.to });
      const signals = await qb.orderBy('s.received_on', 'ASC').addOrderBy('s.reference', 'ASC').getMany();
      if (signals.length) {
        await m.query('UPDATE arrears_signal SET feedback_exported_at = $2 WHERE id = ANY($1::uuid[])', [
          signals.map((s) => s.id),
          this.clock.now(),
        ]);
      }
      await this.audit.record(m, {
        activityId: 'outreach.signals.follow-up',
        action: 'export',
        resourceType: 'SignalFeedback',
        dataSubjects: signals.map(signalSubject),
      });
      const lines = signals.map((s) =>
        [s.reference, s.creditorReference ?? '', s.receivedOn, OUTCOME_LABELS[s.outcome!]]
          .map(csvCell)
          .join(';'),
      );
      return [FEEDBACK_COLUMNS.join(';'), ...lines].join('\r\n') + '\r\n';
    });
  }

  /** Signals received, follow-up actions, offers made and conversations held, by creditor type and neighbourhood. */
  async figures(user: AuthenticatedUser, query: SignalFiguresQuery) {
    const ability = await this.access.abilityFor(user);
    const { municipalityIds, suppressed } = figuresScope(this.access, ability, user, query.municipalityId);
    const today = this.clock.today();
    const { from, to } = figuresRange('month', today, query.from, query.to);
    const rows = await this.dataSource.query<FigureRow[]>(
      `SELECT s.creditor_type, s.neighbourhood_id, count(*)::int AS received,
              coalesce(sum(a.n), 0)::int AS follow_up_actions,
              (count(*) FILTER (WHERE s.outcome = ANY($4::text[])))::int AS offers_made,
              (count(*) FILTER (WHERE s.first_conversation_on <= $5::date))::int AS conversations_held
         FROM arrears_signal s
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM arrears_signal_attempt t WHERE t.signal_id = s.id) a
        WHERE s.municipality_id = ANY($1::uuid[]) AND s.received_on BETWEEN $2::date AND $3::date
        GROUP BY s.creditor_type, s.neighbourhood_id
        ORDER BY s.creditor_type, s.neighbourhood_id NULLS LAST`,
      [municipalityIds, from, to, [...OFFER_OUTCOMES], today],
    );
    const names = new Map((await this.reference.listNeighbourhoods()).map((n) => [n.id, n.name]));
    const show = (n: number): Count => (suppressed ? suppress(n) : n);
    return {
      from,
      to,
      suppressed,
      creditorTypes: CREDITOR_TYPES,
      rows: rows.map((r) => ({
        creditorType: r.creditor_type,
        neighbourhoodId: r.neighbourhood_id,
        neighbourhood: r.neighbourhood_id ? (names.get(r.neighbourhood_id) ?? 'onbekend') : 'onbekend',
        received: show(r.received),
        followUpActions: show(r.follow_up_actions),
        offersMade: show(r.offers_made),
        conversationsHeld: show(r.conversations_held),
      })),
    };
  }
}

/** A CSV cell that cannot break the line or start a spreadsheet formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
