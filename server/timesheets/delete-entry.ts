import { validate as isUuid } from 'uuid';
import { writeTransaction } from '../db/transaction';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import {
  approvedEntryConflict,
  recordWeekChange,
  weekKey,
  writableWeek,
} from '../weeks/week-state';
import { notFound, type ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';

/**
 * Deletes an owner's entry unless it is approved, its week is approved or its day is in a closed
 * period, with its DELETED event and the week's change; answers its id.
 */
export async function deleteEntry({ db, now }: ServiceContext, ownerId: string, id: string) {
  if (!isUuid(id)) throw notFound(id);
  const found = await repo.findTimesheetById(db, id);
  if (found?.user_id !== ownerId) throw notFound(id);
  const week = { userId: ownerId, weekStart: found.week_start };
  return writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      const current = await repo.findTimesheetById(trx, id);
      if (current?.user_id !== ownerId) throw notFound(id);
      if (current.status === 'APPROVED') throw await approvedEntryConflict(trx, current);
      await assertOpen(trx, [current.date]);
      const before = await writableWeek(trx, week);
      const [row] = await repo.deleteTimesheets(trx, [id]);
      if (!row) throw notFound(id);
      const at = now().toISOString();
      await eventRepo.insertEvents(trx, [
        newEvent(row, ownerId, 'DELETED', diffEntries(row, null), at),
      ]);
      await recordWeekChange(trx, week, before, {
        actorId: ownerId,
        at,
        action: 'ENTRY_CHANGED',
        entryId: id,
        cause: `entry on ${row.date} (${row.project}) deleted`,
      });
      return id;
    },
    DATED_WRITE,
  );
}
