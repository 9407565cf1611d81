import type { Kysely } from 'kysely';
import { checkWeekNote, isShort, toHundredths } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError } from '../errors';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import type { ServiceContext } from '../timesheets/timesheet-checks';
import { resubmitRejectedEntries } from '../timesheets/resubmit-entries';
import type { TimesheetWeek, WeekStatus } from './week';
import { checkExpectedVersion, checkWeekStart, latestSubmittableWeek } from './week-checks';
import { loadWeek } from './read-week';
import * as repo from './week.repository';
import type { WeekKey } from './week.repository';
import {
  statusOf,
  versionOf,
  weekEvent,
  weekKey,
  weekStatusConflict,
  weekVersionConflict,
} from './week-state';

/**
 * Inside the owner's write under the week's lock: the week must be at the version they read, in
 * one of `allowed`, and not in a closed period; else CONFLICT saying which.
 */
async function weekAt(
  trx: Kysely<Database>,
  key: WeekKey,
  expectedVersion: number,
  allowed: readonly WeekStatus[],
  done: string,
): Promise<void> {
  const row = await repo.findWeekRow(trx, key);
  if (versionOf(row) !== expectedVersion) {
    throw weekVersionConflict(key, expectedVersion, versionOf(row));
  }
  const status = statusOf(row);
  if (!allowed.includes(status)) {
    throw weekStatusConflict(key, status, `it can be ${done} only when ${allowed.join(' or ')}`);
  }
  await assertOpen(trx, [key.weekStart]);
}

/**
 * Submits the owner's week for approval, from OPEN or REJECTED, at the version they read. Its
 * rejected entries are pending again. A week short of its expected hours needs a note, which is
 * how "forgot" is told apart from "did not work".
 */
export async function submitWeek(
  { db, now }: ServiceContext,
  ownerId: string,
  weekStart: string,
  expectedVersion: number,
  note: string | null | undefined,
): Promise<TimesheetWeek> {
  checkWeekStart(weekStart);
  checkExpectedVersion(expectedVersion);
  const at = now();
  if (weekStart > latestSubmittableWeek(at)) {
    throw new BadUserInputError(
      `The week of ${weekStart} has not started yet: only the current week or an earlier one can be submitted`,
      'weekStart',
    );
  }
  const trimmed = note?.trim() ? note.trim() : null;
  const noteProblem = trimmed === null ? null : checkWeekNote(trimmed);
  if (noteProblem) throw new BadUserInputError(noteProblem, 'note');
  const key = { userId: ownerId, weekStart };
  await writeTransaction(
    db,
    [weekKey(key)],
    async (trx) => {
      await weekAt(trx, key, expectedVersion, ['OPEN', 'REJECTED'], 'submitted');
      const iso = at.toISOString();
      await resubmitRejectedEntries(trx, key, ownerId, iso);
      const week = await loadWeek(trx, key, at);
      const short = isShort(
        toHundredths(week.recordedHours) ?? 0,
        toHundredths(week.absenceHours) ?? 0,
        toHundredths(week.expectedHours) ?? 0,
      );
      if (short && trimmed === null) {
        throw new BadUserInputError(
          `The week of ${weekStart} holds ${week.recordedHours + week.absenceHours} of ` +
            `${week.expectedHours} expected hours: say why in a note`,
          'note',
        );
      }
      const submitted = await repo.bumpWeek(trx, key, {
        status: 'SUBMITTED',
        submitted_at: iso,
        note: trimmed,
        decided_at: null,
        decided_by: null,
        reason: null,
        updated_at: iso,
      });
      await repo.insertWeekEvents(trx, [
        weekEvent(submitted, ownerId, iso, 'SUBMITTED', { note: trimmed }),
      ]);
    },
    DATED_WRITE,
  );
  return loadWeek(db, key, at);
}

/** Takes the owner's SUBMITTED week back to OPEN, before a manager decides. */
export async function withdrawWeek(
  { db, now }: ServiceContext,
  ownerId: string,
  weekStart: string,
  expectedVersion: number,
): Promise<TimesheetWeek> {
  checkWeekStart(weekStart);
  checkExpectedVersion(expectedVersion);
  const at = now();
  const key = { userId: ownerId, weekStart };
  await writeTransaction(
    db,
    [weekKey(key)],
    async (trx) => {
      await weekAt(trx, key, expectedVersion, ['SUBMITTED'], 'withdrawn');
      const iso = at.toISOString();
      const open = await repo.bumpWeek(trx, key, { status: 'OPEN', updated_at: iso });
      await repo.insertWeekEvents(trx, [
        weekEvent(open, ownerId, iso, 'WITHDRAWN', { reason: 'withdrawn by its owner' }),
      ]);
    },
    DATED_WRITE,
  );
  return loadWeek(db, key, at);
}
