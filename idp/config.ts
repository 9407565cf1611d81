import * as path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CLAIMS_NAMESPACE } from '../core/claims';

/** Settings of the local authorization server, read once from the environment. */
export interface IdpConfig {
  /** TCP port to listen on; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to bind. */
  readonly host: string;
  /** Issuer identifier with Auth0's trailing slash; derived from the port when not set. */
  readonly issuer: string | undefined;
  /** Folder where signing keys are kept (`<DATA_DIR>/idp`). */
  readonly keysDir: string;
  /** The tenant file: API, clients, users and their permissions. */
  readonly tenantFile: string;
  /** Overrides the API's access token lifetime (seconds), e.g. to exercise silent renewal. */
  readonly accessTokenTtl: number | undefined;
  /** Extra SPA origins: each allows `<origin>/` and `<origin>/callback/`. */
  readonly spaOrigins: readonly string[];
  /** The URL prefix of the team claims in access tokens, e.g. `https://timesheets.abc-inc.example/`. */
  readonly claimsNamespace: string;
  /** NODE_ENV as given (unset: undefined); the server starts only for `development` or `test`. */
  readonly nodeEnv: string | undefined;
  /** Lets the server start whatever NODE_ENV says (it is still a development server). */
  readonly allowProduction: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

/** Raised when the environment holds an unusable setting; the message names it. */
export class IdpConfigError extends Error {
  override name = 'IdpConfigError';
}

const origin = z
  .string()
  .trim()
  .refine((value) => {
    const url = URL.parse(value);
    return url !== null && ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  }, 'must be an origin such as http://localhost:3001 (scheme, host, optional port; no path)');

const envSchema = z.object({
  IDP_PORT: z.coerce.number().int().min(0).max(65535).default(4400),
  IDP_HOST: z.string().min(1).default('localhost'),
  IDP_ISSUER: z
    .url({ protocol: /^https?$/ })
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  IDP_TENANT_FILE: z.string().min(1).optional(),
  IDP_ACCESS_TOKEN_TTL: z.coerce.number().int().positive().optional(),
  IDP_SPA_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').filter((item) => item.trim().length > 0))
    .pipe(z.array(origin)),
  // The API reads the same variable, so one setting names the claims on both sides.
  AUTH_CLAIMS_NAMESPACE: z
    .url({ protocol: /^https?$/ })
    .refine(
      (value) => value.endsWith('/'),
      'must end with "/" (claims are named <namespace>team and <namespace>manages)',
    )
    .default(DEFAULT_CLAIMS_NAMESPACE),
  NODE_ENV: z.string().optional(),
  IDP_ALLOW_PRODUCTION: z.enum(['true', 'false']).default('false'),
  IDP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

/** The tenant file shipped next to this module. */
export const DEFAULT_TENANT_FILE = path.join(__dirname, 'tenant.json');

/**
 * Validates the environment once and returns a frozen configuration. Only this function reads
 * environment variables; pass your own record in tests.
 */
export function loadIdpConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IdpConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.map(String).join('.') || 'environment';
    throw new IdpConfigError(`Invalid setting ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.IDP_PORT,
    host: e.IDP_HOST,
    issuer: e.IDP_ISSUER,
    keysDir: path.resolve(e.DATA_DIR, 'idp'),
    tenantFile: path.resolve(e.IDP_TENANT_FILE ?? DEFAULT_TENANT_FILE),
    accessTokenTtl: e.IDP_ACCESS_TOKEN_TTL,
    spaOrigins: Object.freeze([...new Set(e.IDP_SPA_ORIGINS)]),
    claimsNamespace: e.AUTH_CLAIMS_NAMESPACE,
    nodeEnv: e.NODE_ENV,
    allowProduction: e.IDP_ALLOW_PRODUCTION === 'true',
    logLevel: e.IDP_LOG_LEVEL,
  });
}

/** The NODE_ENV values this server starts with, without IDP_ALLOW_PRODUCTION. */
export const DEVELOPMENT_NODE_ENVS: readonly string[] = ['development', 'test'];

/** True when NODE_ENV is exactly one of DEVELOPMENT_NODE_ENVS. */
export function isDevelopmentEnv(config: IdpConfig): boolean {
  return config.nodeEnv !== undefined && DEVELOPMENT_NODE_ENVS.includes(config.nodeEnv);
}

/**
 * This server keeps sessions in memory, prints passwords and relaxes redirect URI rules for
 * localhost: it starts only with NODE_ENV exactly `development` or `test` (not unset, not
 * `Production`, not `staging`), unless IDP_ALLOW_PRODUCTION=true.
 */
export function assertDevelopmentUse(config: IdpConfig): void {
  if (isDevelopmentEnv(config) || config.allowProduction) return;
  const given = config.nodeEnv === undefined ? 'NODE_ENV is not set' : `NODE_ENV=${config.nodeEnv}`;
  throw new IdpConfigError(
    `Refusing to start: ${given}. This authorization server is for development and tests only ` +
      '(in-memory sessions, development passwords printed at start). Set NODE_ENV=development ' +
      '(or test) to run it, or IDP_ALLOW_PRODUCTION=true to override.',
  );
}
