import { v7 as uuidv7 } from 'uuid';
import { fromHundredths } from '../../core';
import type { FieldChange, TimesheetAction, TimesheetEvent } from './timesheet';
import type { NewTimesheetEventRow, TimesheetEventRow } from './timesheet-event.table';
import type { TimesheetRow } from './timesheet.table';

/** The fields of an entry its history follows, and how each is written as text. */
type Snapshot = Pick<TimesheetRow, 'date' | 'project' | 'hundredths' | 'notes' | 'status'>;
const FIELDS: [keyof FieldsAsText, (row: Snapshot) => string | null][] = [
  ['date', (row) => row.date],
  ['project', (row) => row.project],
  ['hours', (row) => String(fromHundredths(row.hundredths))],
  ['notes', (row) => row.notes],
  ['status', (row) => row.status],
];
interface FieldsAsText {
  date: string;
  project: string;
  hours: string;
  notes: string | null;
  status: string;
}

/** The fields that differ between two states of an entry; null stands for "no entry". */
export function diffEntries(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  return FIELDS.flatMap(([field, text]) => {
    const from = before === null ? null : text(before);
    const to = after === null ? null : text(after);
    return from === to ? [] : [{ field, from, to }];
  });
}

/** One event about an entry, ready to append. */
export function newEvent(
  row: Pick<TimesheetRow, 'id' | 'user_id'>,
  actorId: string,
  action: TimesheetAction,
  changes: FieldChange[],
  at: string,
  reason: string | null = null,
): NewTimesheetEventRow {
  return {
    // In-process monotonic (uuid's v7), so a history reads in write order even on a frozen clock.
    id: uuidv7(),
    entry_id: row.id,
    owner_id: row.user_id,
    at,
    actor_id: actorId,
    action,
    changes: JSON.stringify(changes),
    reason,
  };
}

/** Maps a stored event to the domain shape. */
export function toEvent(row: TimesheetEventRow): TimesheetEvent {
  return {
    entryId: row.entry_id,
    at: new Date(row.at),
    actorId: row.actor_id,
    action: row.action,
    changes: JSON.parse(row.changes) as FieldChange[],
    reason: row.reason,
  };
}
