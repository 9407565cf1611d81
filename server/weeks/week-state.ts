/**
 * What a write does to its person-week, for every writer (the owner's entries, absences and week
 * grid, the automated process's uploads, managers' decisions): the one home of the week rules.
 * Every such write runs under the week's lock ({@link weekKey}), so that the week it judged is
 * the week it changes.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema';
import { ConflictError } from '../errors';
import { lockedConflict } from '../timesheets/timesheet-checks';
import type { WeekAction, WeekStatus } from './week';
import * as repo from './week.repository';
import type { WeekKey } from './week.repository';
import type { WeekRow } from './week.table';

/** The lock key of a person-week. */
export const weekKey = ({ userId, weekStart }: WeekKey) => `week:${userId}:${weekStart}`;

/** CONFLICT saying what the week's status forbids; `extensions.weekStatus` carries it. */
export function weekStatusConflict(
  { weekStart }: WeekKey,
  status: WeekStatus,
  what: string,
): ConflictError {
  return new ConflictError(`The week of ${weekStart} is ${status}: ${what}`, {
    extensions: { weekStatus: status },
  });
}

/** CONFLICT for a week that moved on since the client read it. */
export function weekVersionConflict(
  { weekStart }: WeekKey,
  expected: number,
  current: number,
): ConflictError {
  return new ConflictError(
    `The week of ${weekStart} is at version ${current}, not ${expected}: it changed since you read it`,
    { extensions: { currentVersion: current } },
  );
}

/** The status of a week row; a week with no row is OPEN. */
export const statusOf = (row: WeekRow | undefined): WeekStatus => row?.status ?? 'OPEN';

/** The version of a week row; a week with no row is at version 0. */
export const versionOf = (row: WeekRow | undefined): number => row?.version ?? 0;

/**
 * Inside a write under the week's lock: the week's row, or CONFLICT when it is APPROVED (frozen:
 * no write may change it).
 */
export async function writableWeek(
  trx: Kysely<Database>,
  key: WeekKey,
): Promise<WeekRow | undefined> {
  const row = await repo.findWeekRow(trx, key);
  if (row?.status === 'APPROVED') {
    throw weekStatusConflict(key, 'APPROVED', 'an approved week is frozen and cannot change');
  }
  return row;
}

/**
 * The CONFLICT for an owner's change of an approved entry: the week's (frozen, with
 * `extensions.weekStatus`) when its week is APPROVED, else the entry's own lock.
 */
export async function approvedEntryConflict(
  db: Kysely<Database>,
  entry: { id: string; user_id: string; week_start: string },
): Promise<ConflictError> {
  const key = { userId: entry.user_id, weekStart: entry.week_start };
  const row = await repo.findWeekRow(db, key);
  return row?.status === 'APPROVED'
    ? weekStatusConflict(key, 'APPROVED', 'an approved week is frozen and cannot change')
    : lockedConflict(entry.id);
}

/** A change of what a week holds, as its history records it. */
export interface WeekChange {
  actorId: string;
  at: string;
  action: Extract<WeekAction, 'ENTRY_CHANGED' | 'ABSENCE_RECORDED' | 'ABSENCE_DELETED'>;
  /** The entry or absence changed. */
  entryId: string | null;
  /** What was done, for the history of a week it withdrew: "entry … edited". */
  cause: string;
}

/**
 * Counts a change of an entry or absence in a week: its version goes up, and a SUBMITTED week
 * goes back to OPEN (withdrawn by that change), so that a manager never approves a moving target.
 * `before` is the week's row as the write read it under the week's lock ({@link writableWeek}).
 * Records the event; answers the week row after the change.
 */
export async function recordWeekChange(
  trx: Kysely<Database>,
  key: WeekKey,
  before: WeekRow | undefined,
  change: WeekChange,
): Promise<WeekRow> {
  const withdraws = before?.status === 'SUBMITTED';
  const row = await repo.bumpWeek(trx, key, {
    ...(withdraws ? { status: 'OPEN' as const } : {}),
    updated_at: change.at,
  });
  await repo.insertWeekEvents(trx, [
    weekEvent(row, change.actorId, change.at, withdraws ? 'WITHDRAWN' : change.action, {
      reason: withdraws ? `withdrawn by a change: ${change.cause}` : change.cause,
      entryId: change.entryId,
    }),
  ]);
  return row;
}

/** One history event of a week, at the row's status and version after the change. */
export function weekEvent(
  row: WeekRow,
  actorId: string,
  at: string,
  action: WeekAction,
  details: { reason?: string | null; note?: string | null; entryId?: string | null } = {},
) {
  return {
    id: uuidv7(),
    user_id: row.user_id,
    week_start: row.week_start,
    at,
    actor_id: actorId,
    action,
    status: row.status,
    version: row.version,
    reason: details.reason ?? null,
    note: details.note ?? null,
    entry_id: details.entryId ?? null,
  };
}
