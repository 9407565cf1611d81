import type { Kysely } from 'kysely';
import { addDays, hasControlCharacter, isLocalDate, MAX_HOLIDAYS_PER_CALL } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError } from '../errors';
import type { Holiday } from '../weeks/week';
import * as repo from './holiday.repository';

export const MAX_HOLIDAY_NAME_LENGTH = 100;
/** The longest range `holidays(from, to)` answers. */
export const MAX_HOLIDAY_RANGE_DAYS = 366;

export interface HolidayInput {
  date: string;
  name: string;
}

export interface UpsertHolidaysResult {
  created: number;
  updated: number;
  unchanged: number;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

function validateHolidays(inputs: readonly HolidayInput[]): HolidayInput[] {
  if (inputs.length < 1 || inputs.length > MAX_HOLIDAYS_PER_CALL) {
    throw new BadUserInputError(
      `holidays must hold 1 to ${MAX_HOLIDAYS_PER_CALL} holidays`,
      'holidays',
    );
  }
  const seen = new Set<string>();
  return inputs.map(({ date, name }, index) => {
    const refuse = (field: string, message: string) =>
      new BadUserInputError(`holidays[${index}]: ${message}`, `holidays[${index}].${field}`);
    if (!isLocalDate(date)) throw refuse('date', `date "${date}" is not a real YYYY-MM-DD date`);
    if (seen.has(date)) throw refuse('date', `date ${date} appears more than once`);
    seen.add(date);
    const trimmed = name.trim();
    if (trimmed.length === 0) throw refuse('name', 'name must not be empty');
    if (hasControlCharacter(trimmed))
      throw refuse('name', 'name must not contain control characters');
    if ([...trimmed].length > MAX_HOLIDAY_NAME_LENGTH) {
      throw refuse('name', `name must be at most ${MAX_HOLIDAY_NAME_LENGTH} characters`);
    }
    return { date, name: trimmed };
  });
}

/** The company calendar: public holidays, written by the automated process. */
export function createCalendarService(
  db: Kysely<Database>,
  { now = () => new Date() }: { now?: () => Date } = {},
) {
  return {
    /** The holidays between two dates (inclusive), at most a year apart. */
    async between(from: string, to: string): Promise<Holiday[]> {
      if (to < from) throw new BadUserInputError('to must not be before from', 'to');
      if (addDays(from, MAX_HOLIDAY_RANGE_DAYS) < to) {
        throw new BadUserInputError(
          `from and to must be at most ${MAX_HOLIDAY_RANGE_DAYS} days apart`,
          'to',
        );
      }
      const rows = await repo.findHolidayRows(db, from, to);
      return rows.map(({ date, name }) => ({ date, name }));
    },

    /** Stores holidays, all or none; counts what changed. */
    async upsert(inputs: readonly HolidayInput[]): Promise<UpsertHolidaysResult> {
      const holidays = validateHolidays(inputs);
      const updatedAt = now().toISOString();
      return writeTransaction(db, [], async (trx) => {
        const stored = new Map(
          (
            await repo.findHolidaysOn(
              trx,
              holidays.map((h) => h.date),
            )
          ).map((row) => [row.date, row.name]),
        );
        const changed = holidays.filter((h) => stored.get(h.date) !== h.name);
        await repo.upsertHolidayRows(
          trx,
          changed.map((h) => ({ ...h, updated_at: updatedAt })),
        );
        const created = changed.filter((h) => !stored.has(h.date)).length;
        return {
          created,
          updated: changed.length - created,
          unchanged: holidays.length - changed.length,
        };
      });
    },
  };
}
