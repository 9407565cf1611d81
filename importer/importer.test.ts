import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import { TokenRequestError } from './client-credentials';
import { ImportFileError } from './csv';
import { formatSummary, runImport, type ImportSettings } from './run-import';

const HEADER = 'externalId,userId,date,project,hours,notes';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ now: () => new Date('2026-11-25T12:00:00Z') });
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

const countRows = async () =>
  Number(
    (
      await stack.database.db
        .selectFrom('timesheet_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the importer against the real authorization server and API', () => {
  it('creates the good rows, reports the bad ones by line, and creates nothing twice on a rerun', async () => {
    const file = writeCsv('week-47.csv', [
      'hr-1,auth0|emma,2026-11-16,Audit,8,',
      'hr-2,auth0|emma,2026-11-17,Audit,25,too long a day',
      'hr-3,auth0|eli,2026-02-30,Sales,2,',
      'hr-4,auth0|eli,2026-11-18,Sales,abc,',
      'hr-5,auth0|carlos,2026-11-18,Support,4.5,"on site, all day"',
    ]);
    const progress: number[] = [];
    const first = await runImport(settings(file, { onProgress: (done) => progress.push(done) }));
    expect(first.created).toBe(2);
    expect(first.unchanged).toBe(0);
    expect(first.rejected.map((r) => [r.line, r.externalId])).toEqual([
      [3, 'hr-2'],
      [4, 'hr-3'],
      [5, 'hr-4'],
    ]);
    expect(first.rejected[0]?.reason).toMatch(/hours must be at most 24/);
    expect(first.rejected[1]?.reason).toMatch(/date/);
    expect(progress).toEqual([2, 4]);
    expect(await countRows()).toBe(2);
    const rows = await stack.database.db
      .selectFrom('timesheet_entries')
      .selectAll()
      .orderBy('user_id')
      .execute();
    expect(rows.map((r) => [r.user_id, r.source, r.external_id, r.notes])).toEqual([
      ['auth0|carlos', 'timesheets-importer', 'hr-5', 'on site, all day'],
      ['auth0|emma', 'timesheets-importer', 'hr-1', null],
    ]);

    const again = await runImport(settings(file));
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(await countRows()).toBe(2);
    expect(formatSummary(again)).toMatch(
      /^created 0, unchanged 2, rejected 3\n  line 3 \(hr-2\): /,
    );
  });

  it('sends nothing when the file is malformed', async () => {
    const before = await countRows();
    const path = join(stack.dir, 'bad.csv');
    writeFileSync(path, `${HEADER}\nhr-9,auth0|emma,2026-11-16,Audit\n`);
    await expect(runImport(settings(path))).rejects.toThrow(ImportFileError);
    expect(await countRows()).toBe(before);
  });

  it('stops with a clear error when the client secret is wrong', async () => {
    const file = writeCsv('one.csv', ['hr-10,auth0|emma,2026-11-19,Audit,1,']);
    const wrong = settings(file);
    wrong.client = { ...wrong.client, clientSecret: 'guess' };
    await expect(runImport(wrong)).rejects.toThrow(TokenRequestError);
    await expect(runImport(wrong)).rejects.toThrow(
      /refused a token for timesheets-importer \(HTTP 401, invalid_client/,
    );
  });

  it('runs as `npm run import`: prints the summary and exits 1 when a row was rejected', async () => {
    const file = writeCsv('cli.csv', [
      'cli-1,auth0|eli,2026-11-20,Audit,1,',
      'cli-2,auth0|eli,2026-11-20,Audit,0,',
    ]);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'scripts/import.ts', ...args],
          { env: { ...process.env, AUTH_ISSUER: stack.idp.issuer, API_URL: stack.api.url } },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
    const result = await run([file, '--batch-size', '1']);
    expect(result.stdout).toBe(
      'created 1, unchanged 0, rejected 1\n  line 3 (cli-2): hours must be more than 0\n',
    );
    expect(result.stderr).toContain('sent 2/2 rows');
    expect(result.code).toBe(1);
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import -- <file.csv>');
  });
});
