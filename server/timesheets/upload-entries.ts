import type { Kysely } from 'kysely';
import {
  checkDailyTotal,
  checkKey,
  checkPersonId,
  MAX_UPLOAD_ENTRIES,
  validateEntry,
} from '../../core';
import type { RuleViolation } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { DATED_WRITE } from '../period/period-lock';
import { findClosedThrough } from '../period/period.repository';
import * as weekRepo from '../weeks/week.repository';
import { recordWeekChange, weekKey } from '../weeks/week-state';
import type { WeekRow } from '../weeks/week.table';
import { BadUserInputError } from '../errors';
import type { UploadEntryResult, UploadResult, UploadTimesheetInput } from './timesheet';
import type { ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { dayKey, newRow, toTimesheet } from './timesheet-rows';
import type { NewTimesheetRow, TimesheetRow } from './timesheet.table';

/** An upload entry after the checks that need no database: the row to store, or why not. */
interface CheckedUpload {
  index: number;
  externalId: string;
  row: NewTimesheetRow | null;
  field: string | null;
  reason: string | null;
}
type Check = Pick<CheckedUpload, 'row' | 'field' | 'reason'>;

const refuse = (field: string, reason: string): Check => ({ row: null, field, reason });

function checkUploadEntry(
  clientId: string,
  entry: UploadTimesheetInput,
  now: Date,
  seen: Set<string>,
): Check {
  const { externalId, userId } = entry;
  const keyViolation = checkKey('externalId', externalId);
  if (keyViolation) return refuse(keyViolation.field, keyViolation.message);
  if (seen.has(externalId)) {
    return refuse('externalId', `externalId ${externalId} appears more than once in this upload`);
  }
  seen.add(externalId);
  const userIdProblem = checkPersonId(userId);
  if (userIdProblem) return refuse('userId', `userId ${userIdProblem}`);
  const validation = validateEntry(entry, now);
  if (!validation.ok) {
    const [{ field, message }] = validation.violations as [RuleViolation];
    return refuse(field, message);
  }
  const writer = { userId, source: clientId };
  const row = newRow(writer, validation.value, now, { external_id: externalId });
  return { row, field: null, reason: null };
}

function checkUpload(
  clientId: string,
  entries: UploadTimesheetInput[],
  now: Date,
): CheckedUpload[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => ({
    index,
    externalId: entry.externalId,
    ...checkUploadEntry(clientId, entry, now, seen),
  }));
}

function sameValues(stored: TimesheetRow, row: NewTimesheetRow): boolean {
  return (
    stored.user_id === row.user_id &&
    stored.date === row.date &&
    stored.project === row.project &&
    stored.hundredths === row.hundredths &&
    stored.notes === (row.notes ?? null)
  );
}

/** What the batch's lines are judged against besides the stored entries. */
interface UploadState {
  dayTotals: Map<string, number>;
  closedThrough: string | null;
  weeks: Map<string, WeekRow>;
}

/**
 * Judges one checked entry against the stored ones, the period, its week and the batch's day
 * totals so far. A line aimed at a closed period or an approved week is refused on its own.
 */
async function judgeUploadEntry(
  trx: Kysely<Database>,
  { index, externalId, row, field, reason }: CheckedUpload,
  stored: TimesheetRow | undefined,
  { dayTotals, closedThrough, weeks }: UploadState,
): Promise<UploadEntryResult> {
  const base = { index, externalId, timesheet: null, field: null, reason: null };
  if (!row) return { ...base, status: 'REJECTED', field, reason };
  if (stored && sameValues(stored, row)) {
    return { ...base, status: 'UNCHANGED', timesheet: toTimesheet(stored) };
  }
  if (stored) {
    const used = `externalId ${externalId} was already used with other values`;
    return { ...base, status: 'REJECTED', field: 'externalId', reason: used };
  }
  if (closedThrough !== null && row.date <= closedThrough) {
    const closed = `${row.date} is in a closed period: nothing on or before ${closedThrough} can change`;
    return { ...base, status: 'REJECTED', field: 'date', reason: closed };
  }
  if (
    weeks.get(weekKey({ userId: row.user_id, weekStart: row.week_start }))?.status === 'APPROVED'
  ) {
    const frozen = `the week of ${row.week_start} of ${row.user_id} is APPROVED: an approved week is frozen`;
    return { ...base, status: 'REJECTED', field: 'date', reason: frozen };
  }
  const day = dayKey(row.user_id, row.date);
  const total = dayTotals.get(day) ?? (await repo.sumDailyHundredths(trx, row.user_id, row.date));
  const violation = checkDailyTotal(total, row.hundredths, row.date);
  if (violation) {
    dayTotals.set(day, total);
    return { ...base, status: 'REJECTED', field: violation.field, reason: violation.message };
  }
  dayTotals.set(day, total + row.hundredths);
  return { ...base, status: 'CREATED' };
}

