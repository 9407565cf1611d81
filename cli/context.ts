import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { createApiClient, type ApiClient } from './api/api-client';
import { createCredentialsStore, type CredentialsStore } from './auth/credentials-store';
import { lazyIssuer, type Issuer } from './auth/issuer';
import { createSession } from './auth/session';
import { loadSettings, type CliSettings } from './settings';

/** Everything a command uses from the outside world, so that tests can hand in their own. */
export interface CliContext {
  settings: CliSettings;
  store: CredentialsStore;
  /** The authorization server, discovered on first use. */
  issuer: () => Promise<Issuer>;
  api: ApiClient;
  now: () => Date;
  /** A line for the person (stdout). */
  out: (line: string) => void;
  /** A line about a problem or progress (stderr). */
  err: (line: string) => void;
  /** Opens a URL in the system browser, without waiting; failures are ignored. */
  openUrl: (url: URL) => void;
  /**
   * Asks the person a question at the terminal and resolves to the line they typed; undefined
   * when nobody can answer (input is not a terminal).
   */
  prompt: (question: string) => Promise<string | undefined>;
  /** How long `login` waits for the browser to come back. */
  loginTimeoutMs: number;
}

export interface ContextOptions {
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
  openUrl?: (url: URL) => void;
  prompt?: (question: string) => Promise<string | undefined>;
  loginTimeoutMs?: number;
}

const OPENERS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'open', linux: 'xdg-open' };

/** Opens `url` with the desktop's opener (xdg-open, open) when there is one. */
export function openInBrowser(url: URL): void {
  const opener = OPENERS[process.platform];
  if (!opener) return;
  const child = spawn(opener, [url.href], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** Asks on stderr and reads one line from stdin, only when stdin is a terminal. */
export async function promptAtTerminal(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await reader.question(question);
  } finally {
    reader.close();
  }
}

/** The real world, with the settings read from `env` once. */
export function createContext(options: ContextOptions = {}): CliContext {
  const settings = loadSettings(options.env ?? process.env);
  const store = createCredentialsStore(settings.configDir);
  const issuer = lazyIssuer(settings);
  const now = options.now ?? (() => new Date());
  const session = createSession({ settings, store, issuer, now });
  return {
    settings,
    store,
    issuer,
    api: createApiClient({ apiUrl: settings.apiUrl, session }),
    now,
    out: options.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: options.err ?? ((line) => process.stderr.write(`${line}\n`)),
    openUrl: options.openUrl ?? openInBrowser,
    prompt: options.prompt ?? promptAtTerminal,
    loginTimeoutMs: options.loginTimeoutMs ?? 5 * 60_000,
  };
}
