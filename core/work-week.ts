/**
 * The weekly cycle's arithmetic, shared by the API and its clients: what a person is expected to
 * work in a week (their schedule over the days they are employed, less public holidays), and which
 * working days have nothing recorded. Hours are in hundredths, as everywhere else. Pure: no clock.
 */
import { addDays, isLocalDate, startOfWeek } from './dates';
import { hasControlCharacterInText } from './text';
import { HOURS_SCALE, MAX_HOURS_PER_DAY, toHundredths } from './timesheet-rules';

/** Days in a week, Monday first. */
export const DAYS_PER_WEEK = 7;

/** How many holidays one `upsertHolidays` call may carry. */
export const MAX_HOLIDAYS_PER_CALL = 500;

/** The company default: 8 hours Monday to Friday, in hours. */
export const DEFAULT_SCHEDULE: readonly number[] = [8, 8, 8, 8, 8, 0, 0];

/** What decides a person's expected hours; null fields take the defaults. */
export interface WorkTerms {
  /** Hours per weekday, Monday first (7 values); null: {@link DEFAULT_SCHEDULE}. */
  schedule: readonly number[] | null;
  /** First day of employment, inclusive; null: not known (employed). */
  employedFrom: string | null;
  /** Last day of employment, inclusive; null: still employed. */
  employedUntil: string | null;
}

/** One day of a week with the hundredths expected on it. */
export interface ExpectedDay {
  date: string;
  hundredths: number;
}

/** Whether `weekStart` is a real date and a Monday. */
export function isWeekStart(weekStart: string): boolean {
  return isLocalDate(weekStart) && startOfWeek(weekStart) === weekStart;
}

/** The seven dates of the week starting on the Monday `weekStart`. */
export function datesOfWeek(weekStart: string): string[] {
  return Array.from({ length: DAYS_PER_WEEK }, (_, i) => addDays(weekStart, i));
}

/** The Sunday that ends the week starting on `weekStart`. */
export function endOfWeek(weekStart: string): string {
  return addDays(weekStart, DAYS_PER_WEEK - 1);
}

/** Whether the person is employed on `date`. */
export function isEmployedOn(terms: WorkTerms, date: string): boolean {
  return (
    (terms.employedFrom === null || terms.employedFrom <= date) &&
    (terms.employedUntil === null || date <= terms.employedUntil)
  );
}

/** Whether the person is employed on at least one day of the week starting on `weekStart`. */
export function isEmployedDuring(terms: WorkTerms, weekStart: string): boolean {
  return (
    (terms.employedFrom === null || terms.employedFrom <= endOfWeek(weekStart)) &&
    (terms.employedUntil === null || weekStart <= terms.employedUntil)
  );
}

/**
 * Each day of the week with its expected hundredths: the schedule's hours on days the person is
 * employed (a week partly outside employment is prorated by day), 0 on public holidays.
 */
export function expectedDays(
  weekStart: string,
  terms: WorkTerms,
  holidays: ReadonlySet<string>,
): ExpectedDay[] {
  const schedule = terms.schedule ?? DEFAULT_SCHEDULE;
  return datesOfWeek(weekStart).map((date, i) => ({
    date,
    hundredths:
      isEmployedOn(terms, date) && !holidays.has(date)
        ? Math.round((schedule[i] ?? 0) * HOURS_SCALE)
        : 0,
  }));
}

/** The week's expected hundredths; see {@link expectedDays}. */
export function expectedHundredths(
  weekStart: string,
  terms: WorkTerms,
  holidays: ReadonlySet<string>,
): number {
  return expectedDays(weekStart, terms, holidays).reduce((sum, day) => sum + day.hundredths, 0);
}

/**
 * The working days (expected hours above 0) up to `today` inclusive with nothing recorded: no
 * entry and no absence. Days after `today` are not missing yet.
 */
export function missingDays(
  days: readonly ExpectedDay[],
  recorded: ReadonlySet<string>,
  today: string,
): string[] {
  return days
    .filter((day) => day.hundredths > 0 && day.date <= today && !recorded.has(day.date))
    .map((day) => day.date);
}

/**
 * Whether a submission needs a note: the recorded hours plus absences fall short of the expected
 * hours (all in hundredths).
 */
export function isShort(recorded: number, absences: number, expected: number): boolean {
  return recorded + absences < expected;
}

/** Checks a schedule: exactly 7 values, each 0 to 24 with at most two decimals. */
export function checkSchedule(schedule: readonly number[]): string | null {
  if (schedule.length !== DAYS_PER_WEEK) {
    return `schedule must hold ${DAYS_PER_WEEK} values (Monday first), got ${schedule.length}`;
  }
  const bad = schedule.findIndex(
    (hours) =>
      !Number.isFinite(hours) ||
      hours < 0 ||
      hours > MAX_HOURS_PER_DAY ||
      toHundredths(hours) === null,
  );
  return bad === -1
    ? null
    : `schedule value ${bad + 1} must be 0 to ${MAX_HOURS_PER_DAY} hours with at most two decimals`;
}

/** The longest note with a submission, in characters. */
export const MAX_WEEK_NOTE_LENGTH = 1000;

/** Checks the owner's note with a submission; answers a sentence, or null when it is fine. */
export function checkWeekNote(note: string): string | null {
  if (hasControlCharacterInText(note)) {
    return 'note must not contain control characters other than tabs and line breaks';
  }
  return [...note].length > MAX_WEEK_NOTE_LENGTH
    ? `note must be at most ${MAX_WEEK_NOTE_LENGTH} characters`
    : null;
}

/** How far ahead an absence may be declared (leave is planned). */
export const MAX_ABSENCE_DAYS_AHEAD = 366;

/** Checks an absence's day and hours; answers the field at fault and why, or null. */
export function checkAbsence(
  date: string,
  hours: number,
  today: string,
): { field: 'date' | 'hours'; message: string } | null {
  if (!isLocalDate(date)) {
    return { field: 'date', message: `date "${date}" is not a real YYYY-MM-DD date` };
  }
  if (date > addDays(today, MAX_ABSENCE_DAYS_AHEAD)) {
    return {
      field: 'date',
      message: `date must be at most ${MAX_ABSENCE_DAYS_AHEAD} days ahead`,
    };
  }
  const hundredths = Number.isFinite(hours) ? toHundredths(hours) : null;
  if (hundredths === null || hundredths <= 0 || hundredths > MAX_HOURS_PER_DAY * HOURS_SCALE) {
    return {
      field: 'hours',
      message: `hours must be more than 0 and at most ${MAX_HOURS_PER_DAY}, with at most two decimals`,
    };
  }
  return null;
}
