import type { Kysely } from 'kysely';
import { addDays, checkDailyTotal, validateEntry, type ValidEntry } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError, ForbiddenError } from '../errors';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import { lockedConflict, type ServiceContext } from '../timesheets/timesheet-checks';
import * as eventRepo from '../timesheets/timesheet-event.repository';
import { diffEntries, newEvent } from '../timesheets/timesheet-history';
import { newRow } from '../timesheets/timesheet-rows';
import * as entryRepo from '../timesheets/timesheet.repository';
import type { NewTimesheetEventRow } from '../timesheets/timesheet-event.table';
import type { TimesheetRow } from '../timesheets/timesheet.table';
import { loadWeek } from './read-week';
import type { TimesheetWeek } from './week';
import { checkExpectedVersion, checkWeekStart } from './week-checks';
import * as repo from './week.repository';
import type { WeekKey } from './week.repository';
import {
  recordWeekChange,
  versionOf,
  weekKey,
  weekVersionConflict,
  writableWeek,
} from './week-state';

/** How many cells one `saveWeek` may carry (a week of 14 projects and then some). */
export const MAX_WEEK_CELLS = 100;

/** One cell of the grid as the client sends it. */
export interface WeekCellInput {
  date: string;
  project: string;
  hours: number;
}

/** A checked cell: the entry it sets (hundredths 0 clears the cell). */
interface Cell {
  index: number;
  entry: ValidEntry;
}

const cellError = (index: number, field: string, message: string) =>
  new BadUserInputError(`cells[${index}]: ${message}`, `cells[${index}].${field}`);

/** Checks the cells against the week and the entry rules; one (date, project) once. */
function checkCells(weekStart: string, cells: readonly WeekCellInput[], now: Date): Cell[] {
  if (cells.length < 1 || cells.length > MAX_WEEK_CELLS) {
    throw new BadUserInputError(`cells must hold 1 to ${MAX_WEEK_CELLS} cells`, 'cells');
  }
  const weekEnd = addDays(weekStart, 6);
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    if (cell.date < weekStart || cell.date > weekEnd) {
      throw cellError(index, 'date', `${cell.date} is not in the week of ${weekStart}`);
    }
    // 0 clears the cell: its date and project still follow the entry rules, checked at 1 hour.
    const clears = cell.hours === 0;
    const validation = validateEntry({ ...cell, hours: clears ? 1 : cell.hours }, now);
    if (!validation.ok) {
      const [violation] = validation.violations;
      throw cellError(index, violation?.field ?? 'hours', violation?.message ?? 'invalid cell');
    }
    const entry = { ...validation.value, hundredths: clears ? 0 : validation.value.hundredths };
    const key = `${entry.date} ${entry.project}`;
    if (seen.has(key)) {
      throw cellError(index, 'project', `${entry.project} on ${entry.date} appears more than once`);
    }
    seen.add(key);
    return { index, entry };
  });
}

/** What saving the grid does to each cell's entry. */
type CellChange =
  | { kind: 'create'; cell: Cell }
  | { kind: 'edit'; cell: Cell; row: TimesheetRow }
  | { kind: 'delete'; cell: Cell; row: TimesheetRow };

/** Compares each cell with the week's entries: what to change, or why the grid cannot. */
function planChanges(cells: readonly Cell[], entries: readonly TimesheetRow[], mayDelete: boolean) {
  const changes: CellChange[] = [];
  for (const cell of cells) {
    const { date, project, hundredths } = cell.entry;
    const held = entries.filter((row) => row.date === date && row.project === project);
    if (held.length > 1) {
      throw cellError(
        cell.index,
        'project',
        `${project} on ${date} holds ${held.length} entries: change them one by one`,
      );
    }
    const [row] = held;
    if (!row) {
      if (hundredths > 0) changes.push({ kind: 'create', cell });
      continue;
    }
    if (row.hundredths === hundredths && row.status !== 'REJECTED') continue;
    if (row.status === 'APPROVED') throw lockedConflict(row.id);
    if (hundredths > 0) {
      changes.push({ kind: 'edit', cell, row });
      continue;
    }
    if (!mayDelete) {
      throw new ForbiddenError(
        `cells[${cell.index}]: clearing ${project} on ${date} deletes its entry, which needs delete:timesheets`,
      );
    }
    changes.push({ kind: 'delete', cell, row });
  }
  return changes;
}

