import type { Insertable, Selectable, Updateable } from 'kysely';
import type { WeekStatus } from './week';

/**
 * The `timesheet_weeks` table: one row per person-week that ever changed (a week with no row is
 * OPEN at version 0). Its version goes up on every change of the week or of an entry or absence
 * in it, and every write of the week takes its person-week lock (see weekKey).
 */
export interface WeekTable {
  user_id: string;
  /** The Monday of the week. */
  week_start: string;
  status: WeekStatus;
  version: number;
  submitted_at: string | null;
  /** The owner's note with the last submission. */
  note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  /** The reason of a rejection, while REJECTED. */
  reason: string | null;
  updated_at: string;
}

export type WeekRow = Selectable<WeekTable>;
export type NewWeekRow = Insertable<WeekTable>;
export type WeekRowUpdate = Updateable<WeekTable>;
