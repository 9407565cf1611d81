import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../test/local-stack';

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

describe('the people import against an API whose directory the identity provider owns', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({
      env: { DIRECTORY_SOURCE: 'idp', GRAPHQL_DOCUMENTS: 'trusted' },
    });
  });

  afterAll(() => stack.close());

  it('prints the summary, then one plain line naming the fields the API did not write, each once over every batch', async () => {
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