/** Each changed day's total after the changes stays within 24 hours (rejected entries aside). */
function checkDayTotals(entries: readonly TimesheetRow[], changes: readonly CellChange[]) {
  const replaced = new Set(changes.flatMap((c) => (c.kind === 'create' ? [] : [c.row.id])));
  const days = new Set(changes.map((c) => c.cell.entry.date));
  for (const date of days) {
    const kept = entries
      .filter((row) => row.date === date && row.status !== 'REJECTED' && !replaced.has(row.id))
      .reduce((sum, row) => sum + row.hundredths, 0);
    const added = changes
      .filter((c) => c.cell.entry.date === date && c.kind !== 'delete')
      .reduce((sum, c) => sum + c.cell.entry.hundredths, 0);
    const violation = checkDailyTotal(kept, added, date);
    if (violation) throw new BadUserInputError(violation.message, 'cells');
  }
}

/**
 * Applies the changes in a few statements: one insert for the new entries, one delete for the
 * cleared ones, one update per changed entry, and one insert for all their events.
 */
async function applyChanges(
  trx: Kysely<Database>,
  ownerId: string,
  changes: readonly CellChange[],
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  const events: NewTimesheetEventRow[] = [];
  const writer = { userId: ownerId, source: ownerId };
  const created = await entryRepo.insertTimesheets(
    trx,
    changes.flatMap((c) => (c.kind === 'create' ? [newRow(writer, c.cell.entry, at, {})] : [])),
  );
  for (const row of created) {
    const fields = diffEntries(null, row).filter((field) => field.field !== 'status');
    events.push(newEvent(row, ownerId, 'CREATED', fields, iso));
  }
  const deleted = await entryRepo.deleteTimesheets(
    trx,
    changes.flatMap((c) => (c.kind === 'delete' ? [c.row.id] : [])),
  );
  for (const row of deleted)
    events.push(newEvent(row, ownerId, 'DELETED', diffEntries(row, null), iso));
  for (const change of changes) {
    if (change.kind !== 'edit') continue;
    const { row } = change;
    const after = { ...row, hundredths: change.cell.entry.hundredths, status: 'PENDING' as const };
    const updated = await entryRepo.updateTimesheetAtVersion(trx, row.id, row.version, {
      hundredths: after.hundredths,
      status: 'PENDING',
      rejection_reason: null,
      decided_by: null,
      decided_at: null,
      updated_at: iso,
    });
    if (!updated) throw new Error(`entry ${row.id} changed under the week's lock`);
    events.push(newEvent(updated, ownerId, 'EDITED', diffEntries(row, after), iso));
  }
  await eventRepo.insertEvents(trx, events);
}

/**
 * Saves the owner's week grid at the week's version, all or nothing: each cell sets one
 * project's hours on one day (creating, changing or, at 0, deleting its entry). The entry, week
 * and period rules apply as for single entries; the week counts one change.
 */
export async function saveWeek(
  { db, now }: ServiceContext,
  ownerId: string,
  weekStart: string,
  expectedVersion: number,
  cells: readonly WeekCellInput[],
  mayDelete: boolean,
): Promise<TimesheetWeek> {
  checkWeekStart(weekStart);
  checkExpectedVersion(expectedVersion);
  const at = now();
  const checked = checkCells(weekStart, cells, at);
  const week: WeekKey = { userId: ownerId, weekStart };
  await writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      const row = await repo.findWeekRow(trx, week);
      if (versionOf(row) !== expectedVersion) {
        throw weekVersionConflict(week, expectedVersion, versionOf(row));
      }
      await assertOpen(
        trx,
        checked.map((cell) => cell.entry.date),
      );
      const before = await writableWeek(trx, week);
      const entries = await entryRepo.findTimesheetsOfWeek(trx, week);
      const changes = planChanges(checked, entries, mayDelete);
      if (changes.length === 0) return;
      checkDayTotals(entries, changes);
      await applyChanges(trx, ownerId, changes, at);
      await recordWeekChange(trx, week, before, {
        actorId: ownerId,
        at: at.toISOString(),
        action: 'ENTRY_CHANGED',
        entryId: null,
        cause: `week grid saved (${changes.length} ${changes.length === 1 ? 'cell' : 'cells'} changed)`,
      });
    },
    DATED_WRITE,
  );
  return loadWeek(db, week, at);
}
