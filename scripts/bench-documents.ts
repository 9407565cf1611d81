/**
 * `npm run bench:documents`: the API's read workload sent as trusted documents (by hash) against
 * the same requests as query text, on one API process. `--database postgres://…` for PostgreSQL.
 */
import { parseArgs } from 'node:util';
import { measureDocuments } from './bench/documents';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'sqlite' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '4' },
      connections: { type: 'string', default: '50' },
    },
    strict: true,
  });
  const lines = await measureDocuments(
    {
      database: values.database,
      rounds: Number(values.rounds),
      durationSeconds: Number(values.duration),
      warmupSeconds: 2,
      connections: Number(values.connections),
      users: 100,
    },
    (line) => console.error(`[bench:documents] ${line}`),
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
