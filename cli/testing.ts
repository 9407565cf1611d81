/**
 * For the terminal client's tests: the real local authorization server and the real API (trusted
 * documents only) on a fresh SQLite file, a config directory per test, and a test that plays the
 * person's browser. Nothing about tokens is mocked.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, signIn } from '../idp/testing';
import { startTestApi, type TestApi } from '../test/api';
import { startTestIssuer } from '../test/issuer';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import type { ContextOptions } from './context';
import type { ExitCode } from './errors';
import { runCli } from './run-cli';

export { LOCAL_AUDIENCE, type LocalStack };

/**
 * The local authorization server and the API accepting only trusted documents, as in production,
 * on a fresh SQLite file.
 */
export function startCliStack(): Promise<LocalStack> {
  return startLocalStack({ env: { GRAPHQL_DOCUMENTS: 'trusted' } });
}

/** What one run of the client printed and returned. */
export interface CliRun {
  code: ExitCode;
  out: string[];
  err: string[];
}

/** A person at a terminal: their own config directory, and the local stack's settings. */
export interface Terminal {
  configDir: string;
  run(argv: string[], options?: ContextOptions & { env?: Record<string, string> }): Promise<CliRun>;
  /** `login`, with the test completing the sign-in in a browser; also returns what it saw. */
  login(person: Person): Promise<CliRun & Omit<BrowserVisit, 'status'>>;
}

/** A person in the browser: who signs in, and what they answer on the consent page. */
export interface Person {
  email: string;
  password: string;
  /** Default `allow`. */
  consent?: 'allow' | 'deny';
}

/** What the browser saw: the consent page, and the page the client's loopback answered with. */
export interface BrowserVisit {
  status: number;
  page: string;
  consentPage: string;
}

/**
 * Plays the browser: opens the authorize URL the client shows, posts the login form, answers the
 * consent page, and follows the redirect to the client's loopback port.
 */
export async function completeSignIn(url: URL, person: Person): Promise<BrowserVisit> {
  let consentPage = '';
  const location = await signIn(new Browser(url.href), url, {
    ...person,
    onPage: (step, page) => {
      if (step === 'consent') consentPage = page;
    },
  });
  const response = await fetch(location);
  return { status: response.status, page: await response.text(), consentPage };
}

/** A new terminal against `stack`, with a fresh config directory under the stack's temp folder. */
export function openTerminal(stack: LocalStack): Terminal {
  const configDir = mkdtempSync(join(stack.dir, 'config-'));
  const env = {
    TIMESHEETS_ISSUER: stack.idp.issuer,
    TIMESHEETS_AUDIENCE: LOCAL_AUDIENCE,
    TIMESHEETS_API_URL: stack.api.url,
    TIMESHEETS_CONFIG_DIR: configDir,
  };
  const run: Terminal['run'] = async (argv, options = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      ...options,
      env: { ...env, ...options.env },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  };
  const login: Terminal['login'] = async (person) => {
    let browsing: Promise<BrowserVisit> | undefined;
    const result = await run(['login'], {
      openUrl: (url) => {
        browsing = completeSignIn(url, person);
      },
    });
    const { page, consentPage } = (await browsing) ?? { page: '', consentPage: '' };
    return { ...result, page, consentPage };
  };
  return { configDir, run, login };
}

/** Someone at the office (a manager, payroll) acting on the stack's data through the API. */
export interface Office {
  /** The API on the stack's database, taking any document, trusting the office's issuer. */
  api: TestApi;
  /** An access token of Pat Payroll: approves every team and closes periods. */
  token: string;
  close: () => Promise<void>;
}

/**
 * A second API on the stack's database, trusting a test issuer of its own, for what others do to
 * a person's week in a test (approve, reject, close the period): the stack's API runs this
 * client's trusted documents only. Requests are real GraphQL over HTTP with a real token.
 */
export async function startOffice(stack: LocalStack): Promise<Office> {
  const issuer = await startTestIssuer();
  const api = await startTestApi(issuer, stack.database);
  // Names come from the HR feed (DIRECTORY_SOURCE=hr): Pat enters the directory through it.
  const feed = await issuer.clientToken('test-hr-feed', ['batch:upload']);
  const people = [{ id: 'test|payroll', name: 'Pat Payroll', team: 'payroll' }];
  const { status, body } = await api.gql(
    'mutation ($people: [PersonInput!]!) { upsertPeople(people: $people) { created } }',
    { people },
    feed,
  );
  if (status !== 200 || body.errors) {
    throw new Error(`The HR feed refused Pat Payroll: ${JSON.stringify(body.errors)}`);
  }
  const token = await issuer.userToken(
    'test|payroll',
    ['read:timesheets', 'approve:timesheets', 'approve:all-teams', 'close:periods'],
    { name: 'Pat Payroll' },
  );
  return {
    api,
    token,
    close: async () => {
      await api.close();
      await issuer.close();
    },
  };
}
