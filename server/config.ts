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

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).optional(),
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
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The API's settings: read once from the environment, validated, frozen. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string | undefined;
  port: number;
  auth: {
    issuer: string;
    audience: string;
    jwksUri: string;
    algorithms: readonly string[];
    /** The namespace of the team and manages claims. */
    claimsNamespace: string;
  };
  databaseUrl: string;
  corsOrigins: readonly string[];
  maxBodyBytes: number;
  logLevel: string;
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
  return Object.freeze({
    env: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    auth: Object.freeze({
      issuer: v.AUTH_ISSUER,
      audience: v.AUTH_AUDIENCE,
      jwksUri: v.AUTH_JWKS_URI ?? new URL('.well-known/jwks.json', v.AUTH_ISSUER).href,
      algorithms: Object.freeze([...v.AUTH_ALGORITHMS]),
      claimsNamespace: v.AUTH_CLAIMS_NAMESPACE,
    }),
    databaseUrl: v.DATABASE_URL,
    corsOrigins: Object.freeze([...v.CORS_ORIGINS]),
    maxBodyBytes: v.MAX_BODY_BYTES,
    logLevel: v.LOG_LEVEL,
  });
}
