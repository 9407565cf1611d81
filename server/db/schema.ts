import type { TimesheetTable } from '../timesheets/timesheet.table';

/** Every table of the API's database, as Kysely sees it. */
export interface Database {
  timesheet_entries: TimesheetTable;
}
