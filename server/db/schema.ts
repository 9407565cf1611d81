import type { HolidayTable } from '../calendar/holiday.table';
import type { PersonTable } from '../people/person.table';
import type { PeriodEventTable } from '../period/period.table';
import type { TimesheetEventTable } from '../timesheets/timesheet-event.table';
import type { TimesheetTable } from '../timesheets/timesheet.table';
import type { AbsenceTable } from '../weeks/absence.table';
import type { WeekEventTable } from '../weeks/week-event.table';
import type { WeekTable } from '../weeks/week.table';

/** Every table of the API's database, as Kysely sees it. */
export interface Database {
  absences: AbsenceTable;
  holidays: HolidayTable;
  people: PersonTable;
  period_events: PeriodEventTable;
  timesheet_entries: TimesheetTable;
  timesheet_events: TimesheetEventTable;
  timesheet_weeks: WeekTable;
  week_events: WeekEventTable;
}
