/**
 * `npm run bench`: the API against a plain node:http baseline and against mercurius (Fastify +
 * graphql-jit), all doing the same work, in interleaved rounds on loopback: a read workload
 * (`timesheets(first: 50)` with every field and totalCount), a mixed one (20% createTimesheet)
 * and the floor (`{ __typename }`, no SQL, reported only), with throughput ratios, p50/p99 and
 * server CPU per request; then page latency at 10 k vs 1 M rows. `--database` given more than
 * once runs all of it on each database in turn; a Markdown summary of every engine ends the
 * output. Exits 0 whatever the figures (it is a measurement); 1 when it cannot run or when the
 * sides do not answer the same JSON. See `npm run bench -- --help`.
 */
import { parseBenchOptions } from './bench/options';
import { runBench } from './bench/run';

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === null) return 0;
  await runBench(options, {
    log: (line) => console.error(`[bench] ${line}`),
    print: (lines) => console.log(lines.join('\n')),
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
