import type { CompiledQuery, Kysely, KyselyPlugin } from 'kysely';
import type { Database } from '../../server/db/schema';
import { findTimesheetPage } from '../../server/timesheets/timesheet.repository';
import { createTimesheetService } from '../../server/timesheets/timesheet.service';
import { median } from './load';
import { userIdOf } from './seed';
import type { BenchStore } from './store';
import { PAGE_SIZE } from './workload';

/** The user whose page is timed: the same year of entries exists in every seeded store. */
const MEASURED_USER = 10;
const WARMUP = 100;

export type PageCase = 'first page' | 'deep page';

/** Latency of one page query on one store, in milliseconds. */
export interface PageTiming {
  store: string;
  rows: number;
  pageCase: PageCase;
  p50: number;
  p99: number;
  iterations: number;
}

export interface PageLatencyResult {
  timings: PageTiming[];
  /** The engine's plan of the service's page query (deep page, largest store). */
  plan: string[];
  statement: string;
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Runs the repository's page query once through a plugin that keeps the compiled statement. */
async function capturePageQuery(
  db: Kysely<Database>,
  userId: string,
  after: { date: string; id: string },
): Promise<CompiledQuery> {
  let captured: CompiledQuery | undefined;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      captured = db.getExecutor().compileQuery(node, queryId);
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  await findTimesheetPage(db.withPlugin(plugin), { userId }, after, PAGE_SIZE + 1);
  if (!captured) throw new Error('the page query was not captured');
  return captured;
}

interface Subject {
  store: BenchStore;
  rows: number;
  run: Record<PageCase, () => Promise<unknown>>;
  times: Record<PageCase, number[]>;
  close: () => Promise<void>;
}

async function openSubject(store: BenchStore, rows: number): Promise<Subject> {
  const database = await store.open();
  const service = createTimesheetService(database.db);
  const userId = userIdOf(MEASURED_USER);
  const half = await service.listOwn(userId, { first: 170 });
  const middle = half.pageInfo.endCursor;
  if (middle === null) throw new Error(`no entries for ${userId} in the ${store.label} store`);
  return {
    store,
    rows,
    run: {
      'first page': () => service.listOwn(userId, { first: PAGE_SIZE }),
      'deep page': () => service.listOwn(userId, { first: PAGE_SIZE, after: middle }),
    },
    times: { 'first page': [], 'deep page': [] },
    close: () => database.close(),
  };
}

/**
 * Times the service's page query (first page, and a page after a cursor in the middle of the
 * user's year) on each store, alternating the stores run by run so that noise hits them alike.
 */
export async function measurePageLatency(
  stores: readonly { store: BenchStore; rows: number }[],
  iterations: number,
): Promise<PageLatencyResult> {
  const subjects: Subject[] = [];
  try {
    for (const { store, rows } of stores) subjects.push(await openSubject(store, rows));
    const cases: PageCase[] = ['first page', 'deep page'];
    for (const subject of subjects) {
      for (const pageCase of cases) for (let i = 0; i < WARMUP; i++) await subject.run[pageCase]();
    }
    // One run of each store in turn, so that a burst of noise on the shared machine hits both.
    for (let i = 0; i < iterations; i++) {
      for (const pageCase of cases) {
        for (const subject of subjects) {
          const started = process.hrtime.bigint();
          await subject.run[pageCase]();
          subject.times[pageCase].push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
    }
    const largest = subjects.at(-1) as Subject;
    const database = await largest.store.open();
    let compiled: CompiledQuery;
    try {
      const middle = await createTimesheetService(database.db).listOwn(userIdOf(MEASURED_USER), {
        first: 170,
      });
      const last = middle.edges.at(-1)?.node;
      if (!last) throw new Error('no entries to take a cursor from');
      compiled = await capturePageQuery(database.db, userIdOf(MEASURED_USER), last);
    } finally {
      await database.close();
    }
    return {
      timings: subjects.flatMap((subject) =>
        cases.map((pageCase) => {
          const times = subject.times[pageCase];
          return {
            store: subject.store.label,
            rows: subject.rows,
            pageCase,
            p50: median(times),
            p99: percentile(times, 99),
            iterations: times.length,
          };
        }),
      ),
      plan: await largest.store.explain(compiled.sql, compiled.parameters),
      statement: compiled.sql,
    };
  } finally {
    for (const subject of subjects) await subject.close();
  }
}
