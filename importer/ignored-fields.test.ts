import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../test/local-stack';
import { upsertPeople } from './upsert-people';

/**
 * A stand-in for an API whose directory takes name, email and team from the identity provider
 * (DIRECTORY_SOURCE), answering each upsertPeople batch in turn with the fields of
 * `ignoredPerBatch` as those it did not write: a real API names the same fields in every batch.
 */
let server: Server;
let base: string;
const ignoredPerBatch = [['name', 'email'], ['team', 'name'], []];
let batches = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const { variables } = JSON.parse(text) as { variables: { people: unknown[] } };
      const ignoredFields = ignoredPerBatch[batches % ignoredPerBatch.length];
      batches += 1;
      const created = variables.people.length;
      const result = { created, updated: 0, unchanged: 0, ignoredFields };
      res.end(JSON.stringify({ data: { upsertPeople: result } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  batches = 0;
});

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    person: { id: `auth0|ig${i}`, name: `P ${i}`, email: null, team: 'ops' },
  }));

function runCli(stack: LocalStack, args: string[]) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const env = { ...process.env, AUTH_ISSUER: stack.idp.issuer, API_URL: stack.api.url };
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', ...args],
      { env },
      (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
    );
  });
}

describe('fields the API did not write', () => {
  it('are gathered from every batch, each once, and the counts still add up', async () => {
    const options = { apiUrl: `${base}graphql`, getToken: () => Promise.resolve('machine') };
    const summary = await upsertPeople(people(5), { ...options, batchSize: 2 });
    expect(summary).toEqual({
      created: 5,
      updated: 0,
      unchanged: 0,
      ignoredFields: ['name', 'email', 'team'],
    });
  });
});

describe('the people import against an API whose directory the identity provider owns', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({
      env: { DIRECTORY_SOURCE: 'idp', GRAPHQL_DOCUMENTS: 'trusted' },
    });
  });

  afterAll(() => stack.close());

  it('prints the summary, then one plain line naming the fields the API did not write', async () => {
    const file = join(stack.dir, 'people.csv');
    writeFileSync(file, 'id,name,email,team\nauth0|ig-ida,Ida,,ops\nauth0|ig-ivo,Ivo,,ops\n');
    const result = await runCli(stack, ['--people', file, '--batch-size', '1']);
    expect(result).toEqual({
      code: 0,
      stdout:
        'created 2, updated 0, unchanged 0\n' +
        'not written: name, email, team (the API takes them from another source; see DIRECTORY_SOURCE)\n',
    });
    const stored = await stack.database.db
      .selectFrom('people')
      .select(['id', 'name', 'team'])
      .where('id', 'in', ['auth0|ig-ida', 'auth0|ig-ivo'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: 'auth0|ig-ida', name: null, team: null },
      { id: 'auth0|ig-ivo', name: null, team: null },
    ]);
  });
});
