import { addDays, isWeekStart, startOfWeek, toLocalDate } from '../../core';
import { BadUserInputError } from '../errors';

/** Throws BAD_USER_INPUT unless `weekStart` is a real date and a Monday. */
export function checkWeekStart(weekStart: string): void {
  if (!isWeekStart(weekStart)) {
    throw new BadUserInputError(`weekStart must be a Monday, got "${weekStart}"`, 'weekStart');
  }
}

/**
 * The Monday of the latest week one may submit: the current one, taking the current day as
 * tomorrow (UTC), as for entries, so that every time zone's today counts.
 */
export function latestSubmittableWeek(now: Date): string {
  return startOfWeek(addDays(toLocalDate(now), 1));
}

export function checkExpectedVersion(expectedVersion: number): void {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    throw new BadUserInputError('expectedVersion must be 0 or more', 'expectedVersion');
  }
}
