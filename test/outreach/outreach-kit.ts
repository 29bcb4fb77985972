import { FixedClock } from '@app/core';
import { DEMO_USERS, DemoUsersSeeder } from '@app/identity';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { userId } from '../households/household-kit';
import { TestApp } from '../setup/test-app';

/** Friday 20 November 2026, 11:00 in Maastricht. */
export const NOW = new Date('2026-11-20T10:00:00Z');
export const fixedClock = () => new FixedClock(new Date(NOW));

export const COACH_B = 'coach.nazareth@demo.gezinsplan.nl';
export const COACH_C = 'coach.pottenberg@demo.gezinsplan.nl';

export interface Locations {
  nazareth: string;
  pottenberg: string;
  deRink: string;
}

export async function locations(t: TestApp): Promise<Locations> {
  const { rows } = await t.db.query<{ id: string; name: string }>('SELECT id, name FROM wijkservicepunt');
  const id = (name: string) => rows.find((r) => r.name === `Wijkservicepunt ${name}`)!.id;
  return { nazareth: id('Nazareth'), pottenberg: id('Pottenberg'), deRink: id('De Rink') };
}

/**
 * The demo users, plus two more financial coaches: B holds spreekuur at Nazareth like the demo coach,
 * C at Pottenberg. Locations are assigned through the functioneel beheerder's endpoint.
 */
export async function setUpCoaches(t: TestApp, kit: IdentityKit) {
  await kit.seedDemoUsers();
  await t.app.get(DemoUsersSeeder).seed([
    { ...DEMO_USERS.financialCoach, email: COACH_B, displayName: 'Coach Nazareth' },
    { ...DEMO_USERS.financialCoach, email: COACH_C, displayName: 'Coach Pottenberg' },
  ]);
  const where = await locations(t);
  const fb = await kit.as('functioneelBeheerder');
  const assign = async (email: string, ids: string[]) => {
    const res = await t
      .http()
      .put(`/api/v1/outreach/coach-locations/${await userId(t, email)}`)
      .set(kit.bearer(fb))
      .send({ wijkservicepuntIds: ids });
    if (res.status !== 200) throw new Error(`assigning coach locations failed: ${res.status} ${res.text}`);
  };
  await assign(DEMO_USERS.financialCoach.email, [where.nazareth]);
  await assign(COACH_B, [where.nazareth]);
  await assign(COACH_C, [where.pottenberg]);
  return {
    where,
    coachA: await kit.as('financialCoach'),
    coachB: await kit.login(COACH_B),
    coachC: await kit.login(COACH_C),
  };
}

export const CSV_HEADER =
  'schuldeiser_type;schuldeiser;bsn;postcode;huisnummer;achterstand_bedrag;achterstand_maanden;ontvangen_op';

export interface CsvLine {
  type: string;
  creditor: string;
  bsn: string;
  postcode: string;
  houseNumber: string | number;
  amount: string;
  months: string | number;
  receivedOn: string;
}

export function csvLine(line: Partial<CsvLine> & { bsn: string }): string {
  const l: CsvLine = {
    type: 'huur',
    creditor: 'Maasvallei',
    postcode: '6217AA',
    houseNumber: 12,
    amount: '412,50',
    months: 2,
    receivedOn: '2026-11-02',
    ...line,
  };
  return [l.type, l.creditor, l.bsn, l.postcode, l.houseNumber, l.amount, l.months, l.receivedOn].join(';');
}

export function csv(...lines: string[]): string {
  return [CSV_HEADER, ...lines].join('\n') + '\n';
}

export function importCsv(t: TestApp, kit: IdentityKit, as: LoggedIn, body: string | Buffer, query = '') {
  return t
    .http()
    .post(`/api/v1/outreach/signals/imports${query}`)
    .set(kit.bearer(as))
    .set('Content-Type', 'text/csv')
    .send(body);
}

export async function outreachCounts(t: TestApp) {
  const { rows } = await t.db.query<{ signals: number; imports: number; attempts: number; contacts: number }>(
    `SELECT (SELECT count(*)::int FROM arrears_signal) AS signals,
            (SELECT count(*)::int FROM arrears_signal_import) AS imports,
            (SELECT count(*)::int FROM arrears_signal_attempt) AS attempts,
            (SELECT count(*)::int FROM spreekuur_contact) AS contacts`,
  );
  return rows[0];
}

/** No BSN of these lists appears in any log line of the application. */
export function expectNoBsnInLogs(t: TestApp, bsns: Iterable<string>) {
  const logs = t.logLines.join('\n');
  for (const bsn of bsns) expect(logs).not.toContain(bsn);
}
