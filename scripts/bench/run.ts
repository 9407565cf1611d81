import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { measureSideBySide } from './load';
import type { BenchOptions } from './options';
import { measurePageLatency } from './page-latency';
import { formatPageLatency, formatThroughput, formatVerdicts, rowsLabel } from './report';
import { checkSameAnswer } from './same-answer';
import { userIdOf } from './seed';
import { startServerChild, type ServerChild } from './server-child';
import { createBenchStore, type BenchStore } from './store';
import { READ_SCOPE } from './workload';

type Log = (line: string) => void;

/** Runs `fn`, logging how long it took. */
async function timed<T>(log: Log, what: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function signTokens(issuer: TestIssuer, users: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: users }, (_, i) =>
      issuer.userToken(userIdOf(i), [READ_SCOPE, 'create:timesheets'], {
        email: `user${i}@abc-inc.example`,
        name: `Bench User ${i}`,
      }),
    ),
  );
}

async function runThroughput(options: BenchOptions, issuer: TestIssuer, engine: string, log: Log) {
  const store = await createBenchStore(options.database, 'load');
  const children: ServerChild[] = [];
  try {
    const size = { rows: Number.POSITIVE_INFINITY, users: options.users };
    const rows = await timed(log, `seeded ${options.users} users`, () => store.seed(size));
    const tokens = await signTokens(issuer, options.users);
    const spec = {
      issuer: issuer.issuer,
      audience: issuer.audience,
      jwksUri: issuer.jwksUri,
      databaseUrl: store.url,
      schema: store.schema,
    };
    for (const kind of ['api', 'baseline'] as const) {
      children.push(await startServerChild({ ...spec, kind }));
    }
    const sides = children as [ServerChild, ServerChild];
    const sameAnswer = await checkSameAnswer(sides, tokens.slice(0, 5));
    log(
      `same answer: ${sameAnswer.checked} pages deep-equal, byte-identical ${sameAnswer.byteIdentical}`,
    );
    const results = await measureSideBySide(sides, { ...options, tokens, log });
    const setup = { ...options, engine, rows, sameAnswer };
    return formatThroughput(setup, results);
  } finally {
    for (const child of children) await child.stop();
    await store.drop();
  }
}

async function runPageLatency(options: BenchOptions, engine: string, log: Log) {
  const stores: { store: BenchStore; rows: number }[] = [];
  try {
    for (const [label, rows] of [
      ['small', options.smallRows],
      ['large', options.largeRows],
    ] as const) {
      const store = await createBenchStore(options.database, label);
      stores.push({ store, rows });
      const size = { rows, users: Number.POSITIVE_INFINITY };
      await timed(log, `seeded ${rows} rows (${label})`, () => store.seed(size));
    }
    const result = await timed(log, 'timed the page queries', () =>
      measurePageLatency(stores, options.iterations),
    );
    return formatPageLatency(result, engine);
  } finally {
    for (const { store } of stores) await store.drop();
  }
}

/**
 * The whole benchmark: throughput of the API against its baseline, then page latency on a small
 * and a large store. Answers the report's lines; throws when something fails to run or when the
 * two sides do not answer the same JSON.
 */
export async function runBench(options: BenchOptions, log: Log): Promise<string[]> {
  const engine = options.database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const issuer = await startTestIssuer();
  try {
    const throughput = await runThroughput(options, issuer, engine, log);
    const page = await runPageLatency(options, engine, log);
    const label = `${rowsLabel(options.largeRows)} vs ${rowsLabel(options.smallRows)} rows`;
    return [
      '',
      ...throughput.lines,
      '',
      ...page.lines,
      '',
      ...formatVerdicts(throughput, { ...page, label }),
    ];
  } finally {
    await issuer.close();
  }
}
