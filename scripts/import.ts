/**
 * `npm run import -- file.csv [--batch-size N]`: the automated process of the scenario. Pushes a
 * CSV file (externalId,userId,date,project,hours,notes) through the API's uploadTimesheets with a
 * client-credentials token. Exit code 1 if any row was rejected, 2 if nothing could be imported.
 */
import { parseArgs } from 'node:util';
import { ImportFileError } from '../importer/csv';
import { TokenRequestError } from '../importer/client-credentials';
import { formatSummary, runImport } from '../importer/run-import';
import { BatchRefusedError } from '../importer/upload';

const env = process.env;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'batch-size': { type: 'string' } },
});
const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
const file = positionals[0];

if (
  !file ||
  positionals.length > 1 ||
  (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0 && batchSize <= 500))
) {
  console.error('usage: npm run import -- <file.csv> [--batch-size 1..500]');
  process.exit(2);
}

const progress = (done: number, total: number) => {
  const line = `sent ${done}/${total} rows`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else console.error(line);
};

runImport({
  file,
  apiUrl: env.API_URL ?? 'http://localhost:4000/graphql',
  batchSize,
  onProgress: progress,
  client: {
    issuer: env.AUTH_ISSUER ?? 'http://localhost:4400/',
    audience: env.AUTH_AUDIENCE ?? 'https://timesheets.abc-inc.example/api',
    clientId: env.IMPORT_CLIENT_ID ?? 'timesheets-importer',
    clientSecret: env.IMPORT_CLIENT_SECRET ?? 'importer-dev-secret',
  },
}).then(
  (summary) => {
    console.log(formatSummary(summary));
    process.exit(summary.rejected.length > 0 ? 1 : 0);
  },
  (error: unknown) => {
    const known = [ImportFileError, TokenRequestError, BatchRefusedError].some(
      (type) => error instanceof type,
    );
    console.error(`import failed: ${known ? (error as Error).message : String(error)}`);
    process.exit(2);
  },
);
