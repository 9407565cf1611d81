import type { Insertable, Selectable } from 'kysely';

/** The `holidays` table: the company calendar's public holidays, one per date. */
export interface HolidayTable {
  date: string;
  name: string;
  updated_at: string;
}

export type HolidayRow = Selectable<HolidayTable>;
export type NewHolidayRow = Insertable<HolidayTable>;
