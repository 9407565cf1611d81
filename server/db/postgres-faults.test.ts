import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openTestDatabase, testDialects, type TestDatabase } from '../../test/databases';
import { startTestIssuer, type TestIssuer } from '../../test/issuer';
import { until } from '../../test/until';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { createTimesheetService } from '../timesheets/timesheet.service';
import { createDatabase } from './database';
import { writeTransaction } from './transaction';

const onPostgres = testDialects().includes('postgres') ? describe : describe.skip;
const NOW = new Date('2026-11-25T12:00:00.000Z');

/** The test database's URL with connection parameters: its schema and any `-c` settings. */
function urlWith(database: TestDatabase, settings: Record<string, string>, name?: string): string {
  const url = new URL(database.url);
  const options = Object.entries({ search_path: database.schema ?? '', ...settings })
    .map(([key, value]) => `-c ${key}=${value}`)
    .join(' ');
  url.searchParams.set('options', options);
  if (name) url.searchParams.set('application_name', name);
  return url.href;
}

onPostgres('the API on PostgreSQL when the infrastructure misbehaves', () => {
  let issuer: TestIssuer;
  let database: TestDatabase;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.close();
    await issuer.close();
  });

  it('survives the server killing its idle connections, and /readyz recovers by itself', async () => {
    const name = `timesheets-test-${randomUUID()}`;
    const warnings: string[] = [];
    const logger = createLogger('warn');
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWKS_URI: issuer.jwksUri,
      DATABASE_URL: urlWith(database, {}, name),
    });
    const app = await createApp(config, {
      logger: Object.assign(Object.create(logger) as typeof logger, {
        warn: (obj: unknown, msg?: string) => warnings.push(msg ?? String(obj)),
      }),
    });
    const url = (await app.listen()).replace('localhost', '127.0.0.1');
    const readyz = () => fetch(url.replace('/graphql', '/readyz')).then((r) => r.status);
    try {
      expect(await readyz()).toBe(200);
      const { rows } = await sql<{ killed: number }>`
        select count(pg_terminate_backend(pid))::int as killed from pg_stat_activity
        where application_name = ${name}
      `.execute(database.db);
      expect(rows[0]?.killed).toBeGreaterThan(0);
      // Wait for the pool's 'error' events (at most 5 s).
      const lost = 'database connection lost; reconnecting';
      await until(() => warnings.includes(lost), Boolean, 5_000);
      expect(warnings).toContain(lost);
      expect(await readyz()).toBe(200);
      const token = await issuer.userToken('auth0|after-failover', ['read:timesheets']);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ timesheets { totalCount } }' }),
      });
      expect(await response.json()).toEqual({ data: { timesheets: { totalCount: 0 } } });
    } finally {
      await app.close();
    }
  });

  it.each(['repeatable read', 'serializable'])(
    'keeps the day total under a server default of %s, with no internal error',
    async (isolation) => {
      const opened = await createDatabase(
        // A space in a -c value is escaped with a backslash (libpq's options syntax).
        urlWith(database, { default_transaction_isolation: isolation.replace(' ', '\\ ') }),
      );
      try {
        const { rows } = await sql<{
          level: string;
        }>`select current_setting('default_transaction_isolation') as level`.execute(opened.db);
        expect(rows[0]?.level).toBe(isolation);
        const service = createTimesheetService(opened.db, { now: () => NOW });
        const owner = `user-${randomUUID()}`;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            service.create(
              { userId: owner, source: owner },
              { date: '2026-11-24', project: `P${i}`, hours: 10 },
            ),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
        for (const o of outcomes) {
          if (o.status === 'rejected') {
            expect(o.reason).toMatchObject({
              extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'hours' }),
            });
          }
        }
        const day = await opened.db
          .selectFrom('timesheet_entries')
          .select((eb) => eb.fn.sum<number>('hundredths').as('total'))
          .where('user_id', '=', owner)
          .executeTakeFirstOrThrow();
        expect(Number(day.total)).toBe(2000);
      } finally {
        await opened.close();
      }
    },
  );

  it('runs a transaction that lost to a concurrent one again, then answers CONFLICT', async () => {
    let attempts = 0;
    const serializationFailure = Object.assign(new Error('could not serialize access'), {
      code: '40001',
    });
    await expect(
      writeTransaction(database.db, ['k'], () => {
        attempts++;
        return attempts < 3 ? Promise.reject(serializationFailure) : Promise.resolve('stored');
      }),
    ).resolves.toBe('stored');
    attempts = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(
      writeTransaction(database.db, ['k'], () => {
        attempts++;
        return Promise.reject(deadlock);
      }),
    ).rejects.toMatchObject({
      name: 'WriteConflictError',
      message: 'The change collided with concurrent changes and was not saved; try again',
      cause: deadlock,
    });
    expect(attempts).toBe(3);
  });

  it('cuts a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS and keeps serving', async () => {
    const opened = await createDatabase(urlWith(database, {}), {
      settings: { statementTimeoutMs: 200 },
    });
    try {
      const started = Date.now();
      await expect(sql`select pg_sleep(5)`.execute(opened.db)).rejects.toMatchObject({
        code: '57014',
        message: expect.stringMatching(/statement timeout/),
      });
      expect(Date.now() - started).toBeLessThan(3_000);
      await expect(sql`select 1 as one`.execute(opened.db)).resolves.toMatchObject({
        rows: [{ one: 1 }],
      });
    } finally {
      await opened.close();
    }
  });

  it('gives up waiting for a lock past DATABASE_LOCK_TIMEOUT_MS', async () => {
    const opened = await createDatabase(urlWith(database, {}), {
      settings: { lockTimeoutMs: 200 },
    });
    try {
      const started = Date.now();
      await database.db.transaction().execute(async (trx) => {
        await sql`lock table timesheet_entries in access exclusive mode`.execute(trx);
        await expect(
          opened.db.selectFrom('timesheet_entries').select('id').execute(),
        ).rejects.toMatchObject({ code: '55P03', message: expect.stringMatching(/lock timeout/) });
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await opened.close();
    }
  });
});
