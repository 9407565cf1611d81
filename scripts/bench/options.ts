import { parseArgs } from 'node:util';

/** One database the whole comparison runs on, and the name the report gives its engine. */
export interface BenchDatabase {
  /** `sqlite` (a fresh file in a temp dir) or a `postgres://…` URL (a fresh schema in it). */
  url: string;
  /** `SQLite` or `PostgreSQL` (with host and database when two PostgreSQL URLs are given). */
  engine: string;
}

/** What one `npm run bench` run does; see {@link parseBenchOptions}. */
export interface BenchOptions {
  /** The databases, in the order given: each runs the whole comparison in turn. */
  databases: readonly BenchDatabase[];
  /** Seconds of one measured round, per side. */
  durationSeconds: number;
  /** Seconds of warm-up per side before the rounds. */
  warmupSeconds: number;
  rounds: number;
  connections: number;
  /** Users of the throughput store, each with a year of entries. */
  users: number;
  /** Row counts of the two page-latency stores. */
  smallRows: number;
  largeRows: number;
  /** Timed page queries per case and store. */
  iterations: number;
  quick: boolean;
}

const USAGE = `Usage: npm run bench -- [options]
  --quick               a short smoke run (1 round of 2 s, 100 k rows instead of 1 M)
  --duration <s>        seconds per measured round and side (default 4)
  --rounds <n>          interleaved rounds per side (default 5)
  --connections <n>     concurrent HTTP connections (default 50)
  --database <url>      sqlite (default) or postgres://user@host:port/database; give it more
                        than once to run the whole comparison on each database in turn, e.g.
                        --database sqlite --database postgres://postgres@127.0.0.1:5432/test
  --help                this text`;

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new Error(`--${name} must be a positive number, got "${value}"\n${USAGE}`);
  }
  return parsed;
}

const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\/.+/.test(value);

/** Host and database of a PostgreSQL URL, without its credentials. */
function whereOf(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    throw new Error(`--database "${url}" is not a valid URL\n${USAGE}`);
  }
}

/** Checks every --database value and names each engine; throws naming a bad or repeated one. */
function parseDatabases(values: readonly string[]): BenchDatabase[] {
  for (const url of values) {
    if (url !== 'sqlite' && !isPostgresUrl(url)) {
      throw new Error(`--database must be sqlite or postgres://…, got "${url}"\n${USAGE}`);
    }
  }
  const postgres = values.filter(isPostgresUrl).length;
  const databases = values.map((url) => ({
    url,
    engine:
      url === 'sqlite' ? 'SQLite' : postgres > 1 ? `PostgreSQL (${whereOf(url)})` : 'PostgreSQL',
  }));
  const engines = databases.map((d) => d.engine);
  const repeated = engines.find((engine, i) => engines.indexOf(engine) !== i);
  if (repeated !== undefined) {
    throw new Error(`--database names ${repeated} more than once; give each database once`);
  }
  return databases;
}

/** Reads the command line; throws an Error with the usage text on a bad option. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      database: { type: 'string', multiple: true, default: ['sqlite'] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const quick = values.quick;
  return {
    databases: parseDatabases(values.database),
    durationSeconds: positiveNumber('duration', values.duration, quick ? 2 : 4),
    warmupSeconds: quick ? 1 : 3,
    rounds: Math.round(positiveNumber('rounds', values.rounds, quick ? 1 : 5)),
    connections: Math.round(positiveNumber('connections', values.connections, 50)),
    users: 100,
    smallRows: 10_000,
    largeRows: quick ? 100_000 : 1_000_000,
    iterations: quick ? 300 : 2_000,
    quick,
  };
}
