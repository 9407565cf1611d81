/** The domain shapes of the weekly cycle, as services hand them to resolvers. */
import type { Timesheet } from '../timesheets/timesheet';

export type WeekStatus = 'OPEN' | 'SUBMITTED' | 'APPROVED' | 'REJECTED';
export type WeekAction =
  | 'SUBMITTED'
  | 'WITHDRAWN'
  | 'APPROVED'
  | 'REJECTED'
  | 'ENTRY_CHANGED'
  | 'ABSENCE_RECORDED'
  | 'ABSENCE_DELETED';
export type AbsenceKind = 'VACATION' | 'SICK' | 'OTHER';

/** A declared absence, hours as a number. */
export interface Absence {
  id: string;
  userId: string;
  date: string;
  kind: AbsenceKind;
  hours: number;
}

/** A public holiday. */
export interface Holiday {
  date: string;
  name: string;
}

/** One change of a week, from its append-only history. */
export interface WeekEvent {
  at: Date;
  actorId: string;
  action: WeekAction;
  status: WeekStatus;
  version: number;
  reason: string | null;
  note: string | null;
  entryId: string | null;
}

/**
 * One person's week with its completeness. `entries`, `absences` and `history` are loaded when a
 * client asks for them, in one batch for a whole page of weeks.
 */
export interface TimesheetWeek {
  ownerId: string;
  weekStart: string;
  status: WeekStatus;
  version: number;
  recordedHours: number;
  absenceHours: number;
  expectedHours: number;
  missingDays: string[];
  holidays: Holiday[];
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  note: string | null;
  reason: string | null;
  closed: boolean;
  /** Preloaded entries, when the service already read them. */
  entries?: Timesheet[];
  absences?: Absence[];
}

/** A page of person-weeks. */
export interface TimesheetWeekPage {
  nodes: TimesheetWeek[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
