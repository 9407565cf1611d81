import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_API_AUDIENCE } from '../core/api';

/** Where the terminal client signs in, what it asks for, and where it keeps the session. */
export interface CliSettings {
  /** The authorization server's issuer identifier (Auth0's has a trailing slash). */
  readonly issuer: string;
  /** The native application's client id (no secret: RFC 8252 §8.5). */
  readonly clientId: string;
  /** The API identifier, sent as Auth0's `audience` authorize parameter. */
  readonly audience: string;
  /** The GraphQL endpoint of the API. */
  readonly apiUrl: string;
  /** The folder of `credentials.json`. */
  readonly configDir: string;
}

/** The local development stack that `npm start` runs. */
export const DEFAULTS = {
  issuer: 'http://localhost:4400/',
  clientId: 'timesheets-cli',
  audience: DEFAULT_API_AUDIENCE,
  apiUrl: 'http://localhost:4000/graphql',
} as const;

/** Raised when a setting of the environment is unusable; the message names it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const httpUrl = z.url({ protocol: /^https?$/ });

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` is plain http on this machine, where TLS is not needed (the local stack). */
export function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

const envSchema = z.object({
  TIMESHEETS_ISSUER: httpUrl
    .default(DEFAULTS.issuer)
    .refine(
      (value) => value.startsWith('https:') || isLoopbackHttp(value),
      'must be https, or http on localhost / 127.0.0.1 (the local authorization server)',
    ),
  TIMESHEETS_CLIENT_ID: z.string().trim().min(1).default(DEFAULTS.clientId),
  TIMESHEETS_AUDIENCE: z.string().trim().min(1).default(DEFAULTS.audience),
  TIMESHEETS_API_URL: httpUrl.default(DEFAULTS.apiUrl),
  TIMESHEETS_CONFIG_DIR: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().optional(),
});

/** `$TIMESHEETS_CONFIG_DIR`, else `$XDG_CONFIG_HOME/timesheets`, else `~/.config/timesheets`. */
function configDirOf(env: z.infer<typeof envSchema>): string {
  if (env.TIMESHEETS_CONFIG_DIR) return resolve(env.TIMESHEETS_CONFIG_DIR);
  // The XDG base directory spec ignores a relative XDG_CONFIG_HOME.
  const base = env.XDG_CONFIG_HOME?.startsWith('/')
    ? env.XDG_CONFIG_HOME
    : join(homedir(), '.config');
  return join(base, 'timesheets');
}

/** Reads the settings once from the environment (the only reader of it) and freezes them. */
export function loadSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.map(String).join('.') || 'environment';
    throw new SettingsError(`Invalid setting ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    issuer: e.TIMESHEETS_ISSUER,
    clientId: e.TIMESHEETS_CLIENT_ID,
    audience: e.TIMESHEETS_AUDIENCE,
    apiUrl: e.TIMESHEETS_API_URL,
    configDir: configDirOf(e),
  });
}
