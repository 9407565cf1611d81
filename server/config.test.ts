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
