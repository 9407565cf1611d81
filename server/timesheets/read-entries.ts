import { validate as isUuid } from 'uuid';
import { fromHundredths, isLocalDate } from '../../core';
import { BadUserInputError } from '../errors';
import type { Viewer } from '../reach/reach';
import { reachesOwnerOf } from '../reach/owner-reach';
import { decodeCursor, encodeCursor } from './cursor';
import type { OwnPageArgs, PageArgs, Timesheet, TimesheetPage, TimesheetTotals } from './timesheet';
import { checkFirst, type ServiceContext } from './timesheet-checks';
import * as repo from './timesheet.repository';
import { toTimesheet } from './timesheet-rows';

/**
 * One keyset page of the entries a filter matches, newest date first. Totals run their aggregate
 * only when asked for, and once.
 */
export async function loadPage(
  { db }: ServiceContext,
  filter: repo.TimesheetFilter,
  { first, after }: PageArgs,
): Promise<TimesheetPage> {
  checkFirst(first);
  const key = after == null ? null : decodeCursor(after);
  const rows = await repo.findTimesheetPage(db, filter, key, first + 1);
  const edges = rows
    .slice(0, first)
    .map((row) => ({ cursor: encodeCursor(row), node: toTimesheet(row) }));
  let totals: Promise<TimesheetTotals> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totals: () =>
      (totals ??= repo
        .countTimesheets(db, filter)
        .then(({ count, hundredths }) => ({ count, hours: fromHundredths(hundredths) }))),
  };
}

function checkRange(from: string | undefined, to: string | undefined): void {
  for (const [field, date] of [['from', from] as const, ['to', to] as const]) {
    if (date !== undefined && !isLocalDate(date)) {
      throw new BadUserInputError(`${field} must be a real calendar date (YYYY-MM-DD)`, field);
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new BadUserInputError('from must not be later than to', 'from');
  }
}

/** The owner's entries, optionally between two dates (inclusive). */
export async function listOwn(
  ctx: ServiceContext,
  ownerId: string,
  args: OwnPageArgs,
): Promise<TimesheetPage> {
  const from = args.from ?? undefined;
  const to = args.to ?? undefined;
  checkRange(from, to);
  return loadPage(ctx, { userId: ownerId, from, to }, args);
}

/** An entry the viewer may see (their own, or one of people they reach); else null. */
export async function findVisible(
  { db }: ServiceContext,
  viewer: Viewer,
  id: string,
): Promise<Timesheet | null> {
  if (!isUuid(id)) return null;
  const row = await repo.findTimesheetById(db, id);
  if (!row || !(await reachesOwnerOf(db, viewer, 'see', row.user_id))) return null;
  return toTimesheet(row);
}

/** The owner's projects, most recently used first. */
export async function listProjects({ db }: ServiceContext, ownerId: string, first: number) {
  checkFirst(first);
  return repo.findProjectsByOwner(db, ownerId, first);
}
