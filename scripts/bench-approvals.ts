/**
 * `npm run bench:approvals`: the weekly approval queue (`approvalWeeks(first: 20)`) against the
 * entry queue (`approvals(first: 50)`) for a manager of 50 people with 4 pending weeks each: SQL
 * statements per request and p50 latency. `--database postgres://…` runs it on PostgreSQL.
 */
import { parseArgs } from 'node:util';
import { measureApprovalWeeks } from './bench/approval-weeks';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'sqlite' },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
    },
    strict: true,
  });
  const lines = await measureApprovalWeeks(
    {
      database: values.database,
      rounds: Number(values.rounds),
      durationSeconds: Number(values.duration),
      connections: Number(values.connections),
    },
    (line) => console.error(`[bench:approvals] ${line}`),
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
