import { parseArgs } from 'node:util';

/** What one `npm run bench` run does; see {@link parseBenchOptions}. */
export interface BenchOptions {
  /** `sqlite` (a fresh file in a temp dir) or a `postgres://…` URL (a fresh schema in it). */
  database: string;
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
  --database <url>      sqlite (default) or postgres://user@host:port/database
  --help                this text`;

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new Error(`--${name} must be a positive number, got "${value}"\n${USAGE}`);
  }
  return parsed;
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
      database: { type: 'string', default: 'sqlite' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const database = values.database;
  if (database !== 'sqlite' && !/^postgres(ql)?:\/\/.+/.test(database)) {
    throw new Error(`--database must be sqlite or postgres://…, got "${database}"\n${USAGE}`);
  }
  const quick = values.quick;
  return {
    database,
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
