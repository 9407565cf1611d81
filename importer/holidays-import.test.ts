import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, startLocalStack, type LocalStack } from '../test/local-stack';
import { BatchRefusedError } from './api-client';
import { ImportFileError } from './csv';
import { formatHolidaysSummary, runHolidaysImport, type ImportSettings } from './run-import';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ env: { GRAPHQL_DOCUMENTS: 'trusted' } });
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
  writeFileSync(path, `${['date,name', ...lines].join('\n')}\n`);
  return path;
}

const holidaysOfYear = (year: number) =>
  stack.database.db
    .selectFrom('holidays')
    .select(['date', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
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

describe('the holidays import against the real authorization server and an API of trusted documents', () => {
  it('adds the holidays in batches, changes nothing on a rerun, and renames what changed', async () => {
    const file = writeCsv('holidays.csv', [
      '2031-12-24,Christmas Eve',
      '2031-12-25,Christmas Day',
      '2031-12-31,New Year’s Eve',
    ]);
    const progress: number[] = [];
    const first = await runHolidaysImport(
      settings(file, { onProgress: (done) => progress.push(done) }),
    );
    expect(first).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(progress).toEqual([2, 3]);
    expect(await holidaysOfYear(2031)).toEqual([
      { date: '2031-12-24', name: 'Christmas Eve' },
      { date: '2031-12-25', name: 'Christmas Day' },
      { date: '2031-12-31', name: 'New Year’s Eve' },
    ]);
    expect(await runHolidaysImport(settings(file))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
    });

    const renamed = writeCsv('holidays-renamed.csv', [
      '2031-12-24,Christmas Eve',
      '2031-12-25,Christmas',
      '2031-12-26,St Stephen’s Day',
    ]);
    const again = await runHolidaysImport(settings(renamed));
    expect(formatHolidaysSummary(again)).toBe('created 1, updated 1, unchanged 1');
  });

  it('sends nothing when a line is bad', async () => {
    const file = writeCsv('bad-holidays.csv', ['2032-01-01,New Year’s Day', '2032-02-30,Never']);
    await expect(runHolidaysImport(settings(file))).rejects.toThrow(ImportFileError);
    await expect(runHolidaysImport(settings(file))).rejects.toThrow(
      'line 3: date "2032-02-30" is not a real YYYY-MM-DD date',
    );
    expect(await holidaysOfYear(2032)).toEqual([]);
  });

  it('names the line of a holiday the API refused, and what earlier batches stored', async () => {
    const file = writeCsv('long-holidays.csv', [
      '2033-01-01,New Year’s Day',
      '2033-05-01,Labour Day',
      '2033-12-24,Christmas Eve',
      `2033-12-25,${'Christmas '.repeat(11)}`,
    ]);
    const error = (await runHolidaysImport(settings(file)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(BatchRefusedError);
    expect(error.message).toBe(
      'the API refused line 5 (2033-12-25): holidays[1]: name must be at most 100 characters; ' +
        'the 2 holidays of earlier batches were stored',
    );
    expect((await holidaysOfYear(2033)).map((h) => h.date)).toEqual(['2033-01-01', '2033-05-01']);
  });

  it('runs as `npm run import -- --holidays`: prints the summary, and exits 2 on a bad file', async () => {
    const file = writeCsv('cli-holidays.csv', ['2034-12-25,Christmas Day']);
    const result = await runCli(['--holidays', file, '--batch-size', '1']);
    expect(result).toMatchObject({ code: 0, stdout: 'created 1, updated 0, unchanged 0\n' });
    expect(result.stderr).toContain('sent 1/1 holidays');

    const bad = join(stack.dir, 'cli-bad-holidays.csv');
    writeFileSync(bad, 'day,name\n2034-12-26,Boxing Day\n');
    const refused = await runCli(['--holidays', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('import failed: the header must be exactly "date,name"');

    const usage = await runCli(['--holidays', file, '--people', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run import -- --holidays <holidays.csv>');
  });
});
