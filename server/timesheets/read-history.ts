import { validate as isUuid } from 'uuid';
import { NotFoundError } from '../errors';
import type { Viewer } from '../reach/reach';
import { reachesOwnerOf } from '../reach/owner-reach';
import type { TimesheetEvent } from './timesheet';
import type { ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { toEvent } from './timesheet-history';

/** The history of an entry the viewer may see, deleted ones included; else NOT_FOUND. */
export async function history(
  { db }: ServiceContext,
  viewer: Viewer,
  id: string,
): Promise<TimesheetEvent[]> {
  const rows = isUuid(id) ? await eventRepo.findEventsByEntryIds(db, [id]) : [];
  const owner = rows[0]?.owner_id;
  if (owner === undefined || !(await reachesOwnerOf(db, viewer, 'see', owner))) {
    throw new NotFoundError(`Timesheet ${id} not found`);
  }
  return rows.map(toEvent);
}

/** The histories of entries, by entry id (for a page of entries already authorised). */
export async function historiesOf({ db }: ServiceContext, ids: readonly string[]) {
  const events = (await eventRepo.findEventsByEntryIds(db, ids)).map(toEvent);
  return ids.map((id) => events.filter((event) => event.entryId === id));
}
