import { v7 as uuidv7 } from 'uuid';
import { fromHundredths, startOfWeek, type ValidEntry } from '../../core';
import type { EntryWriter, Timesheet } from './timesheet';
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
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}

/** A new row for a validated entry, with a time-ordered id. */
export function newRow(
  writer: EntryWriter,
  entry: ValidEntry,
  createdAt: Date,
  keys: Pick<NewTimesheetRow, 'idempotency_key' | 'external_id'>,
): NewTimesheetRow {
  const at = createdAt.toISOString();
  return {
    id: uuidv7(),
    user_id: writer.userId,
    ...entry,
    week_start: startOfWeek(entry.date),
    created_at: at,
    updated_at: at,
    version: 1,
    source: writer.source,
    ...keys,
  };
}

/** The key of one owner's day, for an upload's running day totals. */
export function dayKey(userId: string, date: string): string {
  // The date has a fixed width, so `date user_id` names one owner's day unambiguously.
  return `${date} ${userId}`;
}
