import { v7 as uuidv7 } from 'uuid';
import { fromHundredths, type ValidEntry } from '../../core';
import type { Timesheet } from './timesheet';
import type { EntryWriter } from './timesheet.service';
import type { NewTimesheetRow, TimesheetRow } from './timesheet.table';

/** Maps a stored row to the domain shape resolvers hand out. */
export function toTimesheet(row: TimesheetRow): Timesheet {
  return {
    id: row.id,
    userId: row.user_id,
    date: row.date,
    project: row.project,
    hours: fromHundredths(row.hundredths),
    notes: row.notes,
    status: row.status,
    rejectionReason: row.rejection_reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
    createdAt: new Date(row.created_at),
    source: row.source,
  };
}

/** A new row for a validated entry, with a time-ordered id. */
export function newRow(
  writer: EntryWriter,
  entry: ValidEntry,
  createdAt: Date,
  keys: Pick<NewTimesheetRow, 'idempotency_key' | 'external_id'>,
): NewTimesheetRow {
  return {
    id: uuidv7(),
    user_id: writer.userId,
    ...entry,
    created_at: createdAt.toISOString(),
    source: writer.source,
    ...keys,
  };
}
