import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  addDays,
  endOfWeek,
  isEmployedDuring,
  startOfWeek,
  toLocalDate,
  validateReason,
} from '../../core';
import { workTermsOf } from '../people/work-terms';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError } from '../errors';
import { loadWeeks } from '../weeks/read-week';
import type { TimesheetWeek } from '../weeks/week';
import * as weekRepo from '../weeks/week.repository';
import type { WeekKey } from '../weeks/week.repository';
import { PERIOD_KEY } from './period-lock';
import type { ClosePeriodResult, Period, PeriodEvent } from './period';
import * as repo from './period.repository';

/** How far back the first close looks for weeks not approved. */
export const FIRST_CLOSE_LOOKBACK_DAYS = 371;

export type PeriodService = ReturnType<typeof createPeriodService>;

function checkReason(reason: string): string {
  const validation = validateReason(reason);
  if (!validation.ok) {
    throw new BadUserInputError(validation.violations[0]?.message ?? 'bad reason', 'reason');
  }
  return validation.value;
}

/**
 * The payroll period: closing it through a date freezes everything dated on or before it, on
 * every path (see period-lock.ts); reopening moves the date back. Both are recorded.
 */
export function createPeriodService(
  db: Kysely<Database>,
  { now = () => new Date() }: { now?: () => Date } = {},
) {
  /** The person-weeks of [from, through] not approved: stored ones, and people expected. */
  async function notApproved(from: string, through: string): Promise<TimesheetWeek[]> {
    const keys = new Map<string, WeekKey>();
    const add = (key: WeekKey) => keys.set(weekRepo.weekId(key), key);
    const first = startOfWeek(from);
    const people = await weekRepo.findPeopleExpectedBetween(db, first, endOfWeek(through));
    for (let week = first; week <= through; week = addDays(week, 7)) {
      for (const person of people) {
        if (isEmployedDuring(workTermsOf(person), week))
          add({ userId: person.id, weekStart: week });
      }
    }
    for (const row of await weekRepo.findWeeksBetween(db, startOfWeek(from), through)) {
      if (row.status !== 'APPROVED') add({ userId: row.user_id, weekStart: row.week_start });
    }
    const weeks = await loadWeeks(db, [...keys.values()], now());
    return weeks
      .filter(
        (week) =>
          week.status !== 'APPROVED' &&
          (week.status !== 'OPEN' ||
            week.expectedHours > 0 ||
            week.recordedHours > 0 ||
            week.absenceHours > 0),
      )
      .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.ownerId.localeCompare(b.ownerId));
  }

  return {
    /** The current close date. */
    async current(): Promise<Period> {
      return { closedThrough: await repo.findClosedThrough(db) };
    },

    /** Every close and reopen, oldest first. */
    async history(): Promise<PeriodEvent[]> {
      const rows = await repo.findPeriodEvents(db);
      return rows.map((row) => ({
        at: new Date(row.at),
        actorId: row.actor_id,
        action: row.action,
        closedThrough: row.closed_through,
        reason: row.reason,
      }));
    },

    /**
     * Closes the period through `through` (after the current close date, not in the future);
     * answers the person-weeks of the newly closed range that were not approved.
     */
    async close(
      actorId: string,
      through: string,
      reason: string | null | undefined,
    ): Promise<ClosePeriodResult> {
      const at = now();
      if (through > toLocalDate(at)) {
        throw new BadUserInputError(`through must not be in the future, got ${through}`, 'through');
      }
      const why = reason == null || reason.trim() === '' ? null : checkReason(reason);
      const previous = await writeTransaction(db, [PERIOD_KEY], async (trx) => {
        const closedThrough = await repo.findClosedThrough(trx);
        if (closedThrough !== null && through <= closedThrough) {
          throw new BadUserInputError(
            `The period is already closed through ${closedThrough}: close a later date, or reopen`,
            'through',
          );
        }
        await repo.insertPeriodEvent(trx, {
          id: uuidv7(),
          at: at.toISOString(),
          actor_id: actorId,
          action: 'CLOSED',
          closed_through: through,
          reason: why,
        });
        return closedThrough;
      });
      const from =
        previous === null ? addDays(through, -FIRST_CLOSE_LOOKBACK_DAYS) : addDays(previous, 1);
      return { period: { closedThrough: through }, notApproved: await notApproved(from, through) };
    },

    /** Moves the close date back to the day before `from`, with a reason. */
    async reopen(actorId: string, from: string, reason: string): Promise<Period> {
      const why = checkReason(reason);
      const closedThrough = addDays(from, -1);
      await writeTransaction(db, [PERIOD_KEY], async (trx) => {
        const current = await repo.findClosedThrough(trx);
        if (current === null || from > current) {
          throw new BadUserInputError(
            current === null
              ? 'Nothing is closed: there is nothing to reopen'
              : `from must be on or before the close date ${current}`,
            'from',
          );
        }
        await repo.insertPeriodEvent(trx, {
          id: uuidv7(),
          at: now().toISOString(),
          actor_id: actorId,
          action: 'REOPENED',
          closed_through: closedThrough,
          reason: why,
        });
      });
      return { closedThrough };
    },
  };
}
