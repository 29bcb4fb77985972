import { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { RequestContext } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../test-output/screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Never a silent skip: without Debian's Chromium the web tests fail with what to do about it. */
export function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The web tests drive Debian's Chromium and never download a browser: ` +
        'install it with `apt-get install -y chromium` (.ci/run does this), or set CHROMIUM_PATH.',
    );
  }
}

export interface WebApp {
  t: TestApp;
  kit: IdentityKit;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real API and database with the demo users and households, listening on a free port, plus Chromium. */
export async function startWebApp(): Promise<WebApp> {
  requireChromium();
  const t = await createTestApp();
  const kit = new IdentityKit(t);
  await kit.seedDemoUsers();
  await t.app.get(RequestContext).run(() => t.app.get(DemoHouseholdsSeeder).seed());
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    kit,
    // "localhost", not 127.0.0.1: the refresh cookie is Secure, which Chromium accepts on localhost over http.
    baseUrl: `http://localhost:${port}`,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

export const LAPTOP = { width: 1366, height: 900 };
export const TABLET = { width: 820, height: 1180 };

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, failed scripts and CSP violations seen so far (expected 401s filtered by the caller). */
  problems: string[];
}

/** A tablet held landscape at a spreekuur desk, used with the fingers. */
export const TABLET_LANDSCAPE = { width: 1024, height: 768 };

export async function openSession(
  app: WebApp,
  viewport = LAPTOP,
  options: { touch?: boolean } = {},
): Promise<BrowserSession> {
  const context = await app.browser.newContext({
    viewport,
    locale: 'nl-NL',
    baseURL: app.baseUrl,
    hasTouch: options.touch ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Errors other than the API answers the journey expects (401 before login, 4xx on invalid input). */
export function unexpected(problems: string[]) {
  return problems.filter(
    (p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p),
  );
}

export async function login(page: Page, email: string, password = 'Gezinsplan-demo-2026') {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
}

/** Waits until the live region has announced a message matching `pattern`. */
export async function announced(page: Page, pattern: RegExp) {
  await page.getByTestId('announcer').filter({ hasText: pattern }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the serious and
 * critical violations. axe is evaluated through the DevTools protocol, so the page's CSP stays on.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })`)) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]) {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
          .join('\n  ')}${v.nodes.length > 3 ? `\n  … and ${v.nodes.length - 3} more` : ''}`,
    )
    .join('\n');
}

/** Checks the page with axe (no serious or critical violation) and writes its screenshot for review. */
export async function checkPage(page: Page, name: string, options: { whileLoading?: boolean } = {}) {
  // Loading indicators gone: the page shows what it fetched (or its error).
  // (Polled from here: the page's CSP rightly forbids the string evaluation waitForFunction would need.)
  const deadline = Date.now() + 15_000;
  while (!options.whileLoading && (await page.locator('.gp-loading').count())) {
    if (Date.now() > deadline) throw new Error(`"${name}" is still loading after 15 s`);
    await page.waitForTimeout(50);
  }
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  if (violations.length)
    throw new Error(`axe found violations on "${name}":\n${describeViolations(violations)}`);
}
