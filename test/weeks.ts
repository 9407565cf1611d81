import type { Kysely } from 'kysely';
import { SCOPES, startOfWeek } from '../core';
import type { Database } from '../server/db/schema';
import type { TimesheetWeek } from '../server/weeks/week';
import { createWeekService } from '../server/weeks/week.service';
import type { TestApi } from './api';
import type { TestIssuer } from './issuer';

/**
 * The note tests submit with, so that a week short of its expected hours (8 h Monday to Friday by
 * default) can be submitted; a test of the note rule passes its own.
 */
export const TEST_WEEK_NOTE = 'submitted by the test';

export interface SubmitOptions {
  /** The clock of the submission: the week must not start after the current one. */
  now: () => Date;
  /** The owner's note; {@link TEST_WEEK_NOTE} unless given (null submits without one). */
  note?: string | null;
}

/**
 * Submits the owner's week that holds `date` (any day of it), at the version it has now, through
 * the service, as the owner does before a manager may decide on its entries.
 */
export async function submitWeekOf(
  db: Kysely<Database>,
  ownerId: string,
  date: string,
  { now, note = TEST_WEEK_NOTE }: SubmitOptions,
): Promise<TimesheetWeek> {
  const weeks = createWeekService(db, { now });
  const weekStart = startOfWeek(date);
  const { version } = await weeks.week(ownerId, weekStart);
  return weeks.submit(ownerId, weekStart, version, note);
}

/** Submits, each once, every person-week these entries fall in, through the service. */
export async function submitWeeksOf(
  db: Kysely<Database>,
  entries: readonly { userId: string; date: string }[],
  options: SubmitOptions,
): Promise<TimesheetWeek[]> {
  const weeks = new Map<string, { userId: string; date: string }>();
  for (const { userId, date } of entries) {
    weeks.set(`${userId} ${startOfWeek(date)}`, { userId, date });
  }
  const submitted: TimesheetWeek[] = [];
  for (const { userId, date } of weeks.values()) {
    submitted.push(await submitWeekOf(db, userId, date, options));
  }
  return submitted;
}

/** A person-week as the API answers it after a submission. */
export interface SubmittedWeek {
  weekStart: string;
  status: string;
  version: number;
}

/**
 * Submits the owner's week that holds `date` through the API, with a token of the owner holding
 * `read:timesheets` (to read the version) and `create:timesheets` (to submit), as the web app does.
 */
export async function submitWeekThroughApi(
  api: TestApi,
  issuer: Pick<TestIssuer, 'userToken'>,
  ownerId: string,
  date: string,
  note: string | null = TEST_WEEK_NOTE,
): Promise<SubmittedWeek> {
  const token = await issuer.userToken(ownerId, [SCOPES.read, SCOPES.create]);
  const weekStart = startOfWeek(date);
  const { week } = await api.ok<{ week: { version: number } }>(
    'query WeekVersion($weekStart: LocalDate!) { week(weekStart: $weekStart) { version } }',
    { weekStart },
    token,
  );
  const { submitWeek } = await api.ok<{ submitWeek: SubmittedWeek }>(
    `mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {
      submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {
        weekStart
        status
        version
      }
    }`,
    { weekStart, expectedVersion: week.version, note },
    token,
  );
  return submitWeek;
}
