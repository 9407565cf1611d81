import { HOURS_SCALE, toHundredths } from '../core/timesheet-rules';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Today's date on this computer's calendar (not UTC), as `YYYY-MM-DD`. */
export { localDateOf as todayLocal } from '../core/dates';

/** The short weekday name of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/** Hours as exact hundredths, so that totals do not drift (0.1 + 0.2). */
export function hundredthsOf(hours: number): number {
  return toHundredths(hours) ?? Math.round(hours * HOURS_SCALE);
}

/** Hundredths of an hour with two decimals, as entries are kept (750 → "7.50"). */
export function formatHundredths(hundredths: number): string {
  return (hundredths / HOURS_SCALE).toFixed(2);
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Lays out rows as left-aligned columns, with the columns listed in `right` right-aligned. */
export function columns(
  rows: readonly string[][],
  right: ReadonlySet<number> = new Set(),
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
