import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertPeople } from './upsert-people';

/**
 * A stand-in for an API whose directory takes name, email and team from the identity provider
 * (DIRECTORY_SOURCE): it answers the token endpoint, and each upsertPeople batch in turn with the
 * fields of `ignoredPerBatch` as those it did not write.
 */
let server: Server;
let base: string;
let dir: string;
const ignoredPerBatch = [['name', 'email'], ['team', 'name'], []];
let batches = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ignored-fields-'));
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/oauth/token') {
        res.end(JSON.stringify({ access_token: 'machine' }));
        return;
      }
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

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  batches = 0;
});

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    person: { id: `auth0|ig${i}`, name: `P ${i}`, email: null, team: 'ops' },
  }));

function runCli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const env = { ...process.env, AUTH_ISSUER: base, API_URL: `${base}graphql` };
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

  it('are named on one plain line after the summary of `npm run import -- --people`', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'id,name,email,team\nauth0|ig1,Ida,,ops\nauth0|ig2,Ivo,,ops\n');
    const result = await runCli(['--people', file, '--batch-size', '1']);
    expect(result).toEqual({
      code: 0,
      stdout:
        'created 2, updated 0, unchanged 0\n' +
        'not written: name, email, team (the API takes them from another source; see DIRECTORY_SOURCE)\n',
    });
  });
});
