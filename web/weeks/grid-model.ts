/**
 * The week grid as data, with no React: projects down, Monday to Sunday across. Cells come from
 * the week's entries; what the person typed is kept as text per cell (a draft) until the week is
 * saved, and only the cells whose value changed go to `saveWeek`. All hours are in hundredths.
 */
import { datesOfWeek, HOURS_SCALE, MAX_HOURS_PER_DAY, toHundredths } from '../../core';

export interface GridEntry {
  id: string;
  date: string;
  project: string;
  hours: number;
}

export interface GridAbsence {
  id: string;
  date: string;
  hours: number;
}

/** One project on one day: what is saved there. */
export interface GridCell<E extends GridEntry = GridEntry> {
  key: string;
  project: string;
  date: string;
  entries: E[];
  /** The saved hundredths of the cell (every entry of it). */
  saved: number;
  /** More than one entry: the grid cannot tell which to change, so it opens them instead. */
  multiple: boolean;
}

export interface GridRow<E extends GridEntry = GridEntry> {
  project: string;
  cells: GridCell<E>[];
}

export interface Grid<E extends GridEntry = GridEntry> {
  weekStart: string;
  dates: string[];
  rows: GridRow<E>[];
}

/** Text typed per cell key; a cell that was not touched has none. */
export type Drafts = Readonly<Record<string, string>>;

/** The key of a cell: the project and the day. */
export function cellKey(project: string, date: string): string {
  return JSON.stringify([project, date]);
}

/**
 * The grid of a week: one row per project of the entries, then the added rows that are not
 * among them (in the order they were added); rows of entries by project name.
 */
export function buildGrid<E extends GridEntry>(
  weekStart: string,
  entries: readonly E[],
  addedProjects: readonly string[] = [],
): Grid<E> {
  const dates = datesOfWeek(weekStart);
  const byCell = new Map<string, E[]>();
  for (const entry of entries) {
    if (!dates.includes(entry.date)) continue;
    const key = cellKey(entry.project, entry.date);
    byCell.set(key, [...(byCell.get(key) ?? []), entry]);
  }
  const fromEntries = [...new Set(entries.map((entry) => entry.project))].sort((a, b) =>
    a.localeCompare(b),
  );
  const added = addedProjects.filter((project) => !fromEntries.includes(project));
  const rows = [...fromEntries, ...new Set(added)].map((project) => ({
    project,
    cells: dates.map((date) => {
      const key = cellKey(project, date);
      const cellEntries = byCell.get(key) ?? [];
      return {
        key,
        project,
        date,
        entries: cellEntries,
        saved: cellEntries.reduce((sum, entry) => sum + Math.round(entry.hours * HOURS_SCALE), 0),
        multiple: cellEntries.length > 1,
      };
    }),
  }));
  return { weekStart, dates, rows };
}

/** A cell's text as hundredths: empty is 0; null when it is not hours the API accepts. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d*\.?\d*$/.test(trimmed) || trimmed === '.') return null;
  const hundredths = toHundredths(Number(trimmed));
  if (hundredths === null || hundredths > MAX_HOURS_PER_DAY * HOURS_SCALE) return null;
  return hundredths;
}

/** Why a cell's text cannot be saved, in words; null when it can. */
export function hoursProblem(text: string): string | null {
  return parseHours(text) === null
    ? `Hours must be a number from 0 to ${MAX_HOURS_PER_DAY} with at most two decimals.`
    : null;
}

/** What a cell shows: its draft if typed, else its saved hours ('' for none). */
export function cellText(cell: GridCell, drafts: Drafts): string {
  const draft = drafts[cell.key];
  if (draft !== undefined) return draft;
  return cell.saved === 0 ? '' : String(cell.saved / HOURS_SCALE);
}

/** A cell's hundredths as shown: its draft when it is valid, else what is saved. */
export function cellValue(cell: GridCell, drafts: Drafts): number {
  const draft = drafts[cell.key];
  if (draft === undefined) return cell.saved;
  return parseHours(draft) ?? cell.saved;
}

/** One cell for `saveWeek`. */
export interface CellChange {
  date: string;
  project: string;
  hours: number;
}

/** What saving the drafts would send, and the cells that cannot be saved as typed. */
export interface PendingChanges {
  cells: CellChange[];
  invalid: string[];
}

/**
 * The drafts that differ from what is saved, as `saveWeek` cells (hours 0 clears a cell), and
 * the keys of drafts that are not valid hours. A cell with several entries is never sent.
 */
export function pendingChanges(grid: Grid, drafts: Drafts): PendingChanges {
  const cells: CellChange[] = [];
  const invalid: string[] = [];
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      const draft = drafts[cell.key];
      if (draft === undefined || cell.multiple) continue;
      const hundredths = parseHours(draft);
      if (hundredths === null) invalid.push(cell.key);
      else if (hundredths !== cell.saved) {
        cells.push({ date: cell.date, project: cell.project, hours: hundredths / HOURS_SCALE });
      }
    }
  }
  return { cells, invalid };
}

/** Totals of the grid as shown (drafts included), with absences in their own row. */
export interface GridTotals {
  /** Per project row, hundredths of the week. */
  rows: number[];
  /** Absences per day, hundredths. */
  absences: number[];
  /** Entries plus absences per day, hundredths. */
  days: number[];
  /** Entries plus absences of the week, hundredths. */
  week: number;
}

/** Sums the grid per row, per day and for the week, counting absences on their days. */
export function gridTotals(
  grid: Grid,
  drafts: Drafts,
  absences: readonly GridAbsence[] = [],
): GridTotals {
  const absenceDays = grid.dates.map((date) =>
    absences
      .filter((absence) => absence.date === date)
      .reduce((sum, absence) => sum + Math.round(absence.hours * HOURS_SCALE), 0),
  );
  const days = [...absenceDays];
  const rows = grid.rows.map((row) =>
    row.cells.reduce((sum, cell, day) => {
      const value = cellValue(cell, drafts);
      days[day] = (days[day] ?? 0) + value;
      return sum + value;
    }, 0),
  );
  return { rows, absences: absenceDays, days, week: days.reduce((a, b) => a + b, 0) };
}

/** The projects of another week's entries, to add as rows ("Copy last week's rows"). */
export function projectsOf(entries: readonly { project: string }[]): string[] {
  return [...new Set(entries.map((entry) => entry.project))].sort((a, b) => a.localeCompare(b));
}

/** Where a key press in the grid moves the focus, as [row, column]; null when it stays. */
export function moveInGrid(
  key: string,
  at: readonly [number, number],
  size: readonly [number, number],
): [number, number] | null {
  const [row, column] = at;
  const [rows, columns] = size;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [row - 1, column],
    ArrowDown: [row + 1, column],
    ArrowLeft: [row, column - 1],
    ArrowRight: [row, column + 1],
    Enter: [row + 1, column],
  };
  const next = moves[key];
  if (!next) return null;
  const [r, c] = next;
  return r >= 0 && r < rows && c >= 0 && c < columns ? next : null;
}
