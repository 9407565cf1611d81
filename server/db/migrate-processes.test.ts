import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { createDatabase } from './database';
import { migrateToLatest, migrations } from './migrate';

const ROOT = resolve(__dirname, '../..');

/** A process that opens the file, waits for a common start instant, then migrates it. */
const CHILD = `
import { createDatabase } from ${JSON.stringify(join(ROOT, 'server/db/database'))};
import { migrateToLatest } from ${JSON.stringify(join(ROOT, 'server/db/migrate'))};

async function main(): Promise<void> {
  const { db, close } = await createDatabase(process.argv[2] as string);
  const startAt = Number(process.argv[3]);
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 1));
  await migrateToLatest(db);
  await close();
}
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
`;

function run(script: string, url: string, startAt: number): Promise<{ code: number; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(startAt)], {
      cwd: ROOT,
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => done({ code: code ?? -1, err }));
  });
}

async function objectsOf(url: string) {
  const { db, close } = await createDatabase(url);
  try {
    const { rows } = await sql<{ type: string; name: string }>`
      select type, name from sqlite_master where name not like 'sqlite_%' order by type, name
    `.execute(db);
    const applied = await db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    return { objects: rows.map((r) => `${r.type} ${r.name}`), applied };
  } finally {
    await close();
  }
}

describe('SQLite migrations across processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timesheets-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets processes starting together on a fresh file all succeed, migrating it once', async () => {
    const script = join(dir, 'migrate-child.ts');
    writeFileSync(script, CHILD);
    const reference = `sqlite:${join(dir, 'reference.sqlite')}`;
    const alone = await createDatabase(reference);
    await migrateToLatest(alone.db);
    await alone.close();
    const expected = await objectsOf(reference);

    for (let pair = 0; pair < 3; pair++) {
      const url = `sqlite:${join(dir, `together-${pair}.sqlite`)}`;
      const startAt = Date.now() + 2_500; // both processes loaded by then
      const outcomes = await Promise.all([1, 2, 3].map(() => run(script, url, startAt)));
      expect(outcomes).toEqual([1, 2, 3].map(() => ({ code: 0, err: '' })));
      const together = await objectsOf(url);
      expect(together.objects).toEqual(expected.objects);
      expect(together.applied.map((m) => m.name).sort()).toEqual(Object.keys(migrations).sort());
    }
  }, 60_000);

  it('leaves nothing of a migration run that fails halfway', async () => {
    const url = `sqlite:${join(dir, 'halfway.sqlite')}`;
    const failing: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('half_built').addColumn('id', 'text').execute();
        throw new Error('power cut');
      },
    };
    const { db, close } = await createDatabase(url);
    try {
      await expect(
        migrateToLatest(db, { ...migrations, '2099-01-01-0001-failing': failing }),
      ).rejects.toThrow(
        'Database migration failed in migration "2099-01-01-0001-failing": power cut',
      );
      const { rows } = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      `.execute(db);
      expect(rows).toEqual([]);
    } finally {
      await close();
    }
  });
});
