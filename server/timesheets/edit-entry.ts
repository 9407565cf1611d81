import { validate as isUuid } from 'uuid';
import { checkDailyTotal, fromHundredths, startOfWeek, validateEntry } from '../../core';
import { writeTransaction } from '../db/transaction';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import {
  approvedEntryConflict,
  recordWeekChange,
  weekKey,
  writableWeek,
} from '../weeks/week-state';
import type { Timesheet, UpdateTimesheetInput } from './timesheet';
import {
  badInput,
  notFound,
  validOrThrow,
  versionConflict,
  type ServiceContext,
} from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { toTimesheet } from './timesheet-rows';
import type { TimesheetRow, TimesheetRowUpdate } from './timesheet.table';

/** The entry after the change: given fields replace stored ones (null and absent keep them). */
function mergeInput(row: TimesheetRow, input: UpdateTimesheetInput) {
  return {
    date: input.date ?? row.date,
    project: input.project ?? row.project,
    hours: input.hours ?? fromHundredths(row.hundredths),
    notes: input.notes ?? row.notes,
  };
}

/** The stored entry an owner may still change, or the error that says why not. */
async function checkEditable(
  db: ServiceContext['db'],
  row: TimesheetRow | undefined,
  ownerId: string,
  id: string,
  version: number,
) {
  if (!row || row.user_id !== ownerId) throw notFound(id);
  if (row.status === 'APPROVED') throw await approvedEntryConflict(db, row);
  if (row.version !== version) throw versionConflict(id, version, row.version);
  return row;
}

/**
 * Changes an owner's PENDING or REJECTED entry at the version they read. A REJECTED entry goes
 * back to PENDING (resubmitted). The day total, counted without the entry's old hours, is checked
 * on the (new) day under the locks of both the old and the new week, whose rules apply to both
 * (not approved, not closed; a SUBMITTED one goes back to OPEN).
 */
export async function editEntry(
  { db, now }: ServiceContext,
  ownerId: string,
  id: string,
  expectedVersion: number,
  input: UpdateTimesheetInput,
): Promise<Timesheet> {
  if (!isUuid(id)) throw notFound(id);
  const at = now();
  const found = await repo.findTimesheetById(db, id);
  const before = await checkEditable(db, found, ownerId, id, expectedVersion);
  const entry = validOrThrow(validateEntry(mergeInput(before, input), at));
  const weeks = [...new Set([before.week_start, startOfWeek(entry.date)])].map((weekStart) => ({
    userId: ownerId,
    weekStart,
  }));
  const row = await writeTransaction(
    db,
    weeks.map(weekKey),
    async (trx) => {
      const reread = async () =>
        checkEditable(trx, await repo.findTimesheetById(trx, id), ownerId, id, expectedVersion);
      const current = await reread();
      if (current.week_start !== before.week_start)
        throw versionConflict(id, expectedVersion, current.version);
      const fields: TimesheetRowUpdate = {
        ...entry,
        week_start: startOfWeek(entry.date),
        status: 'PENDING',
        rejection_reason: null,
        decided_by: null,
        decided_at: null,
        updated_at: at.toISOString(),
      };
      const changes = diffEntries(current, { ...current, ...entry, status: 'PENDING' });
      if (changes.length === 0) return current;
      await assertOpen(trx, [current.date, entry.date]);
      const weekRows = [];
      for (const week of weeks) weekRows.push(await writableWeek(trx, week));
      const total = await repo.sumDailyHundredths(trx, ownerId, entry.date, id);
      const violation = checkDailyTotal(total, entry.hundredths, entry.date);
      if (violation) throw badInput(violation);
      const updated = await repo.updateTimesheetAtVersion(trx, id, expectedVersion, fields);
      // Every writer of the entry holds its week's lock, which this transaction holds.
      if (!updated) throw new Error(`entry ${id} changed under its week's lock`);
      await eventRepo.insertEvents(trx, [
        newEvent(updated, ownerId, 'EDITED', changes, at.toISOString()),
      ]);
      for (const [i, week] of weeks.entries()) {
        await recordWeekChange(trx, week, weekRows[i], {
          actorId: ownerId,
          at: at.toISOString(),
          action: 'ENTRY_CHANGED',
          entryId: id,
          cause: `entry on ${updated.date} (${updated.project}) edited`,
        });
      }
      return updated;
    },
    DATED_WRITE,
  );
  return toTimesheet(row);
}
