import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { trustedHashOf } from '../apollo/create-apollo-client';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { watchCspViolations } from './csp-watch';

export const ROOT = resolve(__dirname, '..', '..');
export const APP = 'http://localhost:3000';
export const API = 'http://localhost:4000/graphql';
const CHROMIUM = '/usr/bin/chromium';
const RUN_ID = new Date().toISOString().replace(/[:.]/g, '-');
/**
 * The access token lifetime (s) of the stack with short-lived tokens. The web app renews a third
 * of the lifetime before expiry (8 s in), and no longer sends a token in its last 5 s.
 */
export const SHORT_TOKEN_TTL_S = 12;
/** Screenshots and stack logs of this run. */
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots', RUN_ID);
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run. Without Debian's Chromium they are skipped with a loud
 * warning, except on CI (CI=true), where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `\n${'!'.repeat(78)}\n!! ${CHROMIUM} is missing: the browser tests do NOT run.\n!! Install it with: apt-get update && apt-get install -y chromium\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${message}`);
  console.warn(message);
  return false;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface Stack {
  dataDir: string;
  stop(): Promise<void>;
}

/** Runs `tsx scripts/start.ts` on a fresh data folder and waits for its ready line. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  for (const port of [3000, 4000, 4400, 9464]) {
    if (await portInUse(port)) {
      throw new Error(
        `port ${port} is in use: stop the running stack (npm start) before the browser tests`,
      );
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'timesheets-e2e-'));
  const child: ChildProcess = spawn('npx', ['tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    // Trusted documents on, as in production: the app must send every document by its hash.
    env: { ...process.env, DATA_DIR: dataDir, GRAPHQL_DOCUMENTS: 'trusted', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const log = join(SCREENSHOT_DIR, `stack-${Date.now()}.log`);
  child.stdout?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  child.stderr?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the stack did not start within 180 s:\n${output}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Timesheets is running at http://localhost:3000')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the stack exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    dataDir,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((done) => child.once('exit', done));
        process.kill(-child.pid, 'SIGTERM');
        const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      // The servers are grandchildren: wait until their ports are free for the next stack.
      for (const port of [3000, 4000, 4400, 9464]) {
        while (await portInUse(port)) await new Promise((done) => setTimeout(done, 200));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh Chromium profile (its own cookies, so its own authorization server session). Every
 * Content-Security-Policy violation in it is recorded (`takeCspViolations`).
 */
export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'timesheets-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    acceptDownloads: true,
  });
  await watchCspViolations(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real login page of the authorization server, from the landing page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${APP}/`);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/localhost:4400/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const allow = page.getByRole('button', { name: 'Allow' });
  await Promise.race([
    page.waitForURL(`${APP}/week/**`, { timeout: 20_000 }),
    allow.waitFor({ timeout: 20_000 }).then(() => allow.click()),
  ]);
  await page.waitForURL(`${APP}/week/**`);
  await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
}

/** The bearer tokens the page sends to the API, in order. */
export function recordApiTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(API)) return;
    const header = request.headers().authorization;
    if (header?.startsWith('Bearer ')) tokens.push(header.slice('Bearer '.length));
  });
  return tokens;
}

/**
 * Calls the API as another client would: a document the web app shipped, sent by its trusted
 * hash (the stacks run GRAPHQL_DOCUMENTS=trusted, as production does).
 */
export async function callApi(
  token: string,
  document: unknown,
  variables: Record<string, unknown>,
): Promise<{
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}> {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: trustedHashOf(document) } },
    }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Saves a full-page screenshot to artifacts/screenshots/<run id>/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The serious and critical axe violations of the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * Web-first assertions for playwright-core under Jest (playwright-core has no `expect`): each
 * polls the page until it holds or `timeoutMs` pass (10 s), then fails with what it last saw.
 */
async function until<T>(
  probe: () => Promise<T>,
  holds: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (holds(last)) return;
    } catch {
      // the element may be detached while the page re-renders
    }
    if (Date.now() > deadline)
      throw new Error(`Expected ${what}, last saw ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The payload of a JWT (an access token the page sent), unverified: for its `exp` and `iat`. */
export function jwtClaims(token: string): { exp: number; iat: number } {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    exp: number;
    iat: number;
  };
}

/** Waits until `condition` holds, polling every 100 ms; fails naming `what` after `timeoutMs`. */
export function waitUntil(condition: () => boolean, what: string, timeoutMs: number) {
  return until(() => Promise.resolve(condition()), Boolean, what, timeoutMs);
}

export const check = {
  text: (locator: Locator, expected: string) =>
    until(
      () => locator.innerText(),
      (text) => text.trim() === expected,
      `text "${expected}" in ${String(locator)}`,
    ),
  contains: (locator: Locator, expected: string) =>
    until(
      () => locator.innerText(),
      (text) => text.includes(expected),
      `"${expected}" in ${String(locator)}`,
    ),
  count: (locator: Locator, expected: number) =>
    until(
      () => locator.count(),
      (count) => count === expected,
      `${expected} of ${String(locator)}`,
    ),
  visible: (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 }),
  attribute: (locator: Locator, name: string, expected: string) =>
    until(
      () => locator.getAttribute(name),
      (value) => value === expected,
      `${name}="${expected}" on ${String(locator)}`,
    ),
  focused: (locator: Locator) =>
    until(
      () => locator.evaluate((element) => element === document.activeElement),
      Boolean,
      `${String(locator)} focused`,
    ),
  value: (locator: Locator, expected: string) =>
    until(
      () => locator.inputValue(),
      (value) => value === expected,
      `value "${expected}" in ${String(locator)}`,
    ),
};
