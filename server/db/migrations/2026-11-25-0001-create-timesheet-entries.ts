import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Creates `timesheet_entries` and its indexes. Plain `text`/`integer` columns so that the same
 * migration serves SQLite and PostgreSQL; dates and instants are ISO text, which sorts
 * chronologically on both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('timesheet_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('project', 'text', (col) => col.notNull())
    .addColumn('hundredths', 'integer', (col) =>
      col.notNull().check(sql`hundredths > 0 and hundredths <= 2400`),
    )
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('PENDING')
        .check(sql`status in ('PENDING', 'APPROVED', 'REJECTED')`),
    )
    .addColumn('rejection_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('external_id', 'text')
    .execute();

  // Keyset pages: an owner's entries and the approval queue, newest date first, ties by id.
  await db.schema
    .createIndex('timesheet_entries_user_date_id')
    .on('timesheet_entries')
    .columns(['user_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('timesheet_entries_status_date_id')
    .on('timesheet_entries')
    .columns(['status', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('timesheet_entries_user_idempotency_key')
    .on('timesheet_entries')
    .columns(['user_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('timesheet_entries_source_external_id')
    .on('timesheet_entries')
    .columns(['source', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
}

/** Drops `timesheet_entries` (its indexes go with it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('timesheet_entries').execute();
}
