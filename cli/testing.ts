/**
 * For the terminal client's tests: the real local authorization server and the real API (trusted
 * documents only) on a fresh SQLite file, a config directory per test, and a test that plays the
 * person's browser. Nothing about tokens is mocked.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, signIn } from '../idp/testing';
import { startLocalStack, type LocalStack, LOCAL_AUDIENCE } from '../test/local-stack';
import type { ContextOptions } from './context';
import type { ExitCode } from './errors';
import { runCli } from './run-cli';

export type { LocalStack };

/** The local stack with the API accepting only trusted documents, as in production. */
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
  /** `login`, with the test completing the sign-in in a browser; also returns the page shown. */
  login(person: { email: string; password: string }): Promise<CliRun & { page: string }>;
}

/**
 * Plays the browser: opens the authorize URL the client shows, posts the login form, and follows
 * the redirect to the client's loopback port, returning the page the client answers with.
 */
export async function completeSignIn(
  url: URL,
  person: { email: string; password: string },
): Promise<{ status: number; page: string }> {
  const location = await signIn(new Browser(url.href), url, person);
  const response = await fetch(location);
  return { status: response.status, page: await response.text() };
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
    let browsing: Promise<{ page: string }> | undefined;
    const result = await run(['login'], {
      openUrl: (url) => {
        browsing = completeSignIn(url, person);
      },
    });
    const { page } = (await browsing) ?? { page: '' };
    return { ...result, page };
  };
  return { configDir, run, login };
}
