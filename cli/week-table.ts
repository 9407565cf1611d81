import { weekDates } from '../core/dates';
import { columns, formatHundredths, hundredthsOf, truncate, weekdayOf } from './format';

/** An entry as the week view shows it. */
export interface WeekEntry {
  date: string;
  project: string;
  hours: number;
  notes?: string | null;
  status: string;
}

const NOTES_WIDTH = 40;
const HEADER = ['Day', 'Date', 'Project', 'Hours', 'Status', 'Notes'];
const HOURS_COLUMN = new Set([3]);

function dayRows(date: string, entries: readonly WeekEntry[]): { rows: string[][]; total: number } {
  const day = entries
    .filter((e) => e.date === date)
    .sort((a, b) => a.project.localeCompare(b.project));
  const total = day.reduce((sum, e) => sum + hundredthsOf(e.hours), 0);
  const label = [weekdayOf(date), date];
  if (day.length === 0) return { rows: [[...label, '-', formatHundredths(0)]], total };
  const rows = day.map((e, i) => [
    ...(i === 0 ? label : ['', '']),
    e.project,
    formatHundredths(hundredthsOf(e.hours)),
    e.status,
    truncate(e.notes ?? '', NOTES_WIDTH),
  ]);
  if (day.length > 1) rows.push(['', '', 'day total', formatHundredths(total)]);
  return { rows, total };
}

/**
 * The week (Monday to Sunday, core's week math) that holds `date` as table lines: each day's
 * entries, a day total where a day has several, and the week's total in exact hundredths.
 */
export function weekTable(date: string, entries: readonly WeekEntry[]): string[] {
  const dates = weekDates(date);
  const rows: string[][] = [HEADER];
  let week = 0;
  for (const day of dates) {
    const { rows: lines, total } = dayRows(day, entries);
    rows.push(...lines);
    week += total;
  }
  rows.push(['', '', 'Week total', formatHundredths(week)]);
  const title = `Week of ${dates[0]} to ${dates[6]}`;
  return [title, '', ...columns(rows, HOURS_COLUMN)];
}
