import type { Viewer } from '../reach/reach';
import type { ServiceContext } from '../timesheets/timesheet-checks';
import * as entryRepo from '../timesheets/timesheet.repository';
import { toTimesheet } from '../timesheets/timesheet-rows';
import type { Timesheet } from '../timesheets/timesheet';
import { deleteAbsence, recordAbsence } from './absences';
import { absenceOf, loadWeek } from './read-week';
import { saveWeek, type WeekCellInput } from './save-week';
import { submitWeek, withdrawWeek } from './submit-week';
import { teamWeeks, type TeamWeeksArgs } from './team-weeks';
import type { Absence, AbsenceKind, WeekEvent } from './week';
import { checkWeekStart } from './week-checks';
import { versionOf } from './week-state';
import * as repo from './week.repository';
import type { WeekKey } from './week.repository';

/** The service the resolvers call; see {@link createWeekService}. */
export type WeekService = ReturnType<typeof createWeekService>;

/** The loader key of a week the service handed out. */
export const weekLoaderKey = (week: { ownerId: string; weekStart: string }) =>
  repo.weekId({ userId: week.ownerId, weekStart: week.weekStart });
const parseKey = (key: string): WeekKey => ({
  weekStart: key.slice(0, 10),
  userId: key.slice(11),
});

/** Groups rows by person-week, in the order of `keys`. */
function byWeek<R extends { user_id: string; week_start: string }, T>(
  keys: readonly string[],
  rows: readonly R[],
  map: (row: R) => T,
): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    groups.get(repo.weekId({ userId: row.user_id, weekStart: row.week_start }))?.push(map(row));
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Creates the weekly cycle's service: each use case in a file named for it (read-week,
 * team-weeks, submit-week, save-week, absences); decisions on weeks are in the timesheets
 * service (decide-entries), closing the period in the period service.
 */
export function createWeekService(db: ServiceContext['db'], options: { now?: () => Date } = {}) {
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()) };
  return {
    /** The owner's week with its completeness. */
    week: (ownerId: string, weekStart: string) => {
      checkWeekStart(weekStart);
      return loadWeek(db, { userId: ownerId, weekStart }, ctx.now());
    },
    /** One week of the people the viewer may decide on, people with nothing recorded included. */
    teamWeeks: (viewer: Viewer, args: TeamWeeksArgs) => teamWeeks(ctx, viewer, args),
    submit: (ownerId: string, weekStart: string, version: number, note?: string | null) =>
      submitWeek(ctx, ownerId, weekStart, version, note),
    withdraw: (ownerId: string, weekStart: string, version: number) =>
      withdrawWeek(ctx, ownerId, weekStart, version),
    save: (
      ownerId: string,
      weekStart: string,
      version: number,
      cells: readonly WeekCellInput[],
      mayDelete: boolean,
    ) => saveWeek(ctx, ownerId, weekStart, version, cells, mayDelete),
    recordAbsence: (ownerId: string, input: { date: string; kind: AbsenceKind; hours: number }) =>
      recordAbsence(ctx, ownerId, input),
    deleteAbsence: (ownerId: string, id: string) => deleteAbsence(ctx, ownerId, id),

    /** The entries of person-weeks (already authorised), by loader key. */
    async entriesOf(keys: readonly string[]): Promise<Timesheet[][]> {
      const weeks = keys.map(parseKey);
      const rows = await entryRepo.findEntriesOfWeeks(db, null, weeks);
      return byWeek(keys, rows, toTimesheet);
    },
    /** The absences of person-weeks, by loader key. */
    async absencesOf(keys: readonly string[]): Promise<Absence[][]> {
      const rows = await repo.findAbsencesOfWeeks(db, keys.map(parseKey));
      return byWeek(keys, rows, absenceOf);
    },
    /** The versions of person-weeks (0 for a week with nothing stored), by loader key. */
    async versionsOf(keys: readonly string[]): Promise<number[]> {
      const rows = await repo.findWeekRows(db, keys.map(parseKey));
      return byWeek(keys, rows, versionOf).map((versions) => versions[0] ?? 0);
    },
    /** The histories of person-weeks, oldest first, by loader key. */
    async historiesOf(keys: readonly string[]): Promise<WeekEvent[][]> {
      const rows = await repo.findWeekEvents(db, keys.map(parseKey));
      return byWeek(keys, rows, (row) => ({
        at: new Date(row.at),
        actorId: row.actor_id,
        action: row.action,
        status: row.status,
        version: row.version,
        reason: row.reason,
        note: row.note,
        entryId: row.entry_id,
      }));
    },
  };
}
