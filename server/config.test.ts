import { ConfigError, loadConfig } from './config';

const base = {
  AUTH_ISSUER: 'https://abc.eu.auth0.com/',
  AUTH_AUDIENCE: 'https://timesheets.abc-inc.example/api',
};

describe('loadConfig', () => {
  it('fills in the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBe('sqlite:data/timesheets.db');
    expect(config.auth.jwksUri).toBe('https://abc.eu.auth0.com/.well-known/jwks.json');
    expect(config.auth.algorithms).toEqual(['RS256']);
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.auth.claimsNamespace).toBe('https://timesheets.abc-inc.example/');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [
      'AUTH_ISSUER is missing',
      { AUTH_ISSUER: undefined },
      /^AUTH_ISSUER: is required and is not set$/,
    ],
    [
      'AUTH_ISSUER lacks its slash',
      { AUTH_ISSUER: 'https://abc.eu.auth0.com' },
      /^AUTH_ISSUER: must end with a slash/,
    ],
    ['AUTH_AUDIENCE is missing', { AUTH_AUDIENCE: undefined }, /^AUTH_AUDIENCE: /],
    ['PORT is not a number', { PORT: 'eighty' }, /^PORT: .*got "eighty"/],
    ['AUTH_ALGORITHMS holds HS256', { AUTH_ALGORITHMS: 'RS256,HS256' }, /^AUTH_ALGORITHMS: /],
    [
      'DATABASE_URL is MySQL',
      { DATABASE_URL: 'mysql://x' },
      /^DATABASE_URL: must be sqlite:<path> or postgres/,
    ],
    [
      'CORS_ORIGINS has a path',
      { CORS_ORIGINS: 'http://localhost:3000/app' },
      /^CORS_ORIGINS: each entry must be an origin/,
    ],
    ['AUTH_JWKS_URI is a file', { AUTH_JWKS_URI: 'file:///etc/passwd' }, /^AUTH_JWKS_URI: /],
    [
      'AUTH_CLAIMS_NAMESPACE lacks its slash',
      { AUTH_CLAIMS_NAMESPACE: 'https://abc.example' },
      /^AUTH_CLAIMS_NAMESPACE: must end with a slash/,
    ],
    [
      'AUTH_CLAIMS_NAMESPACE is not a URL',
      { AUTH_CLAIMS_NAMESPACE: 'team/' },
      /^AUTH_CLAIMS_NAMESPACE: .*got "team\/"/,
    ],
  ])('stops with a message naming the variable when %s', (_name, override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });

  it('runs in production unless told otherwise, with development features off', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ env: 'production', development: false, introspection: false });
    expect(loadConfig({ ...base, NODE_ENV: 'development' })).toMatchObject({
      development: true,
      introspection: true,
    });
    expect(loadConfig({ ...base, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('reads the operations settings with their safe defaults', () => {
    expect(loadConfig(base)).toMatchObject({
      database: {
        poolMax: 10,
        connectTimeoutMs: 5_000,
        statementTimeoutMs: 10_000,
        lockTimeoutMs: 5_000,
        idleInTransactionTimeoutMs: 30_000,
      },
      auth: { jwksMaxStaleMs: 86_400_000 },
      mutationRateLimit: { points: 120, seconds: 60 },
      shutdownTimeoutMs: 10_000,
      shutdownDelayMs: 0,
      metricsPort: undefined,
    });
    const tuned = loadConfig({
      ...base,
      DATABASE_POOL_MAX: '25',
      MUTATION_RATE_LIMIT: '0',
      METRICS_PORT: '9464',
      AUTH_JWKS_MAX_STALE_S: '3600',
    });
    expect(tuned).toMatchObject({
      database: { poolMax: 25 },
      mutationRateLimit: null,
      metricsPort: 9464,
      auth: { jwksMaxStaleMs: 3_600_000 },
    });
  });

  it.each([
    ['AUTH_ISSUER', { AUTH_ISSUER: 'http://abc.eu.auth0.com/' }],
    ['AUTH_JWKS_URI', { AUTH_JWKS_URI: 'http://keys.abc.example/jwks.json' }],
  ])('refuses a plain-http %s in production, naming it', (variable, override) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(
      new RegExp(`^${variable}: must be https in production`),
    );
    expect(() => loadConfig({ ...base, ...override, NODE_ENV: 'development' })).not.toThrow();
  });

  it.each(['http://localhost:4400/', 'http://127.0.0.1:4400/', 'http://[::1]:4400/'])(
    'accepts the loopback issuer %s in production',
    (issuer) => {
      expect(loadConfig({ ...base, AUTH_ISSUER: issuer }).auth.issuer).toBe(issuer);
    },
  );

  it.each([
    ['MUTATION_RATE_LIMIT', '120 per minute', /^MUTATION_RATE_LIMIT: must be <count>\/<seconds>/],
    ['MUTATION_RATE_LIMIT', '0/60', /^MUTATION_RATE_LIMIT: /],
    ['DATABASE_POOL_MAX', '0', /^DATABASE_POOL_MAX: /],
    ['DATABASE_STATEMENT_TIMEOUT_MS', 'soon', /^DATABASE_STATEMENT_TIMEOUT_MS: /],
    ['GRAPHQL_INTROSPECTION', 'yes', /^GRAPHQL_INTROSPECTION: /],
    ['NODE_ENV', 'staging', /^NODE_ENV: /],
  ])('refuses %s=%j with a message naming it', (variable, value, message) => {
    expect(() => loadConfig({ ...base, [variable]: value })).toThrow(message);
  });

  it('reads lists of origins and algorithms', () => {
    const config = loadConfig({
      ...base,
      CORS_ORIGINS: 'http://localhost:3000, https://timesheets.abc.example',
      AUTH_ALGORITHMS: 'RS256,PS256',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(config.corsOrigins).toEqual(['http://localhost:3000', 'https://timesheets.abc.example']);
    expect(config.auth.algorithms).toEqual(['RS256', 'PS256']);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
});
