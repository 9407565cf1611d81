import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HolidayRow, NewHolidayRow } from './holiday.table';

/** The holidays between two dates (inclusive), by date. */
export function findHolidayRows(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<HolidayRow[]> {
  return db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/** The stored holidays on these dates. */
export function findHolidaysOn(
  db: Kysely<Database>,
  dates: readonly string[],
): Promise<HolidayRow[]> {
  if (dates.length === 0) return Promise.resolve([]);
  return db.selectFrom('holidays').selectAll().where('date', 'in', dates).execute();
}

/** Inserts holidays, or renames the stored ones on the same dates. */
export async function upsertHolidayRows(
  db: Kysely<Database>,
  rows: readonly NewHolidayRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('holidays')
    .values(rows)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
