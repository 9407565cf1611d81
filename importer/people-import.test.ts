import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import { ImportFileError } from './csv';
import { formatPeopleSummary, runPeopleImport, type ImportSettings } from './run-import';

const HEADER = 'id,name,email,team';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(() => stack.close());

function settings(file: string, overrides: Partial<ImportSettings> = {}): ImportSettings {
  return {
    file,
    apiUrl: stack.api.url,
    batchSize: 2,
    client: {
      issuer: stack.idp.issuer,
      audience: LOCAL_AUDIENCE,
      clientId: 'timesheets-importer',
      clientSecret: 'importer-dev-secret',
    },
    ...overrides,
  };
}

function writeCsv(name: string, lines: string[]): string {
  const path = join(stack.dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

const peopleWithIds = (ids: string[]) =>
  stack.database.db
    .selectFrom('people')
    .select(['id', 'name', 'email', 'team'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();

function runCli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', ...args],
      { env: { ...process.env, AUTH_ISSUER: stack.idp.issuer, API_URL: stack.api.url } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe('the people import against the real authorization server and API', () => {
  it('creates people, changes nothing on a rerun, and updates and clears what changed', async () => {
    const ids = ['auth0|hr-ana', 'auth0|hr-ben', 'auth0|hr-cleo'];
    const file = writeCsv('people.csv', [
      'auth0|hr-ana,Ana Analyst,ana@abc.example,operations',
      'auth0|hr-ben,Ben Builder,,engineering',
      'auth0|hr-cleo,,,',
    ]);
    const progress: number[] = [];
    const first = await runPeopleImport(
      settings(file, { onProgress: (done) => progress.push(done) }),
    );
    expect(first).toEqual({ created: 3, updated: 0, unchanged: 0, ignoredFields: [] });
    expect(progress).toEqual([2, 3]);
    expect(await peopleWithIds(ids)).toEqual([
      { id: 'auth0|hr-ana', name: 'Ana Analyst', email: 'ana@abc.example', team: 'operations' },
      { id: 'auth0|hr-ben', name: 'Ben Builder', email: null, team: 'engineering' },
      { id: 'auth0|hr-cleo', name: null, email: null, team: null },
    ]);

    expect(await runPeopleImport(settings(file))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      ignoredFields: [],
    });

    const changed = writeCsv('people-changed.csv', [
      'auth0|hr-ana,Ana Analyst,ana@abc.example,operations',
      'auth0|hr-ben,Ben Builder,,',
      'auth0|hr-cleo,Cleo,,payroll',
    ]);
    const again = await runPeopleImport(settings(changed));
    expect(again).toEqual({ created: 0, updated: 2, unchanged: 1, ignoredFields: [] });
    expect(formatPeopleSummary(again)).toBe('created 0, updated 2, unchanged 1');
    expect(await peopleWithIds(ids)).toEqual([
      { id: 'auth0|hr-ana', name: 'Ana Analyst', email: 'ana@abc.example', team: 'operations' },
      { id: 'auth0|hr-ben', name: 'Ben Builder', email: null, team: null },
      { id: 'auth0|hr-cleo', name: 'Cleo', email: null, team: 'payroll' },
    ]);
  });

  it('stores schedules and employment dates from the optional columns, and changes nothing on a rerun', async () => {
    const path = join(stack.dir, 'people-terms.csv');
    writeFileSync(
      path,
      [
        `${HEADER},mon,tue,wed,thu,fri,sat,sun,employed_from,employed_until`,
        'auth0|hr-hal,Hal,,engineering,8,8,8,8,8,0,0,2024-03-04,',
        'auth0|hr-ivy,Ivy,,engineering,0,0,0,0,0,0,0,2026-06-01,2027-05-31',
        'auth0|hr-jon,Jon,,operations,,,,,,,,,',
      ].join('\n'),
    );
    expect(await runPeopleImport(settings(path))).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      ignoredFields: [],
    });
    const stored = await stack.database.db
      .selectFrom('people')
      .select(['id', 'schedule', 'employed_from', 'employed_until'])
      .where('id', 'in', ['auth0|hr-hal', 'auth0|hr-ivy', 'auth0|hr-jon'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        ...{ id: 'auth0|hr-hal', schedule: '[8,8,8,8,8,0,0]' },
        ...{ employed_from: '2024-03-04', employed_until: null },
      },
      {
        ...{ id: 'auth0|hr-ivy', schedule: '[0,0,0,0,0,0,0]' },
        ...{ employed_from: '2026-06-01', employed_until: '2027-05-31' },
      },
      { id: 'auth0|hr-jon', schedule: null, employed_from: null, employed_until: null },
    ]);
    expect(await runPeopleImport(settings(path))).toMatchObject({ unchanged: 3 });
  });

  it('sends nothing when a line breaks the rules', async () => {
    const file = writeCsv('bad-people.csv', [
      'auth0|hr-dan,Dan,dan@abc.example,operations',
      'auth0|hr-eve,Eve,eve-at-abc,operations',
    ]);
    await expect(runPeopleImport(settings(file))).rejects.toThrow(ImportFileError);
    await expect(runPeopleImport(settings(file))).rejects.toThrow(
      'line 3 (auth0|hr-eve): email "eve-at-abc" is not an email address',
    );
    expect(await peopleWithIds(['auth0|hr-dan', 'auth0|hr-eve'])).toEqual([]);

    const terms = join(stack.dir, 'bad-terms.csv');
    writeFileSync(
      terms,
      `${HEADER},mon,tue,wed,thu,fri,sat,sun\nauth0|hr-kit,Kit,,ops,8,8,8,8,eight,0,0\n`,
    );
    await expect(runPeopleImport(settings(terms))).rejects.toThrow(
      'line 2 (auth0|hr-kit): fri "eight" must be hours from 0 to 24 with at most two decimals, such as 7.5',
    );
    expect(await peopleWithIds(['auth0|hr-kit'])).toEqual([]);
  });

  it('runs as `npm run import -- --people`: prints the summary, and exits 2 on a bad file', async () => {
    const file = writeCsv('cli-people.csv', ['auth0|hr-fay,Fay,fay@abc.example,payroll']);
    const result = await runCli(['--people', file, '--batch-size', '1']);
    expect(result).toMatchObject({ code: 0, stdout: 'created 1, updated 0, unchanged 0\n' });
    expect(result.stderr).toContain('sent 1/1 people');

    const bad = join(stack.dir, 'cli-bad.csv');
    writeFileSync(bad, 'id,name,email\nauth0|hr-gus,Gus,\n');
    const refused = await runCli(['--people', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'import failed: the header must be exactly "id,name,email,team"',
    );

    const usage = await runCli(['--people', file, 'entries.csv']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run import -- --people <people.csv> [--batch-size 1..500]');
  });
});
