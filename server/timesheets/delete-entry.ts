import { validate as isUuid } from 'uuid';
import { writeTransaction } from '../db/transaction';
import { lockedConflict, notFound, type ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';

/** Deletes an owner's entry unless it is approved, with its DELETED event; answers its id. */
export async function deleteEntry({ db, now }: ServiceContext, ownerId: string, id: string) {
  if (!isUuid(id)) throw notFound(id);
  return writeTransaction(db, [], async (trx) => {
    const row = await repo.deleteUnapprovedTimesheet(trx, ownerId, id);
    if (row) {
      const changes = diffEntries(row, null);
      await eventRepo.insertEvents(trx, [
        newEvent(row, ownerId, 'DELETED', changes, now().toISOString()),
      ]);
      return id;
    }
    const current = await repo.findTimesheetById(trx, id);
    if (current?.user_id === ownerId && current.status === 'APPROVED') throw lockedConflict(id);
    throw notFound(id);
  });
}
