import { endOfWeek } from '../../core/work-week';
import { SUBMIT_WEEK, WEEK_STATUS } from '../api/documents';
import type { CliContext } from '../context';
import { CliError, ConflictError, EXIT, InputError, type ExitCode } from '../errors';
import { columns } from '../format';
import { weekStartOf } from '../week-argument';
import { hoursLine, hundredthsOfWeek, localTime, type WeekView } from '../week-status';

export interface SubmitOptions {
  /** `this`, `last` or a date of the week; default this week. */
  week?: string;
  /** Why the week is short; asked for at the terminal when the API requires one. */
  note?: string;
}

/** Why a CONFLICT refused the submission of `week`, most telling first. */
function conflictReason(error: ConflictError, week: WeekView): string {
  const weekOf = `the week of ${week.weekStart}`;
  const { closedThrough, weekStatus, currentVersion } = error.details;
  if (closedThrough !== undefined) {
    return `the payroll period is closed through ${closedThrough}, so ${weekOf} can no longer change`;
  }
  if (weekStatus === 'SUBMITTED') return `${weekOf} is already submitted and waits for a manager`;
  if (weekStatus === 'APPROVED') return `${weekOf} is approved, and an approved week is frozen`;
  if (currentVersion === undefined) return error.message;
  return (
    `${weekOf} changed while it was being submitted (version ${week.version}, now ` +
    `${currentVersion}): check it with \`npm run cli -- status ${week.weekStart}\` and submit again`
  );
}

/** The API's refusal of the submission, in the terms of this week. */
function explain(error: unknown, week: WeekView): unknown {
  if (error instanceof InputError) {
    const why = error.apiMessage ?? error.message;
    const hint = error.field === 'note' ? ' (--note "…")' : '';
    return new InputError(`Not submitted: ${why}${hint}`, error.field);
  }
  if (!(error instanceof ConflictError)) return error;
  return new CliError(`Not submitted: ${conflictReason(error, week)}`, EXIT.failed, {
    cause: error,
  });
}

/** Submits `week` at the version it was read at, with `note`. */
async function send(ctx: CliContext, week: WeekView, note: string | undefined) {
  const variables = { weekStart: week.weekStart, expectedVersion: week.version, note };
  return (await ctx.api.execute(SUBMIT_WEEK, variables)).submitWeek;
}

/**
 * Submits the week; when the API says it is short and needs a note (it decides, counting the
 * rejected entries that a submission makes pending again), asks for one at the terminal and
 * submits again at the same version: the refusal wrote nothing.
 */
async function submitWithNote(ctx: CliContext, week: WeekView, note: string | undefined) {
  try {
    return await send(ctx, week, note);
  } catch (error) {
    const needsNote = error instanceof InputError && error.field === 'note' && note === undefined;
    if (!needsNote) throw explain(error, week);
    const answer = await ctx.prompt(`${error.apiMessage ?? error.message}.\nNote: `);
    if (answer === undefined || answer.trim() === '') throw explain(error, week);
    return send(ctx, week, answer.trim()).catch((again: unknown) => {
      throw explain(again, week);
    });
  }
}

/**
 * `submit [week] [--note "…"]`: reads the week, then submits it at the version read, with a note
 * when it is short. Nothing is written when the API refuses (a stale version, a week already
 * submitted or approved, a closed period, a short week without a note).
 */
export async function submit(ctx: CliContext, options: SubmitOptions): Promise<ExitCode> {
  if (options.note !== undefined && options.note.trim() === '') {
    throw new InputError('--note must not be empty', 'note');
  }
  const weekStart = weekStartOf(options.week, ctx.now());
  const { week } = await ctx.api.execute(WEEK_STATUS, { weekStart });
  const submitted = await submitWithNote(ctx, week, options.note);
  ctx.out(
    `Submitted the week of ${weekStart} to ${endOfWeek(weekStart)} (version ` +
      `${submitted.version}): it now waits for a manager.`,
  );
  const rows = [['Hours', hoursLine(hundredthsOfWeek(submitted))]];
  if (submitted.submittedAt !== null) rows.push(['At', localTime(submitted.submittedAt)]);
  if (submitted.note !== null) rows.push(['Note', submitted.note]);
  for (const line of columns(rows)) ctx.out(line);
  return EXIT.ok;
}
