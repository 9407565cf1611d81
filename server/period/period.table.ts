import type { Insertable, Selectable } from 'kysely';
import type { PeriodAction } from './period';

/**
 * The `period_events` table: every close and reopen of the payroll period, append-only. The
 * current close date is the `closed_through` of the latest event (null: nothing closed).
 */
export interface PeriodEventTable {
  /** A UUID v7, so the latest event sorts last. */
  id: string;
  at: string;
  actor_id: string;
  action: PeriodAction;
  /** The close date after the change; null when nothing is closed any more. */
  closed_through: string | null;
  reason: string | null;
}

export type PeriodEventRow = Selectable<PeriodEventTable>;
export type NewPeriodEventRow = Insertable<PeriodEventTable>;
