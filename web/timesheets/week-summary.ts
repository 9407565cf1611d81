import { HOURS_SCALE, weekDates } from '../../core';

export interface WeekEntry {
  date: string;
  project: string;
  hours: number;
}

export interface ProjectRow {
  project: string;
  /** Hundredths of an hour per day, Monday to Sunday. */
  days: number[];
  total: number;
}

/** A week as a grid: one row per project, one column per day, all in hundredths of an hour. */
export interface WeekSummary {
  dates: string[];
  rows: ProjectRow[];
  dayTotals: number[];
  total: number;
}

/** Sums entries into the Monday–Sunday grid of the week that holds `anyDate`. */
export function summarizeWeek(anyDate: string, entries: readonly WeekEntry[]): WeekSummary {
  const dates = weekDates(anyDate);
  const byProject = new Map<string, number[]>();
  const dayTotals: number[] = dates.map(() => 0);
  for (const entry of entries) {
    const day = dates.indexOf(entry.date);
    if (day < 0) continue;
    const hundredths = Math.round(entry.hours * HOURS_SCALE);
    const row = byProject.get(entry.project) ?? dates.map(() => 0);
    row[day] = (row[day] ?? 0) + hundredths;
    byProject.set(entry.project, row);
    dayTotals[day] = (dayTotals[day] ?? 0) + hundredths;
  }
  const rows = [...byProject.entries()]
    .map(([project, days]) => ({ project, days, total: days.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => a.project.localeCompare(b.project));
  return { dates, rows, dayTotals, total: dayTotals.reduce((a, b) => a + b, 0) };
}
