import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { openTestDatabase, testDialects, type TestDatabase } from '../test/databases';
import { startTestIssuer, type TestIssuer } from '../test/issuer';
import { until } from '../test/until';
import { weekKey } from './weeks/week-state';

const ROOT = resolve(__dirname, '..');
const WRITES = 12;
const POOL = 10;
const SHUTDOWN_DELAY_MS = 400;

interface Running {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
}

/** Starts `server/main.ts` as operators run it, and waits for its ready line. */
function startApi(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((ready, fail) => {
    let out = '';
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('Timesheets API ready'));
      if (line) {
        const { url } = JSON.parse(line) as { url: string };
        ready({ child, exit, url: url.replace('localhost', '127.0.0.1') });
      }
    });
    void exit.then((code) =>
      fail(new Error(`the API exited (${code}) before it was ready:\n${out}`)),
    );
  });
}

// Slow writes need a lock the API waits for without blocking its event loop: PostgreSQL's advisory
// locks (better-sqlite3 waits for a SQLite lock synchronously, freezing the process meanwhile).
const onPostgres = testDialects().includes('postgres') ? describe : describe.skip;

onPostgres('stopping the API with SIGTERM (PostgreSQL)', () => {
  let issuer: TestIssuer;
  let database: TestDatabase;
  let api: Running | undefined;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await database.close();
    await issuer.close();
  });

  it('answers 503 on /readyz at once, finishes the writes in flight, stores every acknowledged one, exits 0', async () => {
    const name = `timesheets-shutdown-${randomUUID()}`;
    const url = new URL(database.url);
    url.searchParams.set('options', `-c search_path=${database.schema ?? ''}`);
    url.searchParams.set('application_name', name);
    api = await startApi({
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWKS_URI: issuer.jwksUri,
      DATABASE_URL: url.href,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_POOL_MAX: String(POOL),
      SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
      MUTATION_RATE_LIMIT: '0',
      GRAPHQL_DOCUMENTS: 'any',
      LOG_LEVEL: 'info',
    });
    const running = api;
    const owner = 'auth0|slow';
    const token = await issuer.userToken(owner, ['create:timesheets']);
    const readyzUrl = running.url.replace('/graphql', '/readyz');
    expect(await readyzOnNewConnection(readyzUrl)).toBe(200);

    const days = ['2026-11-20', '2026-11-21', '2026-11-22'];
    const answers = await database.db.connection().execute(async (conn) => {
      // Hold the lock of the owner's week (all three days are in it): every write now waits for
      // it ("slow writes").
      const week = weekKey({ userId: owner, weekStart: '2026-11-16' });
      await sql`select pg_advisory_lock(hashtextextended(${week}, 0))`.execute(conn);
      const writes = Array.from({ length: WRITES }, (_, i) => send(running.url, token, days, i));
      // The writes are in flight: every connection of the API's pool waits for a day's lock.
      await until(
        () => lockWaitsOf(database, name),
        (waits) => waits === Math.min(WRITES, POOL),
        10_000,
      );
      running.child.kill('SIGTERM');
      // The delay window is the behaviour under test: 503 inside it, refused after it.
      await new Promise((r) => setTimeout(r, SHUTDOWN_DELAY_MS / 4));
      expect(await readyzOnNewConnection(readyzUrl)).toBe(503);
      await new Promise((r) => setTimeout(r, SHUTDOWN_DELAY_MS * 1.5));
      expect(await readyzOnNewConnection(readyzUrl)).toBe('refused');
      await sql`select pg_advisory_unlock_all()`.execute(conn);
      return Promise.all(writes);
    });

    expect(await running.exit).toBe(0);
    const acknowledged = answers.flatMap((id) => (id === null ? [] : [id]));
    expect(acknowledged).toHaveLength(WRITES);
    const stored = await database.db.selectFrom('timesheet_entries').select('id').execute();
    expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
  }, 60_000);
});

/** GET /readyz on a connection of its own: the status, or 'refused' when none is accepted. */
function readyzOnNewConnection(url: string): Promise<number | 'refused'> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error),
    );
  });
}

/** How many advisory locks the connections named `name` are waiting for. */
async function lockWaitsOf(database: TestDatabase, name: string): Promise<number> {
  const { rows } = await sql<{ waits: number }>`
    select count(*)::int as waits from pg_locks join pg_stat_activity using (pid)
    where application_name = ${name} and locktype = 'advisory' and not granted
  `.execute(database.db);
  return rows[0]?.waits ?? 0;
}

/** Logs one hour for the owner; answers the entry id, or null when it was not acknowledged. */
async function send(url: string, token: string, days: string[], i: number) {
  const query = `mutation { createTimesheet(input: { date: "${days[i % days.length]}", project: "W${i}", hours: 1 }) { id } }`;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: { createTimesheet?: { id: string } } };
    return response.status === 200 ? (body.data?.createTimesheet?.id ?? null) : null;
  } catch {
    return null;
  }
}
