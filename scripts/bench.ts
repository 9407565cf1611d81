/**
 * `npm run bench`: the API against a plain node:http baseline and against mercurius (Fastify +
 * graphql-jit), all doing the same work, in interleaved rounds on loopback: a read workload
 * (`timesheets(first: 50)` with every field and totalCount) and a mixed one (20% createTimesheet),
 * with throughput ratios, p50/p99 and server CPU per request; then page latency at 10 k vs 1 M rows.
 * Exits 0 whatever the figures (it is a measurement); 1 when it cannot run or when the sides do
 * not answer the same JSON. See `npm run bench -- --help`.
 */
import { parseBenchOptions } from './bench/options';
import { runBench } from './bench/run';

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === null) return 0;
  const log = (line: string) => console.error(`[bench] ${line}`);
  const report = await runBench(options, log);
  console.log(report.join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
