/** The payroll period: the date through which nothing may change, and its history. */
import type { TimesheetWeek } from '../weeks/week';

export type PeriodAction = 'CLOSED' | 'REOPENED';

export interface PeriodEvent {
  at: Date;
  actorId: string;
  action: PeriodAction;
  closedThrough: string | null;
  reason: string | null;
}

/** The period; `history` is read when a client asks for it. */
export interface Period {
  closedThrough: string | null;
}

export interface ClosePeriodResult {
  period: Period;
  notApproved: TimesheetWeek[];
}
