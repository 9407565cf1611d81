import Database from 'better-sqlite3';
import { startTestApi, type TestApi } from '../test/api';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';

const NOW = new Date('2026-11-25T12:00:00.000Z');
const EMPLOYEE = ['read:timesheets', 'create:timesheets'];
const CREATE = `mutation Log($input: CreateTimesheetInput!) { createTimesheet(input: $input) { id } }`;
const OWN = '{ timesheets(first: 5) { edges { node { id } } } }';
const CLOSED_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
];

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => {
  await issuer.close();
});

describe('requests the API cannot run', () => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    api = await startTestApi(issuer, database, { now: () => NOW });
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  it.each([
    ['without a token', undefined],
    ['with a token', 'token'],
  ])('answers an unknown operationName %s with 400 BAD_REQUEST', async (_when, withToken) => {
    const token = withToken ? await issuer.userToken('auth0|op-name', EMPLOYEE) : undefined;
    const query = 'query Mine { timesheets(first: 1) { totalCount } }';
    const { status, body: json } = await api.post({ query, operationName: 'Theirs' }, token);
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(json.errors?.[0]?.message).toBe('Unknown operation named "Theirs".');
  });

  it('answers a document of two operations without operationName with 400 BAD_REQUEST', async () => {
    const query = 'query A { __typename } query B { __typename }';
    const { status, body: json } = await api.post({ query });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('the directory is written on a best-effort basis', () => {
  it('serves reads while SQLite is locked by another process, and masks the failed write', async () => {
    const opened = await openTestDatabase('sqlite', { migrate: false });
    await opened.close();
    const path = opened.url.slice('sqlite:'.length);
    const database = await createDatabase(opened.url, { settings: { lockTimeoutMs: 50 } });
    await migrateToLatest(database.db);
    const api = await startTestApi(issuer, database, {
      now: () => NOW,
      env: { DIRECTORY_SOURCE: 'idp' },
    });
    const other = new Database(path);
    try {
      other.exec('begin immediate');
      const token = await issuer.userToken('auth0|locked', EMPLOYEE, { name: 'Locked Out' });
      const read = await api.gql(OWN, {}, token);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ data: { timesheets: { edges: [] } } });

      const input = { date: '2026-11-24', project: 'Audit', hours: 1 };
      const write = await api.gql(CREATE, { input }, token);
      expect(write.body.errors?.[0]?.message).toBe('Internal server error');
      expect(write.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(write.body)).not.toMatch(/locked|SQLITE|stack/i);
    } finally {
      other.exec('rollback');
      other.close();
      await api.close();
      await database.close();
    }
  });
});

describeEachDatabase('text with NUL and other control characters', (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(issuer, getDb(), {
      now: () => NOW,
      env: { DIRECTORY_SOURCE: 'idp' },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps serving a person whose name claim holds NUL, and stores the name without it', async () => {
    const sub = `auth0|nul-${Date.now()}`;
    const token = await issuer.userToken(sub, EMPLOYEE, { name: 'Nu\u0000ll' });
    for (let i = 0; i < 3; i++) {
      const { status, body } = await api.gql('{ me { id name } }', {}, token);
      expect(status).toBe(200);
      expect(body).toEqual({ data: { me: { id: sub, name: 'Null' } } });
    }
    expect((await api.gql(OWN, {}, token)).status).toBe(200);
    const row = await getDb()
      .db.selectFrom('people')
      .select(['name', 'source'])
      .where('id', '=', sub)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Null', source: 'idp' });
  });

  it('refuses notes holding NUL with BAD_USER_INPUT naming notes, and writes nothing', async () => {
    const sub = `auth0|nul-notes-${Date.now()}`;
    const token = await issuer.userToken(sub, EMPLOYEE);
    const input = { date: '2026-11-24', project: 'Audit', hours: 1, notes: 'a\u0000b' };
    const { status, body } = await api.gql(CREATE, { input }, token);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notes' });
    expect(body.errors?.[0]?.message).toBe(
      'notes must not contain control characters other than tabs and line breaks',
    );
    const rows = await getDb()
      .db.selectFrom('timesheet_entries')
      .select('id')
      .where('user_id', '=', sub)
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers only codes of the closed set, whatever went wrong', async () => {
    const token = await issuer.userToken(`auth0|codes-${Date.now()}`, EMPLOYEE);
    const bodies = [
      { query: '{ nope }' },
      { query: '{' },
      { query: 'query A { __typename }', operationName: 'B' },
      { query: OWN, variables: { first: 'x' } },
    ];
    for (const body of bodies) {
      const { body: json } = await api.post(body, token);
      for (const error of json.errors ?? []) {
        expect(CLOSED_CODES).toContain(error.extensions?.code);
      }
    }
  });
});
