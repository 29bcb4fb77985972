import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Pillar } from '@app/access';
import { ANONYMISED_TEXT } from '@app/households';
import { PersonDataField, PersonDataPart, PersonDataRegistry, RetentionRegistry } from '@app/privacy';
import { BudgetPayment, BudgetRequest } from './entities';
import { formatEurosNl } from './money';
import { REPLACED_SCHEMES, ReplacedScheme } from './replaced-schemes';

const field = (key: string, label: string, value: PersonDataField['value']): PersonDataField => ({
  key,
  label,
  value,
});
const day = (date: Date | null) => (date ? new Date(date).toISOString().slice(0, 10) : null);

/** The pillar whose retention period applies to a request that replaced this scheme. */
const SCHEME_PILLARS: Record<ReplacedScheme, Pillar> = {
  'bijzondere-bijstand': 'PARTICIPATIE',
  'individuele-inkomenstoeslag': 'PARTICIPATIE',
  declaratieregeling: 'PARTICIPATIE',
  'wmo-voorziening': 'WMO',
  jeugdhulp: 'JEUGD',
  schuldhulpverlening: 'SHV',
  leerlingenvervoer: 'ONDERWIJS',
};

/**
 * The maatwerkbudget's part of privacy operations: for an AVG art. 15 export, every request made for
 * the person with its decision and payments (the deciding employees are not named); for retention, the
 * pillars of the schemes the requests replaced, and anonymising the free text, the payee and the
 * payment references of a closed household (amounts, dates, status and schemes stay for the figures).
 */
@Injectable()
export class BudgetPrivacy implements OnModuleInit {
  constructor(
    private readonly personData: PersonDataRegistry,
    private readonly retention: RetentionRegistry,
  ) {}

  onModuleInit() {
    this.personData.register({ name: 'budgets', collect: (id, m) => this.collect(id, m) });
    this.retention.register({
      name: 'budgets',
      pillarsOf: (ids, m) => this.pillarsOf(ids, m),
      anonymise: (id, m) => this.anonymise(id, m),
    });
  }

  async collect(personId: string, m: EntityManager): Promise<PersonDataPart | null> {
    const requests = await m.find(BudgetRequest, { where: { personId }, order: { requestedOn: 'ASC' } });
    if (requests.length === 0) return null;
    const payments = await m.find(BudgetPayment, {
      where: { requestId: In(requests.map((r) => r.id)) },
      order: { paidOn: 'ASC' },
    });
    return {
      title: 'Maatwerkbudget',
      records: [
        ...requests.map((r) => ({
          kind: 'Aanvraag maatwerkbudget voor u',
          source: { type: 'budget_request', id: r.id },
          fields: [
            field('householdId', 'Nummer huishouden', r.householdId),
            field('requestedOn', 'Aangevraagd op', r.requestedOn),
            field('amount', 'Bedrag', formatEurosNl(r.amountCents)),
            field('justification', 'Onderbouwing', r.justification),
            field(
              'replacedSchemes',
              'In plaats van',
              r.replacedSchemes.map((s) => REPLACED_SCHEMES[s] ?? s).join(', '),
            ),
            field('payeeName', 'Te betalen aan', r.payeeName),
            field('payeeIban', 'IBAN', r.payeeIban),
            field('wantedOn', 'Gewenst op', r.wantedOn),
            field('status', 'Status', r.status),
            field('decidedOn', 'Besloten op', day(r.decidedAt)),
            field('motivation', 'Motivering van het besluit', r.motivation),
            field('paid', 'Betaald', formatEurosNl(r.paidCents)),
            field('withdrawnOn', 'Ingetrokken op', day(r.withdrawnAt)),
            field('withdrawalReason', 'Reden van intrekken', r.withdrawalReason),
          ],
        })),
        ...payments.map((p) => ({
          kind: 'Betaling uit het maatwerkbudget',
          source: { type: 'budget_payment', id: p.id },
          fields: [
            field('requestId', 'Bij aanvraag', p.requestId),
            field('paidOn', 'Betaald op', p.paidOn),
            field('amount', 'Bedrag', formatEurosNl(p.amountCents)),
            field('reference', 'Kenmerk', p.reference),
          ],
        })),
      ],
    };
  }

  async pillarsOf(householdIds: string[], m: EntityManager): Promise<Map<string, Pillar[]>> {
    const rows: { household_id: string; scheme: ReplacedScheme }[] = await m.query(
      `SELECT DISTINCT household_id, unnest(replaced_schemes) AS scheme FROM budget_request
        WHERE household_id = ANY($1::uuid[])`,
      [householdIds],
    );
    const result = new Map<string, Pillar[]>();
    for (const row of rows) {
      const pillar = SCHEME_PILLARS[row.scheme];
      const list = result.get(row.household_id) ?? [];
      if (pillar && !list.includes(pillar)) list.push(pillar);
      result.set(row.household_id, list);
    }
    return result;
  }

  /** Idempotent; returns the rows changed. Replayable answers of money writes are dropped as well. */
  async anonymise(householdId: string, m: EntityManager): Promise<number> {
    const [, requests] = (await m.query(
      `UPDATE budget_request SET justification = $2, payee_name = $2, payee_iban = NULL,
              motivation = CASE WHEN motivation IS NULL THEN NULL ELSE $2 END,
              withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE $2 END
        WHERE household_id = $1
          AND (justification <> $2 OR payee_name <> $2 OR payee_iban IS NOT NULL
               OR motivation <> $2 OR withdrawal_reason <> $2)`,
      [householdId, ANONYMISED_TEXT],
    )) as [unknown, number];
    const [{ n: payments }] = (await m.query(`SELECT anonymise_budget_payments($1) AS n`, [householdId])) as {
      n: number;
    }[];
    const [, keys] = (await m.query(
      `DELETE FROM budget_idempotency_key k
        WHERE k.target_id IN (SELECT id FROM budget_request WHERE household_id = $1
                              UNION ALL SELECT id FROM budget_payment WHERE household_id = $1)`,
      [householdId],
    )) as [unknown, number];
    return requests + payments + keys;
  }
}
