import { isLocalDate } from '../core/dates';
import { linesRefused, readCsvFile } from './csv';

/** The columns of a holidays file, in this order, as its header line. */
export const HOLIDAY_COLUMNS = ['date', 'name'] as const;

/** A public holiday of the file, with its line for messages. */
export interface HolidayRow {
  line: number;
  holiday: { date: string; name: string };
}

/** What is wrong with a line, or null; the API judges the rest of a name (length, characters). */
function problemOf(date: string, name: string, firstLine: number | undefined): string | null {
  if (!isLocalDate(date)) return `date "${date}" is not a real YYYY-MM-DD date`;
  if (name.trim() === '') return 'name must not be empty';
  return firstLine === undefined ? null : `the same date is already on line ${firstLine}`;
}

/**
 * Reads a holidays file ({@link HOLIDAY_COLUMNS}: a `YYYY-MM-DD` date and the holiday's name,
 * each date once). Because the API refuses a whole call for one bad holiday, a bad line refuses
 * the file before anything is sent, with one line per problem.
 */
export function parseHolidaysFile(bytes: Uint8Array): HolidayRow[] {
  const rows: HolidayRow[] = [];
  const problems: string[] = [];
  const lineOfDate = new Map<string, number>();
  for (const { line, values } of readCsvFile(bytes, HOLIDAY_COLUMNS)) {
    const [rawDate = '', name = ''] = values;
    const date = rawDate.trim();
    const problem = problemOf(date, name, lineOfDate.get(date));
    if (problem !== null) {
      problems.push(`line ${line}: ${problem}`);
      continue;
    }
    lineOfDate.set(date, line);
    rows.push({ line, holiday: { date, name: name.trim() } });
  }
  if (problems.length > 0) throw linesRefused(problems, "the calendar's rules");
  return rows;
}
