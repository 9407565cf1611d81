import type { Insertable, Selectable } from 'kysely';
import type { WeekAction, WeekStatus } from './week';

/** The `week_events` table: the append-only history of person-weeks (triggers refuse changes). */
export interface WeekEventTable {
  /** A UUID v7, so events sort in the order they were written. */
  id: string;
  user_id: string;
  week_start: string;
  at: string;
  /** A person's sub, or the client id of an automated process. */
  actor_id: string;
  action: WeekAction;
  /** The week's status and version after the change. */
  status: WeekStatus;
  version: number;
  reason: string | null;
  note: string | null;
  /** The entry or absence the change was about. */
  entry_id: string | null;
}

export type WeekEventRow = Selectable<WeekEventTable>;
export type NewWeekEventRow = Insertable<WeekEventTable>;
