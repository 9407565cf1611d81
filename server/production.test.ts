import { startTestApi, type TestApi } from '../test/api';
import { openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const EMPLOYEE = ['read:timesheets', 'create:timesheets'];
const CREATE = `mutation CreateTimesheet($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { id }
}`;

let issuer: TestIssuer;
let database: TestDatabase;
const apis: TestApi[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer();
  database = await openTestDatabase('sqlite');
});

afterAll(async () => {
  for (const api of apis) await api.close();
  await database.close();
  await issuer.close();
});

/** An API with these settings; query text is allowed (trusted documents have their own tests). */
async function apiWith(env: Record<string, string>): Promise<TestApi> {
  const api = await startTestApi(issuer, database, {
    env: { GRAPHQL_DOCUMENTS: 'any', ...env },
    now: () => NOW,
  });
  apis.push(api);
  return api;
}

const introspect = (api: TestApi) =>
  api.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');

describe('the mode of the API', () => {
  it('refuses introspection in production and answers it in development (Sandbox, codegen)', async () => {
    const production = await apiWith({ NODE_ENV: 'production' });
    const refused = await introspect(production);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.message).toMatch(/introspection/i);

    const development = await apiWith({ NODE_ENV: 'development' });
    const answered = await introspect(development);
    expect(answered.status).toBe(200);
    expect(answered.body.data?.__schema.queryType.name).toBe('Query');
  });

  it('lets GRAPHQL_INTROSPECTION override the default either way', async () => {
    const opened = await apiWith({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    expect((await introspect(opened)).body.data?.__schema.queryType.name).toBe('Query');
    const closed = await apiWith({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' });
    expect((await introspect(closed)).status).toBe(400);
  });

  it('sends stack traces only in development', async () => {
    const token = await issuer.userToken('auth0|mode', EMPLOYEE);
    const bad = { input: { date: '2026-11-24', project: 'X', hours: 99 } };
    const production = await apiWith({ NODE_ENV: 'production' });
    const quiet = await production.gql(CREATE, bad, token);
    expect(quiet.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quiet.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
    const development = await apiWith({ NODE_ENV: 'development' });
    const verbose = await development.gql(CREATE, bad, token);
    expect(verbose.body.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
  });

  it('never puts a stack trace or the verifier’s reason in a 401, even in development', async () => {
    const development = await apiWith({ NODE_ENV: 'development' });
    const expired = await issuer.sign(
      { sub: 'auth0|x', scope: 'read:timesheets' },
      { expiresIn: -600 },
    );
    const { status, body } = await development.gql('{ me { id } }', undefined, expired);
    expect(status).toBe(401);
    expect(body.errors).toEqual([
      { message: 'Missing or invalid token', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/exp|stack|jose/i);
  });

  it('serves the Sandbox landing page in development only', async () => {
    const page = (api: TestApi) =>
      fetch(api.url, { headers: { accept: 'text/html' } }).then(async (r) => ({
        status: r.status,
        text: await r.text(),
      }));
    const development = await page(await apiWith({ NODE_ENV: 'development' }));
    expect(development.status).toBe(200);
    expect(development.text).toMatch(/<html/i);
    const production = await page(await apiWith({ NODE_ENV: 'production' }));
    expect(production.text).not.toMatch(/<html/i);
  });
});

describe('the mutation rate limit', () => {
  it('answers 429 with Retry-After and RATE_LIMITED past the limit, per caller, writing nothing', async () => {
    const api = await apiWith({ MUTATION_RATE_LIMIT: '3/60' });
    const [busy, other] = ['auth0|busy', 'auth0|other'];
    const busyToken = await issuer.userToken(busy, EMPLOYEE);
    const input = (i: number) => ({ input: { date: '2026-11-24', project: `P${i}`, hours: 1 } });
    for (let i = 0; i < 3; i++) {
      expect((await api.gql(CREATE, input(i), busyToken)).body.errors).toBeUndefined();
    }
    const refused = await api.gql(CREATE, input(3), busyToken);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Too many changes: try again in \d+ s$/),
        extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
      }),
    ]);
    const rows = await database.db
      .selectFrom('timesheet_entries')
      .select('project')
      .where('user_id', '=', busy)
      .execute();
    expect(rows.map((r) => r.project).sort()).toEqual(['P0', 'P1', 'P2']);

    // Reads go on, and another caller has a bucket of their own.
    expect((await api.gql('{ timesheets { totalCount } }', {}, busyToken)).status).toBe(200);
    const otherToken = await issuer.userToken(other, EMPLOYEE);
    expect((await api.gql(CREATE, input(9), otherToken)).body.errors).toBeUndefined();
  });

  it('counts every root mutation field of an operation', async () => {
    const api = await apiWith({ MUTATION_RATE_LIMIT: '2/60' });
    const token = await issuer.userToken('auth0|aliases', EMPLOYEE);
    const twice = `mutation {
      a: createTimesheet(input: { date: "2026-11-24", project: "A", hours: 1 }) { id }
      b: createTimesheet(input: { date: "2026-11-24", project: "B", hours: 1 }) { id }
    }`;
    expect((await api.gql(twice, {}, token)).status).toBe(200);
    expect((await api.gql(twice, {}, token)).status).toBe(429);
  });

  it('counts root mutation fields inside fragments on Mutation, and writes nothing past the limit', async () => {
    const api = await apiWith({ MUTATION_RATE_LIMIT: '3/60' });
    const sub = 'auth0|fragments';
    const token = await issuer.userToken(sub, EMPLOYEE);
    const field = (key: string) =>
      `${key}: createTimesheet(input: { date: "2026-11-23", project: "${key}", hours: 1 }) { id }`;
    const hidden = `mutation Hidden { ...Spread ... on Mutation { ${field('c')} ${field('d')} } }
      fragment Spread on Mutation { ${field('a')} ${field('b')} }`;
    const refused = await api.gql(hidden, {}, token);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const rows = await database.db
      .selectFrom('timesheet_entries')
      .select('id')
      .where('user_id', '=', sub)
      .execute();
    expect(rows).toEqual([]);
  });

  it('is off with MUTATION_RATE_LIMIT=0', async () => {
    const api = await apiWith({ MUTATION_RATE_LIMIT: '0' });
    const token = await issuer.userToken('auth0|unlimited', EMPLOYEE);
    for (let i = 0; i < 5; i++) {
      const input = { input: { date: '2026-11-23', project: `U${i}`, hours: 1 } };
      expect((await api.gql(CREATE, input, token)).status).toBe(200);
    }
  });
});

describe('/metrics', () => {
  it('reports requests, outcomes, token failures, pool use and refusals after a known workload', async () => {
    const api = await apiWith({ METRICS_PORT: '0', MUTATION_RATE_LIMIT: '1/60' });
    const metricsUrl = api.app.metricsUrl()?.replace('localhost', '127.0.0.1');
    expect(metricsUrl).toMatch(/\/metrics$/);
    const token = await issuer.userToken('auth0|metrics', EMPLOYEE);
    const secret = {
      input: { date: '2026-11-24', project: 'M', hours: 1, notes: 'secret-note-42' },
    };
    await api.gql('query MyEntries { timesheets { totalCount } }', {}, token);
    await api.gql('query MyEntries { timesheets { totalCount } }', {}, token);
    await api.gql(CREATE, secret, token); // OK
    await api.gql(CREATE, secret, token); // rate limited
    await api.gql('query MyEntries { timesheets(first: 500) { totalCount } }', {}, token);
    for (let i = 0; i < 3; i++) await api.gql(`query Junk${i} { __typename }`, {}, token);
    const expired = await issuer.sign({ sub: 'auth0|x' }, { expiresIn: -600 });
    await api.gql('{ me { id } }', {}, expired);

    const response = await fetch(metricsUrl as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const value = (line: string) => {
      const found = text.split('\n').find((l) => l.startsWith(`${line} `));
      return found === undefined ? undefined : Number(found.slice(line.length + 1));
    };
    expect(value('timesheets_graphql_requests_total{operation="MyEntries",outcome="OK"}')).toBe(2);
    expect(
      value('timesheets_graphql_requests_total{operation="MyEntries",outcome="BAD_USER_INPUT"}'),
    ).toBe(1);
    expect(
      value('timesheets_graphql_requests_total{operation="CreateTimesheet",outcome="OK"}'),
    ).toBe(1);
    expect(
      value(
        'timesheets_graphql_requests_total{operation="CreateTimesheet",outcome="RATE_LIMITED"}',
      ),
    ).toBe(1);
    expect(
      value('timesheets_graphql_requests_total{operation="(refused)",outcome="UNAUTHENTICATED"}'),
    ).toBe(1);
    expect(value('timesheets_token_verification_failures_total{reason="expired"}')).toBe(1);
    expect(value('timesheets_rate_limit_refusals_total')).toBe(1);
    expect(value('timesheets_graphql_request_duration_seconds_count{operation="MyEntries"}')).toBe(
      3,
    );
    expect(value('timesheets_db_pool_connections{state="total"}')).toBe(1);
    expect(value('timesheets_db_pool_waiting')).toBe(0);
    // Only the trusted documents' operation names are label values; a caller's own are (other).
    expect(value('timesheets_graphql_requests_total{operation="(other)",outcome="OK"}')).toBe(3);
    expect(text).not.toContain('Junk');
    expect(text).not.toContain('secret-note-42');
    expect(text).not.toContain(token);
    expect(text).not.toContain('auth0|metrics');
  });

  it('is not served on the API’s own port', async () => {
    const api = await apiWith({ METRICS_PORT: '0' });
    const response = await fetch(api.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(404);
  });
});
