import { isLocalDate, weekDates } from '../../core/dates';
import { MAX_PAGE_SIZE } from '../../core/api';
import { WEEK_ENTRIES } from '../api/documents';
import type { CliContext } from '../context';
import { EXIT, InputError, type ExitCode } from '../errors';
import { todayLocal } from '../format';
import { weekTable, type WeekEntry } from '../week-table';

/** The largest page `timesheets(first:)` takes (schema.graphql: 1 to 200). */

/** Every entry of the signed-in person from `from` to `to`, following the pages. */
async function fetchEntries(ctx: CliContext, from: string, to: string): Promise<WeekEntry[]> {
  const entries: WeekEntry[] = [];
  let after: string | null | undefined;
  do {
    const { timesheets } = await ctx.api.execute(WEEK_ENTRIES, {
      from,
      to,
      first: MAX_PAGE_SIZE,
      after,
    });
    entries.push(...timesheets.edges.map((edge) => edge.node));
    after = timesheets.pageInfo.hasNextPage ? timesheets.pageInfo.endCursor : undefined;
  } while (after);
  return entries;
}

/** Reads `--date`, or today on this computer's calendar. */
export function dateOption(ctx: CliContext, value: string | undefined): string {
  const date = value ?? todayLocal(ctx.now());
  if (!isLocalDate(date)) {
    throw new InputError(`--date must be a real calendar date (YYYY-MM-DD), got "${date}"`, 'date');
  }
  return date;
}

/** `week [--date YYYY-MM-DD]`: the week holding the date, as a table with daily and weekly totals. */
export async function week(ctx: CliContext, options: { date?: string }): Promise<ExitCode> {
  const dates = weekDates(dateOption(ctx, options.date));
  const entries = await fetchEntries(ctx, dates[0] ?? '', dates[6] ?? '');
  for (const line of weekTable(dates[0] ?? '', entries)) ctx.out(line);
  return EXIT.ok;
}
