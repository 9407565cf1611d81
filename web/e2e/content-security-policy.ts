import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineHashes } from '../deploy/security-headers';
import { takeCspViolations } from './csp-watch';
import {
  API,
  APP,
  check,
  jwtClaims,
  openBrowser,
  recordApiTokens,
  ROOT,
  SHORT_TOKEN_TTL_S,
  signIn,
  waitUntil,
} from './harness';
import { addEntry, entryItem, USERS, weekCell } from './scenario-helpers';

const ISSUER_ORIGIN = 'http://localhost:4400';

/** The directives of a policy by name. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

/** Expects the security headers of a page, with the hashes of its own built inline scripts. */
function expectPageHeaders(headers: Record<string, string>, file: string): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  const directives = directivesOf(policy);
  const { scripts } = inlineHashes(readFileSync(join(ROOT, 'web', 'out', file), 'utf8'));
  expect(scripts.length).toBeGreaterThan(0);
  expect(directives.get('script-src')).toEqual(["'self'", ...scripts]);
  expect(directives.get('connect-src')).toEqual(["'self'", API, ISSUER_ORIGIN]);
  expect(directives.get('frame-src')).toEqual([ISSUER_ORIGIN]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
}

/**
 * The web app under its Content-Security-Policy. Registered on the stack with short-lived tokens,
 * so that a silent renewal happens during the flow. Every test of the file also fails on any
 * violation recorded meanwhile (`takeCspViolations` in an afterEach).
 */
export function contentSecurityPolicyScenarios(): void {
  it('serves every answer with the security headers, and each page with its own policy', async () => {
    const week = await fetch(`${APP}/week/?week=2026-01-05`);
    expectPageHeaders(Object.fromEntries(week.headers), 'week/index.html');
    const callback = await fetch(`${APP}/callback`);
    expectPageHeaders(Object.fromEntries(callback.headers), 'callback/index.html');
    for (const path of ['/config.json', '/icon.svg', '/no-such-page/']) {
      const answer = await fetch(`${APP}${path}`);
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect({ path, nosniff: answer.headers.get('x-content-type-options'), policy }).toEqual({
        path,
        nosniff: 'nosniff',
        policy: expect.stringContaining("script-src 'self'; style-src 'self'") as unknown,
      });
    }
  });

  it('runs sign-in, an entry, silent renewal and sign-out under the policy with no violation', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    const tokens = recordApiTokens(page);
    const silent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('prompt=none')) silent.push(request.url());
    });
    try {
      const landing = await page.goto(`${APP}/`);
      expectPageHeaders((await landing?.allHeaders()) ?? {}, 'index.html');
      await signIn(page, ...USERS.emma);

      // A full load of the week restores the session through the checkSession iframe.
      const week = await page.goto(`${APP}/week/`);
      expectPageHeaders((await week?.allHeaders()) ?? {}, 'week/index.html');
      await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
      await check.count(page.getByRole('button', { name: 'Sign out' }), 1);
      expect(silent).toHaveLength(1);

      // The timer renews the short-lived token silently (a third of its lifetime before expiry).
      const renewal = await page.waitForRequest(
        (request) => request.url().includes('prompt=none'),
        { timeout: SHORT_TOKEN_TTL_S * 1000 },
      );
      await (await renewal.response())?.finished();
      const beforeRenewal = tokens[tokens.length - 1] ?? '';
      // In its last 5 s (session-store's EXPIRY_MARGIN_MS) the app no longer sends a token: it
      // waits for the renewal in flight. From then on the next request cannot carry the old one.
      const margin = jwtClaims(beforeRenewal).exp * 1000 - 5_000;
      await waitUntil(() => Date.now() >= margin, 'the old token’s last 5 s', 10_000);
      await addEntry(page, 'E2E Fornax', '3.5');
      await check.contains(entryItem(page, 'E2E Fornax'), 'Pending');
      const date = await entryItem(page, 'E2E Fornax').getAttribute('data-entry-date');
      await check.value(weekCell(page, 'E2E Fornax', date ?? ''), '3.5');
      expect(tokens[tokens.length - 1]).not.toBe(beforeRenewal);
      await check.count(page.locator('.panel-error, .banner-warning'), 0);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${APP}/`);
      await page.getByRole('heading', { name: 'Your hours, in one place' }).waitFor();
      expect(takeCspViolations()).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('cannot be shown in a frame of another page (frame-ancestors none)', async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      const refused = page.waitForEvent('console', (message) =>
        message.text().includes('frame-ancestors'),
      );
      await page.setContent(`<iframe title="Framed app" src="${APP}/week/"></iframe>`);
      await refused;
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(frame?.url()).not.toBe(`${APP}/week/`);
      const violations = takeCspViolations();
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.every((line) => line.includes("frame-ancestors 'none'"))).toBe(true);
    } finally {
      await browser.close();
    }
  });
}
