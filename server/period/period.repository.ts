import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { NewPeriodEventRow, PeriodEventRow } from './period.table';

/** The current close date: that of the latest close or reopen; null while nothing is closed. */
export async function findClosedThrough(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('period_events')
    .select('closed_through')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.closed_through ?? null;
}

/** Every close and reopen, oldest first. */
export function findPeriodEvents(db: Kysely<Database>): Promise<PeriodEventRow[]> {
  return db.selectFrom('period_events').selectAll().orderBy('id').execute();
}

export async function insertPeriodEvent(
  db: Kysely<Database>,
  row: NewPeriodEventRow,
): Promise<void> {
  await db.insertInto('period_events').values(row).execute();
}
