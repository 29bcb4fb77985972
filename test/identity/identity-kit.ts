import { Response } from 'supertest';
import {
  DEMO_EMAILS,
  DEMO_PASSWORD,
  DEMO_SECOND_BEHEERDER,
  DemoUserKey,
  DemoUsersSeeder,
  REFRESH_COOKIE,
} from '@app/identity';
import { TestApp } from '../setup/test-app';

export interface LoggedIn {
  accessToken: string;
  /** `gezinsplan_refresh=<token>`, ready for a Cookie header. */
  refreshCookie: string;
  body: Record<string, unknown>;
}

export const PROBLEM = /application\/problem\+json/;

/**
 * Logs demo users in over HTTP and remembers every secret it saw (password, tokens) and every error
 * body, so a file can finally check that none of them leaked into a log line or an error answer.
 */
export class IdentityKit {
  readonly secrets = new Set<string>([DEMO_PASSWORD]);
  readonly errorBodies: string[] = [];
  private readonly sessions = new Map<string, LoggedIn>();

  constructor(private readonly t: TestApp) {}

  seedDemoUsers() {
    return this.t.app.get(DemoUsersSeeder).seed();
  }

  /** Any response: keeps its body when it is an error. */
  seen(res: Response): Response {
    if (res.status >= 400) this.errorBodies.push(res.text);
    for (const cookie of setCookies(res)) this.secrets.add(cookie.split(';')[0].split('=')[1] ?? '');
    const token = (res.body as { accessToken?: unknown })?.accessToken;
    if (typeof token === 'string') this.secrets.add(token);
    return res;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<LoggedIn> {
    const res = this.seen(await this.t.http().post('/api/v1/auth/login').send({ email, password }));
    if (res.status !== 200) throw new Error(`login of a demo user failed with ${res.status}`);
    return { accessToken: res.body.accessToken, refreshCookie: refreshCookieOf(res), body: res.body };
  }

  /** A cached session per demo user (log in once per file). */
  async as(user: DemoUserKey): Promise<LoggedIn> {
    const cached = this.sessions.get(user);
    if (cached) return cached;
    const session = await this.login(DEMO_EMAILS[user]);
    this.sessions.set(user, session);
    return session;
  }

  /**
   * An account made as user administration makes it: the demo functioneel beheerder creates it, the
   * second demo beheerder approves it when it needs four eyes (case roles), and the new user replaces
   * the one-time password by `password` (default: the demo password) and is logged in.
   */
  async createAccount(body: { email: string; [field: string]: unknown }, password = DEMO_PASSWORD) {
    const admin = this.bearer(await this.as('functioneelBeheerder'));
    const created = this.seen(await this.t.http().post('/api/v1/users').set(admin).send(body));
    let oneTimePassword = created.body.oneTimePassword as string | undefined;
    let id = created.body.id as string;
    if (created.status === 202) {
      const approver = this.bearer(await this.secondBeheerder());
      const approved = this.seen(
        await this.t.http().post(`/api/v1/user-changes/${id}/approve`).set(approver).send(),
      );
      if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${approved.text}`);
      oneTimePassword = approved.body.oneTimePassword;
      id = approved.body.user.id;
    } else if (created.status !== 201) {
      throw new Error(`creating a user failed: ${created.status} ${created.text}`);
    }
    this.secrets.add(oneTimePassword ?? '');
    const first = this.seen(
      await this.t
        .http()
        .post('/api/v1/auth/first-password')
        .send({ email: body.email, oneTimePassword, newPassword: password }),
    );
    if (first.status !== 200) throw new Error(`first password failed: ${first.status} ${first.text}`);
    const session: LoggedIn = {
      accessToken: first.body.accessToken,
      refreshCookie: refreshCookieOf(first),
      body: first.body,
    };
    return { id, session };
  }

  /** The second demo functioneel beheerder (approves what the first requests). */
  async secondBeheerder(): Promise<LoggedIn> {
    const cached = this.sessions.get('secondBeheerder');
    if (cached) return cached;
    const session = await this.login(DEMO_SECOND_BEHEERDER.email);
    this.sessions.set('secondBeheerder', session);
    return session;
  }

  bearer(session: LoggedIn) {
    return { Authorization: `Bearer ${session.accessToken}` };
  }

  /** No secret, no password hash anywhere in the logs or the error bodies seen so far. */
  expectNothingLeaked() {
    const haystack = [...this.t.logLines, ...this.errorBodies].join('\n');
    expect(haystack).not.toContain('$argon2');
    for (const secret of this.secrets) {
      if (secret) expect(haystack).not.toContain(secret);
    }
  }
}

export function setCookies(res: Response): string[] {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? header : typeof header === 'string' ? [header] : [];
}

export function refreshCookieOf(res: Response): string {
  const cookie = setCookies(res).find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}
