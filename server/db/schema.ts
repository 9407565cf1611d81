import type { PersonTable } from '../people/person.table';
import type { TimesheetEventTable } from '../timesheets/timesheet-event.table';
import type { TimesheetTable } from '../timesheets/timesheet.table';

/** Every table of the API's database, as Kysely sees it. */
export interface Database {
  people: PersonTable;
  timesheet_entries: TimesheetTable;
  timesheet_events: TimesheetEventTable;
}
