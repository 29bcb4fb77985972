import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import {
  AanvraagDto,
  BeschikkingDto,
  BezwaarDecisionDto,
  BezwaarDto,
  EndProvisionDto,
  EndSuspensionDto,
  FirstConversationDto,
  SuspensionDto,
  WithdrawDto,
} from './dto';
import { Bezwaar, Indication, IndicationSuspension } from './entities';
import { assertTransition, DECIDED_STATUSES, OPEN_STATUSES } from './indication-state-machine';
import { IndicationWriter, VersionedView } from './indication-writer';
import { IndicationsRepository } from './indications.repository';

type Step = (m: EntityManager, row: Indication, today: string) => Promise<Partial<Indication>>;

/**
 * The procedure of an indication, step by step. Every step locks the indication, checks the caller's
 * right, validates against the procedure so far and the state machine, writes, recomputes the legal
 * clock and logs, in one transaction: a refused step writes nothing.
 */
@Injectable()
export class ProcedureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IndicationsRepository,
    private readonly writer: IndicationWriter,
    private readonly clock: Clock,
  ) {}

  registerAanvraag(user: AuthenticatedUser, id: string, dto: AanvraagDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (_m, row, today) => {
      if (row.pillar === 'SHV') {
        throw DomainError.invalidField(
          'aanvraagDate',
          'Schuldhulpverlening kent geen aanvraag; leg het eerste gesprek vast.',
        );
      }
      assertTransition(row.status, 'in_behandeling');
      this.assertDate('aanvraagDate', dto.aanvraagDate, row.meldingDate, 'de melding', today);
      return { aanvraagDate: dto.aanvraagDate, status: 'in_behandeling' };
    });
  }

  registerFirstConversation(
    user: AuthenticatedUser,
    id: string,
    dto: FirstConversationDto,
    ifMatch?: string,
  ) {
    return this.step(user, id, ifMatch, async (_m, row, today) => {
      if (row.pillar !== 'SHV') {
        throw DomainError.invalidField(
          'firstConversationDate',
          'Een eerste gesprek als termijnstap hoort alleen bij schuldhulpverlening; leg de aanvraag vast.',
        );
      }
      assertTransition(row.status, 'in_behandeling');
      this.assertDate(
        'firstConversationDate',
        dto.firstConversationDate,
        row.meldingDate,
        'de hulpvraag',
        today,
      );
      return { firstConversationDate: dto.firstConversationDate, status: 'in_behandeling' };
    });
  }

  /** Opschorting: within the running procedure, never overlapping another suspension of it. */
  suspend(user: AuthenticatedUser, id: string, dto: SuspensionDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (m, row, today) => {
      this.assertOpen(row);
      this.assertDate('startDate', dto.startDate, row.meldingDate, 'de melding', today);
      const existing = await this.repository.suspensionsOf(m, [row.id]);
      const end = dto.endDate ?? null;
      const overlapping = existing.find(
        (s) => (s.endDate === null || dto.startDate <= s.endDate) && (end === null || s.startDate <= end),
      );
      if (overlapping) {
        throw DomainError.conflict(
          'Deze opschorting overlapt met een andere opschorting van deze procedure.',
          {
            errors: [
              {
                field: 'startDate',
                message: `overlapt met de opschorting vanaf ${overlapping.startDate}${
                  overlapping.endDate ? ` tot en met ${overlapping.endDate}` : ' (nog niet beëindigd)'
                }`,
              },
            ],
          },
        );
      }
      await m.insert(IndicationSuspension, {
        indicationId: row.id,
        householdId: row.householdId,
        municipalityId: row.municipalityId,
        startDate: dto.startDate,
        endDate: end,
        reason: dto.reason.trim(),
        createdBy: user.id,
      });
      return {};
    });
  }

  endSuspension(
    user: AuthenticatedUser,
    id: string,
    suspensionId: string,
    dto: EndSuspensionDto,
    ifMatch?: string,
  ) {
    return this.step(user, id, ifMatch, async (m, row) => {
      this.assertOpen(row);
      const suspension = await m.findOneBy(IndicationSuspension, { id: suspensionId, indicationId: row.id });
      if (!suspension) throw DomainError.notFound('Deze opschorting');
      if (suspension.endDate !== null) {
        throw DomainError.conflict('Deze opschorting is al beëindigd.', {
          errors: [{ field: 'endDate', message: 'al beëindigd' }],
        });
      }
      if (dto.endDate < suspension.startDate) {
        throw DomainError.invalidField('endDate', 'Het einde ligt vóór het begin van de opschorting.');
      }
      await m.update(IndicationSuspension, { id: suspension.id }, { endDate: dto.endDate });
      return {};
    });
  }

  /** The beschikking ends the legal clock: toegekend, afgewezen or buiten behandeling. */
  beschikking(user: AuthenticatedUser, id: string, dto: BeschikkingDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (m, row, today) => {
      assertTransition(row.status, dto.outcome);
      this.assertDate('beschikkingDate', dto.beschikkingDate, row.meldingDate, 'de melding', today);
      const request = row.aanvraagDate ?? row.firstConversationDate;
      if (request && dto.beschikkingDate < request) {
        throw DomainError.invalidField(
          'beschikkingDate',
          `De beschikking ligt vóór ${row.pillar === 'SHV' ? 'het eerste gesprek' : 'de aanvraag'}.`,
        );
      }
      const suspensions = await this.repository.suspensionsOf(m, [row.id]);
      if (suspensions.some((s) => s.endDate === null)) {
        throw DomainError.conflict('Beëindig eerst de lopende opschorting.', {
          errors: [{ field: 'suspensions', message: 'er loopt nog een opschorting' }],
        });
      }
      if (suspensions.some((s) => s.endDate! > dto.beschikkingDate)) {
        throw DomainError.invalidField(
          'beschikkingDate',
          'De beschikking ligt binnen of vóór een opschorting.',
        );
      }
      if ((dto.startDate || dto.endDate) && dto.outcome !== 'toegekend') {
        throw DomainError.invalidField(
          dto.startDate ? 'startDate' : 'endDate',
          'Een periode van de voorziening hoort alleen bij een toekenning.',
        );
      }
      return {
        status: dto.outcome,
        beschikkingDate: dto.beschikkingDate,
        beschikkingOutcome: dto.outcome,
        startDate: dto.startDate ?? null,
        endDate: dto.endDate ?? null,
      };
    });
  }

  /** Withdrawn before the beschikking; an open suspension ends on the same day. */
  withdraw(user: AuthenticatedUser, id: string, dto: WithdrawDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (m, row, today) => {
      assertTransition(row.status, 'ingetrokken');
      this.assertDate('withdrawnOn', dto.withdrawnOn, row.meldingDate, 'de melding', today);
      const open = await m.findOneBy(IndicationSuspension, { indicationId: row.id, endDate: IsNull() });
      if (open) {
        if (dto.withdrawnOn < open.startDate) {
          throw DomainError.invalidField('withdrawnOn', 'De intrekking ligt vóór de lopende opschorting.');
        }
        await m.update(IndicationSuspension, { id: open.id }, { endDate: dto.withdrawnOn });
      }
      return { status: 'ingetrokken', withdrawnOn: dto.withdrawnOn };
    });
  }

  /** The provision of a granted indication has ended. */
  endProvision(user: AuthenticatedUser, id: string, dto: EndProvisionDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (_m, row, today) => {
      assertTransition(row.status, 'beeindigd');
      this.assertDate('endDate', dto.endDate, row.startDate ?? row.beschikkingDate!, 'het begin', today);
      return { status: 'beeindigd', endDate: dto.endDate };
    });
  }

  /** A bezwaar against the beschikking; its own 6-week clock starts at receipt. One open at a time. */
  lodgeBezwaar(user: AuthenticatedUser, id: string, dto: BezwaarDto, ifMatch?: string) {
    return this.step(user, id, ifMatch, async (m, row, today) => {
      if (!DECIDED_STATUSES.includes(row.status)) {
        throw DomainError.conflict('Bezwaar kan pas worden gemaakt na een beschikking.', {
          errors: [{ field: 'receivedDate', message: 'er is nog geen beschikking' }],
        });
      }
      this.assertDate('receivedDate', dto.receivedDate, row.beschikkingDate!, 'de beschikking', today);
      if (await m.existsBy(Bezwaar, { indicationId: row.id, decisionDate: IsNull() })) {
        throw DomainError.conflict('Er loopt al een bezwaar tegen deze beschikking.', {
          errors: [{ field: 'receivedDate', message: 'er loopt al een bezwaar' }],
        });
      }
      await m.insert(Bezwaar, {
        indicationId: row.id,
        householdId: row.householdId,
        municipalityId: row.municipalityId,
        receivedDate: dto.receivedDate,
        createdBy: user.id,
      });
      return {};
    });
  }

  decideBezwaar(
    user: AuthenticatedUser,
    id: string,
    bezwaarId: string,
    dto: BezwaarDecisionDto,
    ifMatch?: string,
  ) {
    return this.step(user, id, ifMatch, async (m, row, today) => {
      const bezwaar = await m.findOneBy(Bezwaar, { id: bezwaarId, indicationId: row.id });
      if (!bezwaar) throw DomainError.notFound('Dit bezwaar');
      if (bezwaar.decisionDate) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Op dit bezwaar is al beslist.', {
          currentState: bezwaar.outcome,
          requestedState: dto.outcome,
          allowedNextStates: [],
        });
      }
      this.assertDate(
        'decisionDate',
        dto.decisionDate,
        bezwaar.receivedDate,
        'de ontvangst van het bezwaar',
        today,
      );
      await m.update(Bezwaar, { id: bezwaar.id }, { decisionDate: dto.decisionDate, outcome: dto.outcome });
      return {};
    });
  }

  private step(
    user: AuthenticatedUser,
    id: string,
    ifMatch: string | undefined,
    work: Step,
  ): Promise<VersionedView> {
    return this.dataSource.transaction(async (m) => {
      const { row, ability } = await this.writer.loadForWrite(m, user, id, ifMatch);
      const changes = await work(m, row, this.clock.today());
      const stored = await this.repository.update(m, row, changes, this.clock.now());
      return this.writer.respond(m, ability, stored, 'update');
    });
  }

  private assertOpen(row: Indication) {
    if (!OPEN_STATUSES.includes(row.status)) {
      throw DomainError.conflict('Opschorten kan alleen zolang er nog geen beschikking is.', {
        errors: [{ field: 'status', message: `de procedure is al afgerond (${row.status})` }],
      });
    }
  }

  /** A procedure date: not in the future and not before the step it follows. */
  private assertDate(field: string, date: string, notBefore: string, what: string, today: string) {
    if (date < notBefore)
      throw DomainError.invalidField(field, `Deze datum ligt vóór ${what} (${notBefore}).`);
    if (date > today) throw DomainError.invalidField(field, 'Deze datum ligt in de toekomst.');
  }
}
