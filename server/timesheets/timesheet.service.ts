import { validate as isUuid } from 'uuid';
import { checkDailyTotal, checkKey, fromHundredths, isLocalDate, validateEntry } from '../../core';
import { isUniqueViolation } from '../db/errors';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import type {
  CreateTimesheetInput,
  EntryWriter,
  OwnPageArgs,
  PageArgs,
  Timesheet,
  TimesheetEvent,
  TimesheetPage,
  TimesheetStatus,
  TimesheetTotals,
  UpdateTimesheetInput,
  UploadTimesheetInput,
} from './timesheet';
import type { Viewer } from '../reach/reach';
import { approvalFilter, listApprovalWeeks, reachesOwnerOf } from './timesheet-approvals';
import type { ApprovalWeekArgs } from './timesheet-approvals';
import {
  badInput,
  checkFirst,
  lockedConflict,
  notFound,
  validOrThrow,
  type ServiceContext,
} from './timesheet-checks';
import { decideEntry, decideWeek, rejection } from './timesheet-decide';
import { editEntry } from './timesheet-edit';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent, toEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { dayKey, newRow, toTimesheet } from './timesheet-rows';
import { uploadEntries } from './timesheet-upload';
import type { NewTimesheetRow, TimesheetRow } from './timesheet.table';

export interface TimesheetServiceOptions {
  now?: () => Date;
}

/** The service the resolvers call; see {@link createTimesheetService}. */
export type TimesheetService = ReturnType<typeof createTimesheetService>;

/** Creates the timesheets service over a database; `now` is the clock (frozen in tests). */
export function createTimesheetService(
  db: ServiceContext['db'],
  options: TimesheetServiceOptions = {},
) {
  const ctx: ServiceContext = { db, now: options.now ?? (() => new Date()) };
  return {
    /** The owner's entries, newest date first (ties by id, newest first). */
    listOwn: (ownerId: string, args: OwnPageArgs) => listOwn(ctx, ownerId, args),
    /** Entries in one status of the people the viewer approves for, newest date first. */
    listForApproval: (viewer: Viewer, status: TimesheetStatus, args: PageArgs) =>
      loadPage(ctx, approvalFilter(viewer, status), args),
    /** Person-weeks in one status of the people the viewer approves for. */
    listApprovalWeeks: (viewer: Viewer, args: ApprovalWeekArgs) =>
      listApprovalWeeks(ctx, viewer, args),
    /** An entry the viewer may see (their own, or one of people they approve for); else null. */
    findVisible: (viewer: Viewer, id: string) => findVisible(ctx, viewer, id),
    /** The history of an entry the viewer may see, deleted ones included. */
    history: (viewer: Viewer, id: string) => history(ctx, viewer, id),
    /** The histories of entries, by entry id (for a page of entries already authorised). */
    historiesOf: (ids: readonly string[]) => historiesOf(ctx, ids),
    /** The owner's projects, most recently used first. */
    listProjects: (ownerId: string, first: number) => listProjects(ctx, ownerId, first),
    /** Validates and stores an entry; a repeated idempotency key returns the first entry. */
    create: (writer: EntryWriter, input: CreateTimesheetInput) => create(ctx, writer, input),
    /** Changes an owner's entry at the version they read; see {@link editEntry}. */
    update: (ownerId: string, id: string, version: number, input: UpdateTimesheetInput) =>
      editEntry(ctx, ownerId, id, version, input),
    /** Deletes one of the owner's entries unless it is approved; answers its id. */
    delete: (ownerId: string, id: string) => deleteOwn(ctx, ownerId, id),
    /** Approves a pending entry of someone the viewer approves for. */
    approve: (viewer: Viewer, id: string, version?: number | null) =>
      decideEntry(ctx, viewer, id, { status: 'APPROVED' }, version),
    /** Rejects a pending entry of someone the viewer approves for, with a reason. */
    reject: async (viewer: Viewer, id: string, reason: string, version?: number | null) =>
      decideEntry(ctx, viewer, id, rejection(reason), version),
    /** Approves every pending entry of one person's week. */
    approveWeek: (viewer: Viewer, userId: string, weekStart: string) =>
      decideWeek(ctx, viewer, userId, weekStart, { status: 'APPROVED' }),
    /** Rejects every pending entry of one person's week, with one reason. */
    rejectWeek: async (viewer: Viewer, userId: string, weekStart: string, reason: string) =>
      decideWeek(ctx, viewer, userId, weekStart, rejection(reason)),
    /** Stores a batch pushed by client `clientId`, judging each entry on its own. */
    upload: (clientId: string, entries: UploadTimesheetInput[]) =>
      uploadEntries(ctx, clientId, entries),
  };
}

