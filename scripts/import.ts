/**
 * `npm run import -- file.csv [--batch-size N]`: the automated process of the scenario. Pushes a
 * CSV file (externalId,userId,date,project,hours,notes) through the API's uploadTimesheets with a
 * client-credentials token. Exit code 1 if any row was rejected, 2 if nothing could be imported.
 *
 * `npm run import -- --people people.csv [--batch-size N]`: pushes the people directory
 * (id,name,email,team, optionally mon..sun,employed_from,employed_until) through upsertPeople.
 * `npm run import -- --holidays holidays.csv [--batch-size N]`: pushes the company calendar's
 * public holidays (date,name) through upsertHolidays. Exit code 2 if the file, the token or a
 * batch was refused.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_API_AUDIENCE } from '../core/api';
import { MAX_PEOPLE_PER_CALL } from '../core/people';
import { MAX_UPLOAD_ENTRIES } from '../core/timesheet-rules';
import { MAX_HOLIDAYS_PER_CALL } from '../core/work-week';
import { BatchRefusedError } from '../importer/api-client';
import { TokenRequestError } from '../importer/client-credentials';
import { ImportFileError } from '../importer/csv';
import {
  formatHolidaysSummary,
  formatPeopleSummary,
  formatSummary,
  runHolidaysImport,
  runImport,
  runPeopleImport,
  type ImportSettings,
} from '../importer/run-import';

/** The API's limit on holidays per upsertHolidays call. */

const env = process.env;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'batch-size': { type: 'string' },
    people: { type: 'string' },
    holidays: { type: 'string' },
  },
});
const kind =
  values.people !== undefined ? 'people' : values.holidays !== undefined ? 'holidays' : 'entries';
const file = values.people ?? values.holidays ?? positionals[0];
const maxBatch = {
  entries: MAX_UPLOAD_ENTRIES,
  people: MAX_PEOPLE_PER_CALL,
  holidays: MAX_HOLIDAYS_PER_CALL,
}[kind];
const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);

if (
  !file ||
  (values.people !== undefined && values.holidays !== undefined) ||
  positionals.length > (kind === 'entries' ? 1 : 0) ||
  (batchSize !== undefined &&
    !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= maxBatch))
) {
  console.error(
    [
      `usage: npm run import -- <file.csv> [--batch-size 1..${MAX_UPLOAD_ENTRIES}]`,
      `       npm run import -- --people <people.csv> [--batch-size 1..${MAX_PEOPLE_PER_CALL}]`,
      `       npm run import -- --holidays <holidays.csv> [--batch-size 1..${MAX_HOLIDAYS_PER_CALL}]`,
    ].join('\n'),
  );
  process.exit(2);
}

const noun = { entries: 'rows', people: 'people', holidays: 'holidays' }[kind];
const progress = (done: number, total: number) => {
  const line = `sent ${done}/${total} ${noun}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else console.error(line);
};

const settings: ImportSettings = {
  file,
  apiUrl: env.API_URL ?? 'http://localhost:4000/graphql',
  batchSize,
  onProgress: progress,
  client: {
    issuer: env.AUTH_ISSUER ?? 'http://localhost:4400/',
    audience: env.AUTH_AUDIENCE ?? DEFAULT_API_AUDIENCE,
    clientId: env.IMPORT_CLIENT_ID ?? 'timesheets-importer',
    clientSecret: env.IMPORT_CLIENT_SECRET ?? 'importer-dev-secret',
  },
};

/** Prints the summary; resolves to the exit code. */
async function run(): Promise<number> {
  if (kind === 'people') {
    console.log(formatPeopleSummary(await runPeopleImport(settings)));
    return 0;
  }
  if (kind === 'holidays') {
    console.log(formatHolidaysSummary(await runHolidaysImport(settings)));
    return 0;
  }
  const summary = await runImport(settings);
  console.log(formatSummary(summary));
  return summary.rejected.length > 0 ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = [ImportFileError, TokenRequestError, BatchRefusedError].some(
      (type) => error instanceof type,
    );
    console.error(`import failed: ${known ? (error as Error).message : String(error)}`);
    process.exit(2);
  },
);
