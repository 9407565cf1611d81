import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test/databases';
import { checkDatabase, createDatabase } from './database';

describe('createDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timesheets-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['mysql://localhost/x', 'timesheets.sqlite', '', 'sqlite:'])(
    'refuses %j with an error naming DATABASE_URL',
    async (url) => {
      await expect(createDatabase(url)).rejects.toThrow(/DATABASE_URL/);
    },
  );

  it('does not echo credentials of an unsupported URL', async () => {
    const error = await createDatabase('mysql://admin:s3cret@db/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/DATABASE_URL/);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('creates the parent directories of a SQLite file and makes commits durable', async () => {
    const path = join(dir, 'nested', 'deeper', 'timesheets.sqlite');
    const { db, dialect, close } = await createDatabase(`sqlite:${path}`);
    try {
      expect(dialect).toBe('sqlite');
      expect(existsSync(path)).toBe(true);
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } finally {
      await close();
    }
  });

  it('opens an in-memory SQLite database for tests', async () => {
    const { db, close } = await createDatabase('sqlite::memory:');
    await expect(checkDatabase(db)).resolves.toBeUndefined();
    await close();
  });

  it('refuses a PostgreSQL schema name that is not a plain identifier', async () => {
    await expect(
      createDatabase('postgres://postgres@127.0.0.1:5432/test', { schema: 'x; drop table y' }),
    ).rejects.toThrow(/schema name/);
  });
});

describeEachDatabase('an open database', (getDb) => {
  it('answers the readiness check', async () => {
    await expect(checkDatabase(getDb().db)).resolves.toBeUndefined();
  });

  it('reads count(*) and sum() as numbers', async () => {
    const { rows } = await sql<{ n: unknown; s: unknown }>`
      select count(*) as n, sum(v) as s from (select 2 as v union all select 3) as t
    `.execute(getDb().db);
    expect(rows).toEqual([{ n: 2, s: 5 }]);
  });

  it('keeps each PostgreSQL test file in its own schema', async () => {
    const { dialect, schema, db } = getDb();
    if (dialect !== 'postgres') return;
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    expect(rows[0]?.schema).toBe(schema);
  });
});
