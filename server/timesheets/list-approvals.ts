import { fromHundredths, MAX_WEEKS_PER_PAGE } from '../../core';
import type { Viewer } from '../reach/reach';
import { decodeWeekCursor, encodeWeekCursor } from './cursor';
import type { ApprovalWeek, ApprovalWeekPage, PageArgs, TimesheetStatus } from './timesheet';
import { loadPage } from './read-entries';
import { checkFirst, type ServiceContext } from './timesheet-checks';
import * as repo from './timesheet.repository';
import { weekId } from '../weeks/week.repository';
import { toTimesheet } from './timesheet-rows';

/**
 * The filter of an approval queue: the entries the viewer may decide (never their own),
 * optionally only of one team's people. Pending entries of a week that is not SUBMITTED are
 * drafts, and not in the queue.
 */
export function approvalFilter(
  viewer: Viewer,
  status: TimesheetStatus,
  team?: string | null,
): repo.TimesheetFilter {
  return {
    status,
    ...(status === 'PENDING' ? { weekStatus: 'SUBMITTED' as const } : {}),
    reach: { viewer, purpose: 'decide' },
    ...(team == null ? {} : { teams: [team] }),
  };
}

export interface ApprovalWeekArgs {
  status: TimesheetStatus;
  team?: string | null;
  first: number;
  after?: string | null;
}

/** One page of person-weeks: the week keys first, then all their entries in one query. */
export async function listApprovalWeeks(
  { db }: ServiceContext,
  viewer: Viewer,
  { status, team, first, after }: ApprovalWeekArgs,
): Promise<ApprovalWeekPage> {
  checkFirst(first, MAX_WEEKS_PER_PAGE);
  const cursor = after == null ? null : decodeWeekCursor(after);
  const keys = await repo.findWeekKeys(db, approvalFilter(viewer, status, team), cursor, first + 1);
  const page = keys.slice(0, first);
  const rows = await repo.findEntriesOfWeeks(db, status, page);
  const weeks = new Map<string, { week: ApprovalWeek; total: number }>(
    page.map(({ weekStart, userId }) => [
      weekId({ weekStart, userId }),
      { week: { ownerId: userId, weekStart, totalHours: 0, entries: [] }, total: 0 },
    ]),
  );
  for (const row of rows) {
    const found = weeks.get(weekId({ userId: row.user_id, weekStart: row.week_start }));
    if (!found) continue; // the same person in a week of another page's square
    found.week.entries.push(toTimesheet(row));
    found.total += row.hundredths;
  }
  for (const found of weeks.values()) found.week.totalHours = fromHundredths(found.total);
  const last = page.at(-1);
  return {
    nodes: [...weeks.values()].map((found) => found.week),
    pageInfo: {
      hasNextPage: keys.length > first,
      endCursor: last ? encodeWeekCursor(last) : null,
    },
  };
}

/** Entries in one status of the people the viewer may decide on, newest date first. */
export function listForApproval(
  ctx: ServiceContext,
  viewer: Viewer,
  status: TimesheetStatus,
  args: PageArgs,
) {
  return loadPage(ctx, approvalFilter(viewer, status), args);
}
