/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely migrations take Kysely<any>: they must not depend on the current table types, which later migrations change. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { detectDialect } from '../transaction';

/**
 * The weekly cycle: person-weeks with a status and a version, their append-only history,
 * absences, the payroll period's history, the company calendar's holidays, and each person's
 * schedule and employment dates.
 *
 * Every existing person-week with entries gets a week row at version 1: APPROVED when all its
 * entries are approved, REJECTED when all are decided and one was rejected, and SUBMITTED when one
 * is still PENDING (it was waiting for a manager).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('timesheet_weeks')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('week_start', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('OPEN', 'SUBMITTED', 'APPROVED', 'REJECTED')`),
    )
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('submitted_at', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('timesheet_weeks_pk', ['user_id', 'week_start'])
    .execute();
  // The board and the approval queue: one week, by status.
  await db.schema
    .createIndex('timesheet_weeks_week_status')
    .on('timesheet_weeks')
    .columns(['week_start', 'status', 'user_id'])
    .execute();

  // Person-weeks' entries (the week, its grid, teamWeeks): without it an engine may read every
  // entry the person ever made through (user_id, date, id). Week first, so that it never competes
  // with (user_id, date, id) for an owner's pages.
  await db.schema
    .createIndex('timesheet_entries_week_user')
    .on('timesheet_entries')
    .columns(['week_start', 'user_id', 'date'])
    .execute();

  await db.schema
    .createTable('week_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('week_start', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('entry_id', 'text')
    .execute();
  await db.schema
    .createIndex('week_events_week')
    .on('week_events')
    .columns(['user_id', 'week_start', 'id'])
    .execute();

  await db.schema
    .createTable('absences')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('week_start', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('VACATION', 'SICK', 'OTHER')`),
    )
    .addColumn('hundredths', 'integer', (col) =>
      col.notNull().check(sql`hundredths > 0 and hundredths <= 2400`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('absences_week_user')
    .on('absences')
    .columns(['week_start', 'user_id'])
    .execute();

  await db.schema
    .createTable('period_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) =>
      col.notNull().check(sql`action in ('CLOSED', 'REOPENED')`),
    )
    .addColumn('closed_through', 'text')
    .addColumn('reason', 'text')
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  for (const column of ['schedule', 'employed_from', 'employed_until']) {
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
  }

  await forbidChanges(db, 'week_events');
  await forbidChanges(db, 'period_events');
  await backfillWeeks(db);
}

/** Drops what {@link up} added; entries and people keep their rows. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['timesheet_weeks', 'week_events', 'absences', 'period_events', 'holidays']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('timesheet_entries_week_user').execute();
  if (detectDialect(db) === 'postgres') {
    await sql`drop function if exists week_events_append_only()`.execute(db);
    await sql`drop function if exists period_events_append_only()`.execute(db);
  }
  for (const column of ['schedule', 'employed_from', 'employed_until']) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}

/** A week row for every person-week with entries, status from its entries (see {@link up}). */
async function backfillWeeks(db: Kysely<any>): Promise<void> {
  await sql`
    insert into timesheet_weeks
      (user_id, week_start, status, version, submitted_at, decided_at, decided_by, reason,
       updated_at)
    select
      user_id,
      week_start,
      case
        when sum(case when status = 'PENDING' then 1 else 0 end) > 0 then 'SUBMITTED'
        when sum(case when status = 'REJECTED' then 1 else 0 end) > 0 then 'REJECTED'
        else 'APPROVED'
      end,
      1,
      max(created_at),
      case when sum(case when status = 'PENDING' then 1 else 0 end) > 0
        then null else max(decided_at) end,
      case when sum(case when status = 'PENDING' then 1 else 0 end) > 0
        then null else max(decided_by) end,
      case when sum(case when status = 'PENDING' then 1 else 0 end) > 0
        then null else max(rejection_reason) end,
      max(updated_at)
    from timesheet_entries
    group by user_id, week_start
  `.execute(db);
}

/** An append-only table: the database refuses updates and deletes, whoever asks. */
async function forbidChanges(db: Kysely<any>, table: string): Promise<void> {
  if (detectDialect(db) === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql`
        create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.raw(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end
      `.execute(db);
    }
    return;
  }
  await sql`
    create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
    begin raise exception '% is append-only', TG_TABLE_NAME; end $$
  `.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
    for each row execute function ${sql.raw(`${table}_append_only`)}()
  `.execute(db);
}
