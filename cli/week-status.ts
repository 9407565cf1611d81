import { endOfWeek, isShort } from '../core/work-week';
import { columns, formatHundredths, hundredthsOf, weekdayOf } from './format';
import { displayName } from '../core/people';
import type { CliWeekStatusQuery } from './gql/graphql';

/** The week as `status` reads it. */
export type WeekView = CliWeekStatusQuery['week'];

/** The week's hours in exact hundredths. */
export interface WeekHundredths {
  recorded: number;
  absent: number;
  expected: number;
}

/** The week's hours in exact hundredths, so that comparing them does not drift. */
export function hundredthsOfWeek(
  week: Pick<WeekView, 'recordedHours' | 'absenceHours' | 'expectedHours'>,
): WeekHundredths {
  return {
    recorded: hundredthsOf(week.recordedHours),
    absent: hundredthsOf(week.absenceHours),
    expected: hundredthsOf(week.expectedHours),
  };
}

/** Whether the week's recorded hours plus absences fall short of the expected hours. */
export const isShortWeek = (h: WeekHundredths) => isShort(h.recorded, h.absent, h.expected);

/** "32.00 of 40.00 h expected, 8.00 short (32.00 recorded, 0.00 absent)". */
export function hoursLine(h: WeekHundredths): string {
  const done = h.recorded + h.absent;
  const short = isShortWeek(h) ? `, ${formatHundredths(h.expected - done)} short` : '';
  return (
    `${formatHundredths(done)} of ${formatHundredths(h.expected)} h expected${short} ` +
    `(${formatHundredths(h.recorded)} recorded, ${formatHundredths(h.absent)} absent)`
  );
}

/** An instant of the API (ISO 8601) on this computer's clock: `YYYY-MM-DD HH:MM`. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

const day = (date: string) => `${weekdayOf(date)} ${date}`;

function decisionRows(week: WeekView): string[][] {
  if (week.decidedAt === null) return [];
  const label =
    week.status === 'APPROVED' ? 'Approved' : week.status === 'REJECTED' ? 'Rejected' : 'Decided';
  const by = week.decidedBy ? ` by ${displayName(week.decidedBy)}` : '';
  const rows = [[label, `${localTime(week.decidedAt)}${by}`]];
  if (week.reason !== null) rows.push(['Reason', week.reason]);
  return rows;
}

function periodRows(week: WeekView, closedThrough: string | null): string[][] {
  if (closedThrough === null || closedThrough < week.weekStart) return [];
  const what =
    closedThrough >= endOfWeek(week.weekStart)
      ? 'nothing in this week can change'
      : 'days up to it cannot change';
  return [['Period', `closed through ${closedThrough}: ${what}`]];
}

/** What the person can do next, when the week is theirs to submit. */
function nextRows(week: WeekView, h: WeekHundredths): string[][] {
  if (week.closed || (week.status !== 'OPEN' && week.status !== 'REJECTED')) return [];
  // A rejected week's entries count again once submitted: the API says then whether it is short.
  const note = week.status === 'OPEN' && isShortWeek(h) ? ' --note "…"' : '';
  return [['Next', `npm run cli -- submit ${week.weekStart}${note}`]];
}

/**
 * The week as lines: status and version, hours against expected hours, missing days, absences,
 * the submission and its note, the decision and its reason, the payroll period, and what to do.
 */
export function weekStatusLines(week: WeekView, closedThrough: string | null): string[] {
  const h = hundredthsOfWeek(week);
  const absences = week.absences.map(
    (a) => `${day(a.date)}  ${a.kind}  ${formatHundredths(hundredthsOf(a.hours))}`,
  );
  const rows: string[][] = [
    ['Hours', hoursLine(h)],
    ['Missing', week.missingDays.length > 0 ? week.missingDays.map(day).join(', ') : 'none'],
    ...(absences.length > 0 ? absences : ['none']).map((a, i) => [i === 0 ? 'Absences' : '', a]),
    ...(week.submittedAt !== null ? [['Submitted', localTime(week.submittedAt)]] : []),
    ...(week.note !== null ? [['Note', week.note]] : []),
    ...decisionRows(week),
    ...periodRows(week, closedThrough),
    ...nextRows(week, h),
  ];
  const title =
    `Week of ${week.weekStart} to ${endOfWeek(week.weekStart)}: ${week.status} ` +
    `(version ${week.version})`;
  return [title, '', ...columns(rows)];
}