/** Judges every entry of a batch and inserts the good ones, in the caller's transaction. */
async function storeUpload(
  trx: Kysely<Database>,
  clientId: string,
  checked: CheckedUpload[],
  rows: NewTimesheetRow[],
): Promise<UploadEntryResult[]> {
  const externalIds = rows.map((row) => row.external_id as string);
  const storedRows = await repo.findTimesheetsByExternalIds(trx, clientId, externalIds);
  const stored = new Map(storedRows.map((row) => [row.external_id, row]));
  const weekKeys = weeksOf(rows);
  const weekRows = await weekRepo.findWeekRows(trx, weekKeys);
  const state: UploadState = {
    dayTotals: new Map<string, number>(),
    closedThrough: await findClosedThrough(trx),
    weeks: new Map(
      weekRows.map((week) => [weekKey({ userId: week.user_id, weekStart: week.week_start }), week]),
    ),
  };
  const results: UploadEntryResult[] = [];
  const created: [UploadEntryResult, NewTimesheetRow][] = [];
  for (const entry of checked) {
    const outcome = await judgeUploadEntry(trx, entry, stored.get(entry.externalId), state);
    results.push(outcome);
    if (outcome.status === 'CREATED' && entry.row) created.push([outcome, entry.row]);
  }
  const inserted = await repo.insertTimesheets(
    trx,
    created.map(([, row]) => row),
  );
  await eventRepo.insertEvents(
    trx,
    inserted.map((row) => {
      const changes = diffEntries(null, row).filter((change) => change.field !== 'status');
      return newEvent(row, clientId, 'UPLOADED', changes, row.created_at);
    }),
  );
  const written = new Map<string, TimesheetRow[]>();
  for (const row of inserted) {
    const key = weekKey({ userId: row.user_id, weekStart: row.week_start });
    written.set(key, [...(written.get(key) ?? []), row]);
  }
  for (const [key, [first, ...rest]] of written) {
    if (!first) continue;
    const week = { userId: first.user_id, weekStart: first.week_start };
    const count = rest.length + 1;
    await recordWeekChange(trx, week, state.weeks.get(key), {
      actorId: clientId,
      at: first.created_at,
      action: 'ENTRY_CHANGED',
      entryId: first.id,
      cause: `${count} ${count === 1 ? 'entry' : 'entries'} uploaded by ${clientId}`,
    });
  }
  const byId = new Map(inserted.map((row) => [row.id, toTimesheet(row)]));
  for (const [outcome, row] of created) outcome.timesheet = byId.get(row.id) ?? null;
  return results;
}

/** The distinct person-weeks of some rows. */
function weeksOf(rows: readonly Pick<NewTimesheetRow, 'user_id' | 'week_start'>[]) {
  const keys = new Map<string, weekRepo.WeekKey>();
  for (const row of rows) {
    const key = { userId: row.user_id, weekStart: row.week_start };
    keys.set(weekKey(key), key);
  }
  return [...keys.values()];
}

function summarize(results: UploadEntryResult[]): UploadResult {
  const count = (status: UploadEntryResult['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    created: count('CREATED'),
    unchanged: count('UNCHANGED'),
    rejected: count('REJECTED'),
    results,
  };
}

/** Judges and stores a batch from an automated process, in one transaction (run again on a race). */
export async function uploadEntries(
  { db, now }: ServiceContext,
  clientId: string,
  entries: UploadTimesheetInput[],
): Promise<UploadResult> {
  if (entries.length < 1 || entries.length > MAX_UPLOAD_ENTRIES) {
    throw new BadUserInputError(`entries must hold 1 to ${MAX_UPLOAD_ENTRIES} entries`, 'entries');
  }
  const checked = checkUpload(clientId, entries, now());
  const rows = checked.flatMap((entry) => (entry.row ? [entry.row] : []));
  const weeks = weeksOf(rows).map(weekKey);
  const store = (trx: Kysely<Database>) => storeUpload(trx, clientId, checked, rows);
  // A concurrent upload of the same externalIds may win: run again, they are then UNCHANGED.
  const options = { ...DATED_WRITE, retryOnUniqueViolation: true };
  return summarize(await writeTransaction(db, weeks, store, options));
}
