import { addDays, isLocalDate, startOfWeek } from '../core/dates';
import { InputError } from './errors';
import { todayLocal } from './format';

const WEEK_ARGUMENT = '`this`, `last` or a date in the week (YYYY-MM-DD)';

/**
 * The Monday of the week a command names: `this` (the default) or `last` on this computer's
 * calendar, or any date of the week, `YYYY-MM-DD`.
 */
export function weekStartOf(argument: string | undefined, now: Date): string {
  const thisWeek = startOfWeek(todayLocal(now));
  if (argument === undefined || argument === 'this') return thisWeek;
  if (argument === 'last') return addDays(thisWeek, -7);
  if (!isLocalDate(argument)) {
    throw new InputError(`The week must be ${WEEK_ARGUMENT}, got "${argument}"`, 'week');
  }
  return startOfWeek(argument);
}
