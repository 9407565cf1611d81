import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import type { WeekKey } from './timesheet.repository';

/**
 * When its owner submits a week again, its rejected entries are pending again (their rejection
 * cleared), each with an EDITED event; inside the submission's transaction.
 */
export async function resubmitRejectedEntries(
  trx: Kysely<Database>,
  week: WeekKey,
  ownerId: string,
  at: string,
): Promise<void> {
  const rows = await repo.updateWeekTimesheets(trx, week, ['REJECTED'], {
    status: 'PENDING',
    rejection_reason: null,
    decided_by: null,
    decided_at: null,
    updated_at: at,
  });
  await eventRepo.insertEvents(
    trx,
    rows.map((row) =>
      newEvent(row, ownerId, 'EDITED', diffEntries({ ...row, status: 'REJECTED' }, row), at),
    ),
  );
}