async function loadPage(
  { db }: ServiceContext,
  filter: repo.TimesheetFilter,
  { first, after }: PageArgs,
): Promise<TimesheetPage> {
  checkFirst(first);
  const key = after == null ? null : decodeCursor(after);
  const rows = await repo.findTimesheetPage(db, filter, key, first + 1);
  const edges = rows
    .slice(0, first)
    .map((row) => ({ cursor: encodeCursor(row), node: toTimesheet(row) }));
  let totals: Promise<TimesheetTotals> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totals: () =>
      (totals ??= repo
        .countTimesheets(db, filter)
        .then(({ count, hundredths }) => ({ count, hours: fromHundredths(hundredths) }))),
  };
}

function checkRange(from: string | undefined, to: string | undefined): void {
  for (const [field, date] of [['from', from] as const, ['to', to] as const]) {
    if (date !== undefined && !isLocalDate(date)) {
      throw new BadUserInputError(`${field} must be a real calendar date (YYYY-MM-DD)`, field);
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new BadUserInputError('from must not be later than to', 'from');
  }
}

async function listOwn(
  ctx: ServiceContext,
  ownerId: string,
  args: OwnPageArgs,
): Promise<TimesheetPage> {
  const from = args.from ?? undefined;
  const to = args.to ?? undefined;
  checkRange(from, to);
  return loadPage(ctx, { userId: ownerId, from, to }, args);
}

async function findVisible(
  { db }: ServiceContext,
  viewer: Viewer,
  id: string,
): Promise<Timesheet | null> {
  if (!isUuid(id)) return null;
  const row = await repo.findTimesheetById(db, id);
  if (!row || !(await reachesOwnerOf(db, viewer, 'see', row.user_id))) return null;
  return toTimesheet(row);
}

async function history(
  { db }: ServiceContext,
  viewer: Viewer,
  id: string,
): Promise<TimesheetEvent[]> {
  const rows = isUuid(id) ? await eventRepo.findEventsByEntryIds(db, [id]) : [];
  const owner = rows[0]?.owner_id;
  if (owner === undefined || !(await reachesOwnerOf(db, viewer, 'see', owner))) {
    throw new NotFoundError(`Timesheet ${id} not found`);
  }
  return rows.map(toEvent);
}

async function historiesOf({ db }: ServiceContext, ids: readonly string[]) {
  const events = (await eventRepo.findEventsByEntryIds(db, ids)).map(toEvent);
  return ids.map((id) => events.filter((event) => event.entryId === id));
}

async function listProjects({ db }: ServiceContext, ownerId: string, first: number) {
  checkFirst(first);
  return repo.findProjectsByOwner(db, ownerId, first);
}

async function create(
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
    return toTimesheet(await writeTransaction(db, [dayKey(row.user_id, row.date)], insert));
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

/** Inside a write transaction: idempotency lookup, daily total, insert, CREATED event. */
async function insertChecked(trx: ServiceContext['db'], actorId: string, row: NewTimesheetRow) {
  const key = row.idempotency_key;
  const existing = key ? await repo.findTimesheetByIdempotencyKey(trx, row.user_id, key) : null;
  if (existing) return replayOf(existing, row);
  const total = await repo.sumDailyHundredths(trx, row.user_id, row.date);
  const violation = checkDailyTotal(total, row.hundredths, row.date);
  if (violation) throw badInput(violation);
  const [stored] = await repo.insertTimesheets(trx, [row]);
  if (!stored) throw new Error('insert returned no row');
  const changes = diffEntries(null, stored).filter((change) => change.field !== 'status');
  await eventRepo.insertEvents(trx, [
    newEvent(stored, actorId, 'CREATED', changes, stored.created_at),
  ]);
  return stored;
}

async function deleteOwn({ db, now }: ServiceContext, ownerId: string, id: string) {
  if (!isUuid(id)) throw notFound(id);
  return writeTransaction(db, [], async (trx) => {
    const row = await repo.deleteUnapprovedTimesheet(trx, ownerId, id);
    if (row) {
      const changes = diffEntries(row, null);
      await eventRepo.insertEvents(trx, [
        newEvent(row, ownerId, 'DELETED', changes, now().toISOString()),
      ]);
      return id;
    }
    const current = await repo.findTimesheetById(trx, id);
    if (current?.user_id === ownerId && current.status === 'APPROVED') throw lockedConflict(id);
    throw notFound(id);
  });
}
