import { INDICATION_DETAIL_FIELDS, INDICATION_SUMMARY_FIELDS } from '@app/access';
import { DEMO_EMAILS, DemoUserKey, UsersService } from '@app/identity';
import { MUNICIPALITY_IDS } from '@app/reference';
import { Response } from 'supertest';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

/** Every field of an indication, and what the summary (rule 3) leaves of it. */
export const ALL_FIELDS = [...INDICATION_SUMMARY_FIELDS, ...INDICATION_DETAIL_FIELDS].sort();
export const SUMMARY_FIELDS = [...INDICATION_SUMMARY_FIELDS].sort();

export interface TestHousehold {
  id: string;
  adultId: string;
  childId: string;
  bsns: string[];
}

/**
 * Arranges households, case teams, consents and indications through the HTTP API, as the demo users
 * would, and remembers every BSN it used so a file can check none reached a log line.
 */
export class IndicationsKit {
  readonly bsns: string[] = [];
  private ids = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly t: TestApp,
    readonly kit: IdentityKit,
  ) {}

  async init() {
    await this.kit.seedDemoUsers();
    this.ids = await this.t.app.get(UsersService).idsByEmail(Object.values(DEMO_EMAILS));
  }

  userId(user: DemoUserKey): string {
    return this.ids.get(DEMO_EMAILS[user])!;
  }

  /** A fresh BSN that passes the elfproef (9-prefixed test range). */
  bsn(): string {
    for (;;) {
      this.counter++;
      const digits = [
        9,
        7,
        ...String(100_000 + this.counter * 3571)
          .slice(-6)
          .split('')
          .map(Number),
      ];
      const check = digits.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11;
      if (check <= 9) {
        const bsn = [...digits, check].join('');
        this.bsns.push(bsn);
        return bsn;
      }
    }
  }

  async request(user: DemoUserKey, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) {
    const session = await this.kit.as(user);
    let req = this.t.http()[method](path).set(this.kit.bearer(session));
    if (body) req = req.send(body);
    return this.kit.seen(await req);
  }

  get(user: DemoUserKey, path: string): Promise<Response> {
    return this.request(user, 'get', path);
  }

  post(user: DemoUserKey, path: string, body: object = {}): Promise<Response> {
    return this.request(user, 'post', path, body);
  }

  /** A Maastricht household with a parent and a child, created by `creator` (its regisseur). */
  async household(creator: DemoUserKey = 'consulentWmo', regisseurPillar = 'WMO'): Promise<TestHousehold> {
    const bsns = [this.bsn(), this.bsn()];
    const res = await this.post(creator, '/api/v1/households', {
      municipalityId: MUNICIPALITY_IDS.maastricht,
      street: 'Pastoor Habetsstraat',
      houseNumber: String(10 + this.counter),
      postcode: '6217AB',
      city: 'Maastricht',
      regisseurPillar,
      members: [
        {
          bsn: bsns[0],
          givenNames: 'Petra',
          familyName: 'Claessens',
          birthDate: '1984-02-11',
          relation: 'parent',
          joinedOn: '2019-05-01',
        },
        {
          bsn: bsns[1],
          givenNames: 'Liam',
          familyName: 'Claessens',
          birthDate: '2015-07-23',
          relation: 'child',
          joinedOn: '2019-05-01',
        },
      ],
    });
    if (res.status !== 201) throw new Error(`household not created: ${res.status} ${res.text}`);
    const members = res.body.members as { personId: string; relation: string }[];
    return {
      id: res.body.household.id,
      adultId: members.find((m) => m.relation === 'parent')!.personId,
      childId: members.find((m) => m.relation === 'child')!.personId,
      bsns,
    };
  }

  /** Adds a demo user to the case team (as the regisseur consulentWmo); returns the case-team member id. */
  async join(
    householdId: string,
    user: DemoUserKey,
    pillar: string | null,
    caseRole = 'pillar_contact',
    by: DemoUserKey = 'consulentWmo',
  ): Promise<string> {
    const res = await this.post(by, `/api/v1/households/${householdId}/case-team`, {
      userId: this.userId(user),
      caseRole,
      ...(pillar ? { pillar } : {}),
    });
    if (res.status !== 201) throw new Error(`joining the case team failed: ${res.status} ${res.text}`);
    return res.body.id;
  }

  async consent(householdId: string, personId: string, organisationId: string, category: string) {
    const res = await this.post('consulentWmo', `/api/v1/households/${householdId}/consents`, {
      personId,
      organisationId,
      category,
      givenOn: '2026-06-01',
      method: 'schriftelijk',
    });
    if (res.status !== 201) throw new Error(`consent failed: ${res.status} ${res.text}`);
  }

  /** Registers an indication through the API; fails loudly when that is refused. */
  async indication(user: DemoUserKey, householdId: string, body: Record<string, unknown>) {
    const res = await this.post(user, `/api/v1/households/${householdId}/indications`, body);
    if (res.status !== 201) throw new Error(`indication not created: ${res.status} ${res.text}`);
    return res.body as Record<string, unknown> & { id: string; procedure: Record<string, unknown> };
  }

  async count(table: string): Promise<number> {
    const { rows } = await this.t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0].n);
  }

  async lastLogSeq(): Promise<number> {
    const { rows } = await this.t.db.query<{ seq: string | null }>(
      `SELECT max(id) AS seq FROM processing_log`,
    );
    return Number(rows[0].seq ?? 0);
  }

  /** processing_log rows written after `seq`, in order. */
  async logRowsAfter(seq: number) {
    const { rows } = await this.t.db.query<{
      processing_activity_id: string;
      data_subject_id: string;
      data_subject_type: string;
      household_id: string | null;
      resource_id: string | null;
      action: string;
      status_code: string;
    }>(
      `SELECT processing_activity_id, data_subject_id, data_subject_type, household_id, resource_id, action, status_code
         FROM processing_log WHERE id > $1 ORDER BY id`,
      [seq],
    );
    return rows;
  }

  /** No BSN the kit handed out appears in any log line. */
  expectNoBsnInLogs() {
    const logs = this.t.logLines.join('\n');
    for (const bsn of this.bsns) expect(logs).not.toContain(bsn);
  }
}
