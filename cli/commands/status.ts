import { WEEK_STATUS } from '../api/documents';
import type { CliContext } from '../context';
import { EXIT, type ExitCode } from '../errors';
import { weekStartOf } from '../week-argument';
import { weekStatusLines } from '../week-status';

/**
 * `status [week]`: where the signed-in person's week is in its cycle (status, version), its
 * hours against expected hours, missing days, absences, the note, and who decided and why.
 */
export async function status(ctx: CliContext, options: { week?: string }): Promise<ExitCode> {
  const weekStart = weekStartOf(options.week, ctx.now());
  const { week, period } = await ctx.api.execute(WEEK_STATUS, { weekStart });
  for (const line of weekStatusLines(week, period.closedThrough)) ctx.out(line);
  return EXIT.ok;
}
