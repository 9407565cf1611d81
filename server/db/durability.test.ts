import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTimesheetService } from '../timesheets/timesheet.service';
import { createDatabase } from './database';
import { migrateToLatest } from './migrate';

const ROOT = resolve(__dirname, '../..');
const ENTRY = { date: '2026-11-24', project: 'Durable', hours: 7.5 };

/** A child process that writes one entry, reports its id, and then waits to be killed. */
const CHILD = `
import { createDatabase } from ${JSON.stringify(join(ROOT, 'server/db/database'))};
import { migrateToLatest } from ${JSON.stringify(join(ROOT, 'server/db/migrate'))};
import { createTimesheetService } from ${JSON.stringify(join(ROOT, 'server/timesheets/timesheet.service'))};

async function main(): Promise<void> {
  const { db } = await createDatabase(process.argv[2] as string);
  await migrateToLatest(db);
  const service = createTimesheetService(db);
  const entry = await service.create({ userId: 'killed', source: 'killed' }, ${JSON.stringify(ENTRY)});
  process.stdout.write('ack ' + entry.id + '\\n');
  setInterval(() => undefined, 1_000);
}
void main();
`;

/** Runs the child until it acknowledges a write, kills it with SIGKILL, answers the entry id. */
function writeThenKill(script: string, url: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, url], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ack = /ack (\S+)\n/.exec(out);
      if (ack) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      const ack = /ack (\S+)\n/.exec(out);
      if (ack?.[1] && signal === 'SIGKILL') done(ack[1]);
      else fail(new Error(`child ended without an ack (${signal}): ${err}`));
    });
  });
}

describe('SQLite durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timesheets-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps entries after the database is closed and opened again', async () => {
    const url = `sqlite:${join(dir, 'timesheets.sqlite')}`;
    const first = await createDatabase(url);
    await migrateToLatest(first.db);
    const created = await createTimesheetService(first.db).create(
      { userId: 'u', source: 'u' },
      ENTRY,
    );
    await first.close();

    const again = await createDatabase(url);
    await migrateToLatest(again.db);
    const found = await createTimesheetService(again.db).findVisible(
      { sub: 'u', reach: { kind: 'own' as const } },
      created.id,
    );
    await again.close();
    expect(found).toEqual(created);
  });

  it('keeps an acknowledged entry when the writing process is killed with SIGKILL', async () => {
    const script = join(dir, 'write-then-wait.ts');
    writeFileSync(script, CHILD);
    const url = `sqlite:${join(dir, 'data', 'timesheets.sqlite')}`;
    const id = await writeThenKill(script, url);

    const reopened = await createDatabase(url);
    const rows = await reopened.db
      .selectFrom('timesheet_entries')
      .selectAll()
      .where('id', '=', id)
      .execute();
    await reopened.close();
    expect(rows).toEqual([expect.objectContaining({ id, user_id: 'killed', hundredths: 750 })]);
  });
});
