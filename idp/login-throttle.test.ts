import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Idp } from './create-idp';
import { startTestIdp } from './test-idp';
import {
  EMAIL_AND_IP_WINDOW_SECONDS,
  IP_WINDOW_SECONDS,
  MAX_FAILED_LOGINS_PER_EMAIL_AND_IP,
  MAX_FAILED_LOGINS_PER_IP,
} from './login-throttle';
import { authorizeUrl, Browser } from './testing';

const EMMA = { email: 'emma@abc.example', password: 'emma-dev-password' };

let dataDir: string;
let idp: Idp;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-throttle-'));
  idp = await startTestIdp(dataDir);
});

afterEach(async () => {
  await idp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A browser at the SPA's login page: posts the login form as often as the test likes. */
async function loginPage() {
  const browser = new Browser(idp.issuer);
  const url = authorizeUrl({
    issuer: idp.issuer,
    clientId: 'timesheets-spa',
    redirectUri: 'http://localhost:3000/callback/',
    scope: 'openid',
  });
  const page = await (await browser.follow(url)).response.text();
  return async (email: string, password: string) => {
    const { response, location } = await browser.submitForm(page, /\/login$/, { email, password });
    return { status: response.status, response, location, page: await response.text() };
  };
}

async function failTimes(times: number, email = EMMA.email) {
  const post = await loginPage();
  for (let i = 0; i < times; i += 1) expect((await post(email, 'wrong')).status).toBe(401);
}

describe('throttling failed sign-ins', () => {
  it('names its limits: 5 per email and address in 15 minutes, 50 per address in an hour', () => {
    expect([MAX_FAILED_LOGINS_PER_EMAIL_AND_IP, EMAIL_AND_IP_WINDOW_SECONDS]).toEqual([5, 900]);
    expect([MAX_FAILED_LOGINS_PER_IP, IP_WINDOW_SECONDS]).toEqual([50, 3600]);
  });

  it('answers 429 with when to try again after 5 wrong passwords, even for the right one', async () => {
    await failTimes(MAX_FAILED_LOGINS_PER_EMAIL_AND_IP);
    const post = await loginPage();
    const blocked = await post(EMMA.email.toUpperCase(), EMMA.password);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(EMAIL_AND_IP_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(EMAIL_AND_IP_WINDOW_SECONDS);
    expect(blocked.page).toMatch(
      /role="alert" id="login-error">Too many failed sign-ins\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\.</,
    );
    expect(blocked.location).toBeUndefined();
  });

  it('keeps counting per email: another person signs in from the same address', async () => {
    await failTimes(MAX_FAILED_LOGINS_PER_EMAIL_AND_IP);
    const post = await loginPage();
    const maria = await post('maria@abc.example', 'maria-dev-password');
    expect(maria.status).toBe(303);
  });

  it('does not count a successful sign-in, which clears that email’s failures', async () => {
    await failTimes(MAX_FAILED_LOGINS_PER_EMAIL_AND_IP - 1);
    expect((await (await loginPage())(EMMA.email, EMMA.password)).status).toBe(303);
    await failTimes(MAX_FAILED_LOGINS_PER_EMAIL_AND_IP - 1);
    expect((await (await loginPage())(EMMA.email, EMMA.password)).status).toBe(303);
  });

  it('answers 429 for every email after 50 wrong passwords from one address', async () => {
    const post = await loginPage();
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_IP; i += 1) {
      expect((await post(`guess-${i}@abc.example`, 'wrong')).status).toBe(401);
    }
    const blocked = await post(EMMA.email, EMMA.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(
      IP_WINDOW_SECONDS - 60,
    );
    expect(blocked.page).toContain('Try again in 60 minutes');
  });
});
