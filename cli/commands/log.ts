import { randomUUID } from 'node:crypto';
import { fromHundredths, validateEntry, type ValidEntry } from '../../core/timesheet-rules';
import { LOG_TIME } from '../api/documents';
import type { CliContext } from '../context';
import { EXIT, InputError, type ExitCode } from '../errors';
import { formatHundredths, hundredthsOf, todayLocal, weekdayOf } from '../format';

export interface LogOptions {
  hours: string;
  project: string;
  date?: string;
  notes?: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Reads the hours as typed ("7.5"); anything but a plain decimal number is refused. */
function parseHours(text: string): number {
  if (!DECIMAL.test(text.trim())) {
    throw new InputError(`hours must be a number such as 7.5, got "${text}"`, 'hours');
  }
  return Number(text);
}

/** The entry checked against core's rules, the same the API applies; nothing is sent if broken. */
export function checkEntry(ctx: CliContext, options: LogOptions): ValidEntry {
  const result = validateEntry(
    {
      date: options.date ?? todayLocal(ctx.now()),
      project: options.project,
      hours: parseHours(options.hours),
      notes: options.notes,
    },
    ctx.now(),
  );
  if (result.ok) return result.value;
  const [first] = result.violations;
  const all = result.violations.map((v) => v.message).join('; ');
  throw new InputError(`Not sent: ${all}`, first?.field);
}

/** `log <hours> <project> [--date] [--notes]`: logs time once, even if the request is resent. */
export async function log(ctx: CliContext, options: LogOptions): Promise<ExitCode> {
  const entry = checkEntry(ctx, options);
  const { createTimesheet: created } = await ctx.api.execute(LOG_TIME, {
    input: {
      date: entry.date,
      project: entry.project,
      hours: fromHundredths(entry.hundredths),
      notes: entry.notes,
      idempotencyKey: randomUUID(),
    },
  });
  const hours = formatHundredths(hundredthsOf(created.hours));
  ctx.out(
    `Logged ${hours} h on ${created.project}, ${weekdayOf(created.date)} ${created.date} ` +
      `(${created.status}, id ${created.id})`,
  );
  if (created.notes) ctx.out(`Notes: ${created.notes}`);
  return EXIT.ok;
}
