import { checkDailyTotal, checkKey, fromHundredths, startOfWeek, validateEntry } from '../../core';
import { isUniqueViolation } from '../db/errors';
import { writeTransaction } from '../db/transaction';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import { recordWeekChange, weekKey, writableWeek } from '../weeks/week-state';
import { ConflictError } from '../errors';
import type { CreateTimesheetInput, EntryWriter, Timesheet } from './timesheet';
import { badInput, validOrThrow, type ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { newRow, toTimesheet } from './timesheet-rows';
import type { NewTimesheetRow, TimesheetRow } from './timesheet.table';

/**
 * Validates and stores an entry under the lock of its owner's week; a repeated idempotency key
 * answers the first entry.
 */
export async function createEntry(
  { db, now }: ServiceContext,
  writer: EntryWriter,
  input: CreateTimesheetInput,
): Promise<Timesheet> {
  const at = now();
  const entry = validOrThrow(validateEntry(input, at));
  const key = input.idempotencyKey ?? null;
  const keyViolation = key === null ? null : checkKey('idempotencyKey', key);
  if (keyViolation) throw badInput(keyViolation);
  const row = newRow(writer, entry, at, { idempotency_key: key });
  try {
    const insert = (trx: ServiceContext['db']) => insertChecked(trx, writer.source, row);
    const week = { userId: row.user_id, weekStart: startOfWeek(row.date) };
    return toTimesheet(await writeTransaction(db, [weekKey(week)], insert, DATED_WRITE));
  } catch (error) {
    // A concurrent request with the same key committed first: answer with its entry.
    if (key === null || !isUniqueViolation(error)) throw error;
    const winner = await repo.findTimesheetByIdempotencyKey(db, writer.userId, key);
    if (!winner) throw error;
    return toTimesheet(replayOf(winner, row));
  }
}

/**
 * The entry first created with an idempotency key, when a request replays it. The same key with
 * other values is a client bug (the key was reused), answered CONFLICT rather than the old entry.
 */
function replayOf(stored: TimesheetRow, row: NewTimesheetRow): TimesheetRow {
  const same =
    stored.date === row.date &&
    stored.project === row.project &&
    stored.hundredths === row.hundredths &&
    stored.notes === (row.notes ?? null);
  if (same) return stored;
  throw new ConflictError(
    `idempotencyKey "${row.idempotency_key}" was already used for an entry with other values ` +
      `(${stored.date}, ${stored.project}, ${fromHundredths(stored.hundredths)} h); ` +
      'send a new key for a new entry',
    { extensions: { field: 'idempotencyKey' } },
  );
}

/**
 * Inside a write transaction holding the week's lock: idempotency lookup, the period and week
 * rules, daily total, insert, CREATED event, and the week's change.
 */
async function insertChecked(trx: ServiceContext['db'], actorId: string, row: NewTimesheetRow) {
  const key = row.idempotency_key;
  const existing = key ? await repo.findTimesheetByIdempotencyKey(trx, row.user_id, key) : null;
  if (existing) return replayOf(existing, row);
  const week = { userId: row.user_id, weekStart: startOfWeek(row.date) };
  await assertOpen(trx, [row.date]);
  const before = await writableWeek(trx, week);
  const total = await repo.sumDailyHundredths(trx, row.user_id, row.date);
  const violation = checkDailyTotal(total, row.hundredths, row.date);
  if (violation) throw badInput(violation);
  const [stored] = await repo.insertTimesheets(trx, [row]);
  if (!stored) throw new Error('insert returned no row');
  const changes = diffEntries(null, stored).filter((change) => change.field !== 'status');
  await eventRepo.insertEvents(trx, [
    newEvent(stored, actorId, 'CREATED', changes, stored.created_at),
  ]);
  await recordWeekChange(trx, week, before, {
    actorId,
    at: stored.created_at,
    action: 'ENTRY_CHANGED',
    entryId: stored.id,
    cause: `entry on ${stored.date} (${stored.project}) created`,
  });
  return stored;
}
