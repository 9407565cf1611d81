import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { createDatabase } from './database';
import { migrateToLatest, migrations } from './migrate';

const ROOT = resolve(__dirname, '../..');

/** A process that opens the file, says it is ready, waits for "go" on stdin, then migrates it. */
const CHILD = `
import { once } from 'node:events';
import { createDatabase } from ${JSON.stringify(join(ROOT, 'server/db/database'))};
import { migrateToLatest } from ${JSON.stringify(join(ROOT, 'server/db/migrate'))};

async function main(): Promise<void> {
  const { db, close } = await createDatabase(process.argv[2] as string);
  const go = once(process.stdin, 'data');
  process.stdout.write('ready\\n');
  await go;
  process.stdin.destroy();
  await migrateToLatest(db);
  await close();
}
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
`;

/**
 * Runs `count` migrating processes on one file, started together: each opens the file first,
 * and all are told to go once every one of them is ready.
 */
async function runTogether(script: string, url: string, count: number) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', script, url], { cwd: ROOT }),
  );
  const outcomes = children.map(
    (child) =>
      new Promise<{ code: number; err: string }>((done) => {
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => done({ code: code ?? -1, err }));
      }),
  );
  const ready = children.map(
    (child) =>
      new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', () => reject(new Error('a process exited before it was ready')));
      }),
  );
  await Promise.all(ready).then(
    () => children.forEach((child) => child.stdin.write('go\n')),
    () => undefined, // the outcomes tell why
  );
  return Promise.all(outcomes);
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
      const outcomes = await runTogether(script, url, 3);
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
