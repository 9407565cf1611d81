import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../test/api';
import { openTestDatabase, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { ALL_SCOPES } from '../core/scopes';
import { CLIENT_MANIFESTS } from '../scripts/documents/store';

const ROOT = join(__dirname, '..');
const REFUSALS = [
  'TRUSTED_DOCUMENT_REQUIRED',
  'UNKNOWN_DOCUMENT',
  'PERSISTED_QUERY_NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
];

let issuer: TestIssuer;
let database: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  issuer = await startTestIssuer();
  database = await openTestDatabase('sqlite');
  api = await startTestApi(issuer, database, { env: { GRAPHQL_DOCUMENTS: 'trusted' } });
});

afterAll(async () => {
  await api.close();
  await database.close();
  await issuer.close();
});

const post = (body: unknown, token?: string) => api.post(body, token);

describe('an API running only trusted documents', () => {
  it('refuses query text with a clear 400, before parsing it', async () => {
    const token = await issuer.userToken('auth0|emma', [...ALL_SCOPES]);
    const { status, body } = await post({ query: '{ me { id } }' }, token);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message:
          'This API runs only trusted documents: send extensions.persistedQuery.sha256Hash of a document your client shipped, not query text',
        extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' },
      },
    ]);
    const garbage = await post({ query: '{ { {' }, token);
    expect(garbage.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('refuses a hash no client shipped', async () => {
    const hash = '0'.repeat(64);
    const { status, body } = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({
      message: `Unknown document ${hash}: this API runs only the documents its clients shipped`,
      extensions: { code: 'UNKNOWN_DOCUMENT' },
    });
  });

  it.each(Object.entries(CLIENT_MANIFESTS))(
    'runs every document of the %s client by its hash',
    async (_client, path) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, string>;
      const token = await issuer.userToken('auth0|emma', [...ALL_SCOPES]);
      const client = await issuer.clientToken('timesheets-importer', ['batch:upload']);
      for (const [key, text] of Object.entries(manifest)) {
        const machine = /uploadTimesheets|upsertPeople/.test(text);
        const { status, body } = await post(
          { extensions: { persistedQuery: { version: 1, sha256Hash: key.slice(7) } } },
          machine ? client : token,
        );
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        const refused = codes.filter((code) => typeof code === 'string' && REFUSALS.includes(code));
        expect({ key, refused }).toEqual({ key, refused: [] });
        expect([200, 400]).toContain(status);
        // A 400 here is only for the variables this request leaves out.
        if (status === 400) expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT']));
      }
    },
  );
});

describe('an API in development (GRAPHQL_DOCUMENTS=any)', () => {
  it('runs query text, and documents of the store by hash', async () => {
    const dev = await startTestApi(issuer, database, { env: { GRAPHQL_DOCUMENTS: 'any' } });
    try {
      const token = await issuer.userToken('auth0|emma', [...ALL_SCOPES]);
      const response = await dev.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
      expect(response.body.data?.me.id).toBe('auth0|emma');
      const web = JSON.parse(
        readFileSync(join(ROOT, CLIENT_MANIFESTS.web ?? ''), 'utf8'),
      ) as Record<string, string>;
      const me = Object.entries(web).find(([, text]) => text.startsWith('query Me '));
      expect(me).toBeDefined();
      const byHash = await fetch(dev.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: me?.[0].slice(7) } },
        }),
      });
      expect(await byHash.json()).toEqual({
        data: { __typename: 'Query', me: { __typename: 'Viewer', id: 'auth0|emma' } },
      });
    } finally {
      await dev.close();
    }
  });
});
