/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely migrations take Kysely<any>: they must not depend on the current table types, which later migrations change. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { fromHundredths, startOfWeek } from '../../../core';
import { detectDialect } from '../transaction';

const BATCH = 500;

/**
 * The team workflow: a directory of people, versions and week starts on entries, and an
 * append-only history of every change. Existing entries get version 1, their week, and a CREATED
 * event dated at their `created_at` (plus an APPROVED or REJECTED event when they were decided),
 * so that no entry is without history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('team', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('people_team_id').on('people').columns(['team', 'id']).execute();

  await db.schema
    .alterTable('timesheet_entries')
    .addColumn('version', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(1)
        .check(sql`version >= 1`),
    )
    .execute();
  await db.schema
    .alterTable('timesheet_entries')
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('timesheet_entries')
    .addColumn('week_start', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db
    .updateTable('timesheet_entries')
    .set((eb) => ({ updated_at: eb.fn.coalesce('decided_at', 'created_at') }))
    .execute();
  await backfillWeekStarts(db);
  // Person-weeks of the approval queue: status, newest week first, then person.
  await db.schema
    .createIndex('timesheet_entries_status_week_user')
    .on('timesheet_entries')
    .columns(['status', 'week_start', 'user_id'])
    .execute();

  await db.schema
    .createTable('timesheet_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) =>
      col
        .notNull()
        .check(sql`action in ('CREATED', 'UPLOADED', 'EDITED', 'APPROVED', 'REJECTED', 'DELETED')`),
    )
    .addColumn('changes', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('timesheet_events_entry_id')
    .on('timesheet_events')
    .columns(['entry_id', 'id'])
    .execute();
  await forbidEventChanges(db);
  await backfillEvents(db);
}

/** Drops what {@link up} added; the entries keep their rows. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timesheet_events').execute();
  if (detectDialect(db) === 'postgres') {
    await sql`drop function if exists timesheet_events_append_only()`.execute(db);
  }
  await db.schema.dropIndex('timesheet_entries_status_week_user').execute();
  for (const column of ['week_start', 'updated_at', 'version']) {
    await db.schema.alterTable('timesheet_entries').dropColumn(column).execute();
  }
  await db.schema.dropTable('people').execute();
}

/** The week of every entry, from the week math in core (one update per distinct date). */
async function backfillWeekStarts(db: Kysely<any>): Promise<void> {
  const dates = await db.selectFrom('timesheet_entries').select('date').distinct().execute();
  for (const { date } of dates as { date: string }[]) {
    await db
      .updateTable('timesheet_entries')
      .set({ week_start: startOfWeek(date) })
      .where('date', '=', date)
      .execute();
  }
}

/** Events are never changed or deleted: the database refuses it, whoever asks. */
async function forbidEventChanges(db: Kysely<any>): Promise<void> {
  if (detectDialect(db) === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql`
        create trigger ${sql.raw(`timesheet_events_no_${op}`)} before ${sql.raw(op)}
        on timesheet_events
        begin select raise(abort, 'timesheet_events is append-only'); end
      `.execute(db);
    }
    return;
  }
  await sql`
    create function timesheet_events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'timesheet_events is append-only'; end $$
  `.execute(db);
  await sql`
    create trigger timesheet_events_append_only before update or delete on timesheet_events
    for each row execute function timesheet_events_append_only()
  `.execute(db);
}

interface LegacyRow {
  id: string;
  user_id: string;
  date: string;
  project: string;
  hundredths: number;
  notes: string | null;
  status: string;
  rejection_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  source: string;
  external_id: string | null;
}

function legacyEvents(row: LegacyRow) {
  const created = {
    id: uuidv7({ msecs: Date.parse(row.created_at) }),
    entry_id: row.id,
    owner_id: row.user_id,
    at: row.created_at,
    actor_id: row.source,
    action: 'CREATED',
    changes: JSON.stringify([
      { field: 'date', from: null, to: row.date },
      { field: 'project', from: null, to: row.project },
      { field: 'hours', from: null, to: String(fromHundredths(row.hundredths)) },
      ...(row.notes === null ? [] : [{ field: 'notes', from: null, to: row.notes }]),
    ]),
    reason: null,
  };
  if (row.decided_at === null || row.decided_by === null || row.status === 'PENDING') {
    return [created];
  }
  const decided = {
    id: uuidv7({ msecs: Date.parse(row.decided_at) }),
    entry_id: row.id,
    owner_id: row.user_id,
    at: row.decided_at,
    actor_id: row.decided_by,
    action: row.status,
    changes: JSON.stringify([{ field: 'status', from: 'PENDING', to: row.status }]),
    reason: row.rejection_reason,
  };
  return [created, decided];
}

/** A CREATED event (and the decision) for every entry written before history existed. */
async function backfillEvents(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('timesheet_entries')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as LegacyRow[];
    if (rows.length === 0) return;
    await db.insertInto('timesheet_events').values(rows.flatMap(legacyEvents)).execute();
    after = rows[rows.length - 1].id;
  }
}
