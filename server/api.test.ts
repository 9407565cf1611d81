import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startTestApi, type TestApi } from '../test/api';
import { openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});
let issuer: TestIssuer;
let api: TestApi;
let database: TestDatabase;

beforeAll(async () => {
  issuer = await startTestIssuer();
  database = await openTestDatabase('sqlite');
  api = await startTestApi(issuer, database, {
    env: { MAX_BODY_BYTES: '16384', CORS_ORIGINS: 'http://localhost:3000' },
    logger: pino({ level: 'info' }, logSink),
  });
});

afterAll(async () => {
  await api.close();
  await database.close();
  await issuer.close();
});

const base = () => api.url.replace('/graphql', '');

describe('HTTP', () => {
  it('rejects a whole request carrying an invalid token with 401 invalid_token', async () => {
    const token = await issuer.sign(
      { sub: 'auth0|emma', scope: 'read:timesheets' },
      { expiresIn: -3600 },
    );
    const { status, headers, body } = await api.gql('{ __typename me { id } }', undefined, token);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Missing or invalid token',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  });

  it('rejects a token sent in the query string, which RFC 6750 lets us refuse', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const response = await fetch(`${api.url}?access_token=${token}&query=%7Bme%7Bid%7D%7D`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(401);
  });

  it('answers 200 with the allowed fields and an error for the refused one', async () => {
    const token = await issuer.userToken('auth0|emma', ['create:timesheets']);
    const { status, body } = await api.gql(
      '{ me { id scopes kind } timesheet(id: "any") { id } }',
      undefined,
      token,
    );
    expect(status).toBe(200);
    expect(body.data?.me).toEqual({
      id: 'auth0|emma',
      scopes: ['create:timesheets'],
      kind: 'USER',
    });
    expect(body.data?.timesheet).toBeNull();
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['timesheet'], 'FORBIDDEN'],
    ]);
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(20_000) }),
    });
    expect(response.status).toBe(413);
    const after = await api.gql('{ __typename }');
    expect(after.status).toBe(200);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('accepts the largest page the contract allows, with every field, and refuses many of them at once', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const page = `timesheets(first: 200) {
      totalCount totalHours pageInfo { hasNextPage endCursor }
      edges { cursor node { id userId date project hours notes status rejectionReason decidedBy decidedAt createdAt source } }
    }`;
    const one = await api.gql(`{ ${page} }`, undefined, token);
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    const many = await api.gql(`{ a: ${page} b: ${page} }`, undefined, token);
    expect(many.status).toBe(400);
    expect(many.body.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('costs page sizes sent as variables like literal ones', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const page = `timesheets(first: $first) {
      edges { node { id date project hours notes status history { action at changes { field from to } } } }
    }`;
    const query = `query Pages($first: Int) { a: ${page} b: ${page} c: ${page} }`;
    const small = await api.gql(query, { first: 5 }, token);
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    const large = await api.gql(query, { first: 200 }, token);
    expect(large.status).toBe(400);
    expect(large.body.data).toBeUndefined();
    expect(large.body.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      maxCost: 8000,
    });
    expect(large.body.errors?.[0]?.message).toMatch(/^Query cost \d+ is over the limit of 8000/);
  });

  it('costs a document again when a variable of @include changes, once computed for other values', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const page = `timesheets(first: 200) @include(if: $all) {
      edges { node { id date project hours notes status history { action at changes { field from to } } } }
    }`;
    const query = `query Maybe($all: Boolean!) { a: ${page} b: ${page} c: ${page} me { id } }`;
    expect((await api.gql(query, { all: false }, token)).status).toBe(200);
    expect((await api.gql(query, { all: false }, token)).status).toBe(200);
    const all = await api.gql(query, { all: true }, token);
    expect(all.status).toBe(400);
    expect(all.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query with too many aliases before running it', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: timesheets { totalCount }`);
    const { status, body } = await api.gql(`{ ${aliases.join(' ')} }`, undefined, token);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses a query of too many tokens before parsing it all', async () => {
    const fields = Array.from({ length: 2500 }, () => 'a').join(' ');
    const { status, body } = await api.gql(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}?query=%7B__typename%7D`);
    expect(response.status).toBe(400);
  });

  it('allows CORS for a listed origin only', async () => {
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const echoed = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'bad id; drop' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a batched request (an array of operations)', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('logs one JSON line per request with its id, and never the token', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const response = await fetch(api.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'log-check-1',
      },
      body: JSON.stringify({ query: '{ timesheets { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const line = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.reqId === 'log-check-1');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200 });
    expect(logLines.join('')).not.toContain(token.split('.')[2]);
  });
});

describe('when the database fails', () => {
  it('answers "Internal server error" without SQL, and /readyz says unavailable', async () => {
    const broken = await openTestDatabase('sqlite');
    const brokenApi = await startTestApi(issuer, broken);
    await broken.db.schema.dropTable('timesheet_entries').execute();
    try {
      const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
      const { body } = await brokenApi.gql('{ timesheets { totalCount } }', undefined, token);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(body)).not.toMatch(/timesheet_entries|select|SqliteError/i);
      await broken.close();
      const ready = await fetch(brokenApi.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
    } finally {
      await brokenApi.close();
    }
  });
});
