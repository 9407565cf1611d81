import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type Dialect, type OpenDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/schema';
import type { TimesheetRow } from '../../server/timesheets/timesheet.table';
import { entryBatches, type SeedSize } from './seed';

/** A fresh, migrated database of its own for one part of the benchmark. */
export interface BenchStore {
  label: string;
  dialect: Dialect;
  /** What the API and the baseline open: a DATABASE_URL, and the schema on PostgreSQL. */
  url: string;
  schema: string | undefined;
  /** A new connection (pool), as the API opens it; closed by the caller. */
  open: () => Promise<OpenDatabase>;
  /** Inserts entries in large batches, each in one transaction; answers how many. */
  seed: (size: SeedSize) => Promise<number>;
  /** The engine's plan for a statement with its parameters, one line per step. */
  explain: (statement: string, parameters: readonly unknown[]) => Promise<string[]>;
  /** Closes and removes the database (the temp dir, or the schema). */
  drop: () => Promise<void>;
}

const COLUMNS: readonly (keyof TimesheetRow)[] = [
  'id',
  'user_id',
  'date',
  'project',
  'hundredths',
  'notes',
  'status',
  'rejection_reason',
  'decided_by',
  'decided_at',
  'created_at',
  'source',
  'idempotency_key',
  'external_id',
  'version',
  'updated_at',
  'week_start',
];
const SQLITE_BATCH = 50_000;
const POSTGRES_BATCH = 10_000;

/** Opens a fresh store: a SQLite file in a new temp dir, or a new schema in a PostgreSQL database. */
export async function createBenchStore(database: string, label: string): Promise<BenchStore> {
  const store =
    database === 'sqlite' ? createSqliteStore(label) : createPostgresStore(database, label);
  const opened = await store.open();
  try {
    await migrateToLatest(opened.db);
  } finally {
    await opened.close();
  }
  return store;
}

function createSqliteStore(label: string): BenchStore {
  const dir = mkdtempSync(join(tmpdir(), `timesheets-bench-${label}-`));
  const file = join(dir, 'timesheets.sqlite');
  const url = `sqlite:${file}`;
  return {
    label,
    dialect: 'sqlite',
    url,
    schema: undefined,
    open: () => createDatabase(url),
    seed: (size) => Promise.resolve(seedSqlite(file, size)),
    explain: (statement, parameters) => {
      const raw = new SqliteDatabase(file, { readonly: true });
      try {
        const steps = raw.prepare(`explain query plan ${statement}`).all(...parameters);
        return Promise.resolve(steps.map((step) => (step as { detail: string }).detail));
      } finally {
        raw.close();
      }
    },
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function seedSqlite(file: string, size: SeedSize): number {
  const raw = new SqliteDatabase(file);
  try {
    raw.pragma('journal_mode = WAL');
    // Seeding only: a crash just means seeding again, so skip the fsyncs the API insists on.
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -262144'); // 256 MiB: ids arrive out of order, keep the B-trees in memory
    const insert = raw.prepare(
      `insert into timesheet_entries (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    const insertAll = raw.transaction((rows: TimesheetRow[]) => {
      for (const row of rows) insert.run(row);
    });
    let count = 0;
    for (const batch of entryBatches(size, SQLITE_BATCH)) {
      insertAll(batch);
      count += batch.length;
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    return count;
  } finally {
    raw.close();
  }
}

const PG_TYPES: Partial<Record<keyof TimesheetRow, string>> = {
  hundredths: 'integer',
  version: 'integer',
};

function createPostgresStore(url: string, label: string): BenchStore {
  const schema = `bench_${process.pid}_${label}`;
  const admin = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  let created = false;
  const ensureSchema = async () => {
    if (!created) await sql`create schema if not exists ${sql.id(schema)}`.execute(admin);
    created = true;
  };
  return {
    label,
    dialect: 'postgres',
    url,
    schema,
    open: async () => {
      await ensureSchema();
      return createDatabase(url, { schema });
    },
    seed: async (size) => {
      const { db, close } = await createDatabase(url, { schema });
      try {
        let count = 0;
        for (const batch of entryBatches(size, POSTGRES_BATCH)) {
          const arrays = COLUMNS.map((column) => {
            const values = batch.map((row) => row[column]);
            return sql`${values}::${sql.raw(PG_TYPES[column] ?? 'text')}[]`;
          });
          await sql`insert into timesheet_entries (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
            select * from unnest(${sql.join(arrays)})`.execute(db);
          count += batch.length;
        }
        // Autovacuum would analyze a freshly loaded table soon; do it now for realistic plans.
        await sql`analyze timesheet_entries`.execute(db);
        return count;
      } finally {
        await close();
      }
    },
    explain: async (statement, parameters) => {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        const result = await client.query<{ 'QUERY PLAN': string }>(
          `explain ${statement}`,
          parameters as unknown[],
        );
        return result.rows.map((row) => row['QUERY PLAN']);
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}
