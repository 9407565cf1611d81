import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { measureInterleaved } from './load';
import type { BenchDatabase, BenchOptions } from './options';
import { measurePageLatency } from './page-latency';
import { formatPageLatency, formatWorkload, type WorkloadReports } from './report';
import {
  createWriteSequence,
  workloadRequests,
  type LoadTokens,
  type WorkloadName,
} from './requests';
import { checkSameAnswer, registerDocuments } from './same-answer';
import { userIdOf } from './seed';
import { startServerChild, type ServerChild, type SideKind } from './server-child';
import { createBenchStore, type BenchStore } from './store';
import { formatSummary, type EngineResult } from './summary';
import { CREATE_SCOPE, READ_SCOPE } from './workload';

type Log = (line: string) => void;

/** Where the bench writes: progress to `log`, the report's lines to `print` as they are ready. */
export interface BenchOutput {
  log: Log;
  print: (lines: readonly string[]) => void;
}

/** The API first: the others are compared with it. */
const SIDES: readonly SideKind[] = ['api', 'baseline', 'mercurius'];
/** The floor last, so that it cannot change what the read and mixed workloads measure. */
const WORKLOADS: readonly WorkloadName[] = ['read', 'mixed', 'floor'];

/** Runs `fn`, logging how long it took. */
async function timed<T>(log: Log, what: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Readers are the seeded users; writers are as many users of their own, never read. */
async function signTokens(issuer: TestIssuer, users: number): Promise<LoadTokens> {
  const sign = (index: number) =>
    issuer.userToken(userIdOf(index), [READ_SCOPE, CREATE_SCOPE], {
      email: `user${index}@abc-inc.example`,
      name: `Bench User ${index}`,
    });
  const range = (from: number) => Array.from({ length: users }, (_, i) => sign(from + i));
  return { readers: await Promise.all(range(0)), writers: await Promise.all(range(users)) };
}

async function startSides(issuer: TestIssuer, stores: readonly BenchStore[]) {
  const children: ServerChild[] = [];
  for (const [i, kind] of SIDES.entries()) {
    const store = stores[i];
    children.push(
      await startServerChild({
        kind,
        issuer: issuer.issuer,
        audience: issuer.audience,
        jwksUri: issuer.jwksUri,
        databaseUrl: store.url,
        schema: store.schema,
      }),
    );
  }
  return children;
}

async function runThroughput(
  options: BenchOptions,
  { url, engine }: BenchDatabase,
  issuer: TestIssuer,
  log: Log,
): Promise<{ rows: number; workloads: WorkloadReports }> {
  const stores: BenchStore[] = [];
  let children: ServerChild[] = [];
  try {
    // A copy of the same seeded store per side: each side's writes stay in its own store.
    let rows = 0;
    for (const kind of SIDES) {
      const store = await createBenchStore(url, `load_${kind}`);
      stores.push(store);
      const size = { rows: Number.POSITIVE_INFINITY, users: options.users };
      rows = await timed(log, `seeded ${options.users} users (${kind})`, () => store.seed(size));
    }
    const tokens = await signTokens(issuer, options.users);
    children = await startSides(issuer, stores);
    const [api] = children as [ServerChild];
    const [reader, writer] = [tokens.readers[0], tokens.writers[0]];
    await registerDocuments(api, reader, writer);
    const runId = Date.now().toString(36);
    const entry = {
      date: '2000-01-04',
      project: 'Same answer',
      hours: 7.5,
      notes: 'checked',
      idempotencyKey: `same-answer-${runId}`,
    };
    const sameAnswer = await checkSameAnswer(children, tokens.readers.slice(0, 5), writer, entry);
    log(`same answer: ${JSON.stringify(sameAnswer)}`);
    const setup = { ...options, engine, rows, sameAnswer };
    const writes = children.map(() => createWriteSequence(tokens, runId));
    const reports: Partial<WorkloadReports> = {};
    for (const workload of WORKLOADS) {
      log(`${workload} workload`);
      const sides = children.map((child, i) => ({
        child,
        requests: workloadRequests(workload, child.protocol, tokens, writes[i]),
      }));
      const results = await measureInterleaved(sides, { ...options, log });
      if (workload === 'mixed') {
        log(`writes sent: ${children.map((c, i) => `${c.kind} ${writes[i].count()}`).join(', ')}`);
      }
      reports[workload] = formatWorkload(workload, setup, results);
    }
    return { rows, workloads: reports as WorkloadReports };
  } finally {
    for (const child of children) await child.stop();
    for (const store of stores) await store.drop();
  }
}

async function runPageLatency(options: BenchOptions, { url, engine }: BenchDatabase, log: Log) {
  const stores: { store: BenchStore; rows: number }[] = [];
  try {
    for (const [label, rows] of [
      ['small', options.smallRows],
      ['large', options.largeRows],
    ] as const) {
      const store = await createBenchStore(url, label);
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

/** The whole comparison on one database; prints its detail and answers its figures. */
async function runEngine(
  options: BenchOptions,
  database: BenchDatabase,
  issuer: TestIssuer,
  { log, print }: BenchOutput,
): Promise<EngineResult> {
  log(`${database.engine}: throughput, then page latency`);
  const { rows, workloads } = await runThroughput(options, database, issuer, log);
  const page = await runPageLatency(options, database, log);
  const details = WORKLOADS.flatMap((workload) => [...workloads[workload].lines, '']);
  print(['', ...details, ...page.lines]);
  return { engine: database.engine, rows, workloads, page };
}

/**
 * The whole benchmark, on each database in turn: throughput of the API against its baseline and
 * mercurius on the read, the mixed and the floor workload, then page latency on a small and a
 * large store, each engine's detail printed when it is done; then the summary for the README and
 * the verdicts. Throws when something fails to run or when the sides do not answer the same JSON.
 */
export async function runBench(options: BenchOptions, output: BenchOutput): Promise<void> {
  const issuer = await startTestIssuer();
  try {
    const results: EngineResult[] = [];
    for (const database of options.databases) {
      results.push(await runEngine(options, database, issuer, output));
    }
    output.print(['', ...formatSummary(results, options)]);
  } finally {
    await issuer.close();
  }
}
