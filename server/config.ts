import { z } from 'zod';
import { DEFAULT_CLAIMS_NAMESPACE } from '../core/claims';
import { SUPPORTED_ALGORITHMS } from './auth/verifier';

const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const origin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'each entry must be an origin such as http://localhost:3000 (scheme, host, port; no path)');

const databaseUrl = z
  .string()
  .refine(
    (value) => /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value),
    'must be sqlite:<path> or postgres://user@host:port/database',
  );

const millis = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `<count>/<seconds>`, or `0` for no limit. */
const rateLimit = z
  .string()
  .regex(/^(0|[1-9]\d*\/[1-9]\d*)$/, 'must be <count>/<seconds> such as 120/60, or 0 for no limit')
  .default('120/60')
  .transform((value) => {
    if (value === '0') return null;
    const [points, seconds] = value.split('/').map(Number) as [number, number];
    return { points, seconds };
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  AUTH_ISSUER: z
    .url({ protocol: /^https?$/ })
    .refine((value) => value.endsWith('/'), 'must end with a slash, as Auth0 issuers do'),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URI: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_CLAIMS_NAMESPACE: z
    .url({ protocol: /^https?$/ })
    .refine((value) => value.endsWith('/'), 'must end with a slash, e.g. https://example.com/')
    .default(DEFAULT_CLAIMS_NAMESPACE),
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256')
    .transform(commaList)
    .pipe(z.array(z.enum(SUPPORTED_ALGORITHMS)).min(1)),
  DATABASE_URL: databaseUrl.default('sqlite:data/timesheets.db'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform(commaList)
    .pipe(z.array(origin)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: millis(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: millis(10_000),
  DATABASE_LOCK_TIMEOUT_MS: millis(5_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(30_000),
  AUTH_JWKS_MAX_STALE_S: z.coerce.number().int().min(60).default(86_400),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  MUTATION_RATE_LIMIT: rateLimit,
  SHUTDOWN_TIMEOUT_MS: millis(10_000),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_DOCUMENTS: z.enum(['trusted', 'any']).optional(),
  DIRECTORY_SOURCE: z.enum(['hr', 'idp']).default('hr'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** In production the issuer and its keys must come over https (loopback hosts excepted). */
function checkProductionUrls(v: z.infer<typeof envSchema>, jwksUri: string): void {
  if (v.NODE_ENV !== 'production') return;
  for (const [variable, value] of [
    ['AUTH_ISSUER', v.AUTH_ISSUER],
    ['AUTH_JWKS_URI', jwksUri],
  ] as const) {
    const url = new URL(value);
    if (url.protocol !== 'https:' && !LOOPBACK.test(url.hostname)) {
      throw new ConfigError(
        `${variable}: must be https in production (got "${value}"); only loopback hosts may use http`,
      );
    }
  }
}

/** The API's settings: read once from the environment, validated, frozen. */
export interface Config {
  env: 'development' | 'production' | 'test';
  /** Stack traces in errors and the local Sandbox landing page: NODE_ENV=development only. */
  development: boolean;
  /** Whether the schema can be introspected: development by default, GRAPHQL_INTROSPECTION wins. */
  introspection: boolean;
  /** Which documents run: only trusted ones (production default), or any query text. */
  documents: 'trusted' | 'any';
  /** Where the API listens (loopback unless HOST says otherwise, e.g. 0.0.0.0 in a container). */
  host: string;
  port: number;
  auth: {
    issuer: string;
    audience: string;
    jwksUri: string;
    algorithms: readonly string[];
    /** The namespace of the team and manages claims. */
    claimsNamespace: string;
    /** How long a key set may be used without a successful refresh; older, tokens are refused. */
    jwksMaxStaleMs: number;
  };
  databaseUrl: string;
  database: DatabaseSettings;
  corsOrigins: readonly string[];
  maxBodyBytes: number;
  /** Mutations per caller (`sub`) and window, per process; null: no limit. */
  mutationRateLimit: { points: number; seconds: number } | null;
  shutdownTimeoutMs: number;
  /** How long /readyz answers 503 before new connections are refused (a load balancer's grace). */
  shutdownDelayMs: number;
  /** Where /metrics is served; undefined: not served. */
  metricsPort: number | undefined;
  /** Where /metrics listens: loopback unless METRICS_HOST says otherwise, apart from HOST. */
  metricsHost: string;
  /**
   * Who owns people's name, email and team in the directory: the HR feed (`upsertPeople`) or the
   * identity provider (access-token claims). The other source never writes them.
   */
  directorySource: 'hr' | 'idp';
  logLevel: string;
}

/** Pool and timeouts of the database connection (PostgreSQL; SQLite uses the lock timeout). */
export interface DatabaseSettings {
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** A configuration value that is missing or wrong; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the API's configuration. This is the only reader of `process.env`; a bad
 * or missing value throws a ConfigError naming the variable.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    if (value === undefined) throw new ConfigError(`${variable}: is required and is not set`);
    throw new ConfigError(`${variable}: ${issue.message} (got "${value}")`);
  }
  const v = parsed.data;
  const jwksUri = v.AUTH_JWKS_URI ?? new URL('.well-known/jwks.json', v.AUTH_ISSUER).href;
  checkProductionUrls(v, jwksUri);
  const development = v.NODE_ENV === 'development';
  return Object.freeze({
    env: v.NODE_ENV,
    development,
    introspection: v.GRAPHQL_INTROSPECTION ?? development,
    documents: v.GRAPHQL_DOCUMENTS ?? (v.NODE_ENV === 'production' ? 'trusted' : 'any'),
    host: v.HOST,
    port: v.PORT,
    auth: Object.freeze({
      issuer: v.AUTH_ISSUER,
      audience: v.AUTH_AUDIENCE,
      jwksUri,
      algorithms: Object.freeze([...v.AUTH_ALGORITHMS]),
      claimsNamespace: v.AUTH_CLAIMS_NAMESPACE,
      jwksMaxStaleMs: v.AUTH_JWKS_MAX_STALE_S * 1000,
    }),
    databaseUrl: v.DATABASE_URL,
    database: Object.freeze({
      poolMax: v.DATABASE_POOL_MAX,
      connectTimeoutMs: v.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: v.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: v.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
    corsOrigins: Object.freeze([...v.CORS_ORIGINS]),
    maxBodyBytes: v.MAX_BODY_BYTES,
    mutationRateLimit: v.MUTATION_RATE_LIMIT,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    shutdownDelayMs: v.SHUTDOWN_DELAY_MS,
    metricsPort: v.METRICS_PORT,
    metricsHost: v.METRICS_HOST,
    directorySource: v.DIRECTORY_SOURCE,
    logLevel: v.LOG_LEVEL,
  });
}
