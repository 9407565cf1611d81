import { fromHundredths, localDateOf } from '../../core';

/** Today's date where the person is (not UTC), as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  return localDateOf(now);
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const LONG_DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const WEEKDAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const RANGE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Mon 23 Nov" */
export function formatDay(date: string): string {
  return DAY_FORMAT.format(utcDate(date));
}

/** "Monday 23 November 2026" */
export function formatLongDay(date: string): string {
  return LONG_DAY_FORMAT.format(utcDate(date));
}

/** "Mon" */
export function formatWeekday(date: string): string {
  return WEEKDAY_FORMAT.format(utcDate(date));
}

/** "23 Nov 2026 – 29 Nov 2026" */
export function formatRange(from: string, to: string): string {
  return RANGE_FORMAT.formatRange(utcDate(from), utcDate(to));
}

/** Hours for people: hundredths 750 → "7.5". */
export function formatHundredths(hundredths: number): string {
  return String(fromHundredths(hundredths));
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant where the person is: "25 Nov 2026, 14:05". */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : DATE_TIME_FORMAT.format(date);
}
