import type { Kysely } from 'kysely';
import { validate as isUuid } from 'uuid';
import { checkDailyTotal, checkKey, fromHundredths, isLocalDate } from '../../core';
import { validateEntry, validateReason, type EntryInput } from '../../core';
import type { RuleViolation, Validation } from '../../core';
import type { Dialect } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { detectDialect, writeTransaction } from '../db/transaction';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import * as repo from './timesheet.repository';
import { newRow, toTimesheet } from './timesheet-rows';
import { uploadEntries } from './timesheet-upload';
import type { Timesheet, TimesheetPage, TimesheetStatus, TimesheetTotals } from './timesheet';
import type { NewTimesheetRow, TimesheetRow, TimesheetRowUpdate } from './timesheet.table';

export const MAX_PAGE_SIZE = 200;

/** Who writes an entry: its owner, and the writer recorded as its source. */
export interface EntryWriter {
  userId: string;
  source: string;
}
/** A new entry for its owner; the same `idempotencyKey` again returns the first entry. */
export interface CreateTimesheetInput extends EntryInput {
  idempotencyKey?: string | null;
}
/** An entry an automated process pushes on behalf of `userId`. */
export interface UploadTimesheetInput extends EntryInput {
  externalId: string;
  userId: string;
}
/** Page arguments: `after` is the `endCursor` of the previous page. */
export interface PageArgs {
  first: number;
  after?: string | null;
}
/** An owner's page, optionally between two dates (inclusive). */
export interface OwnPageArgs extends PageArgs {
  from?: string | null;
  to?: string | null;
}
export interface TimesheetServiceOptions {
  now?: () => Date;
  dialect?: Dialect;
}
/** Who is reading: their `sub`, and whether they may see everyone's entries. */
export interface Viewer {
  sub: string;
  canApprove: boolean;
}
/** The service the resolvers call; see {@link createTimesheetService}. */
export type TimesheetService = ReturnType<typeof createTimesheetService>;

const badInput = ({ message, field }: RuleViolation) => new BadUserInputError(message, field);
const notFound = (id: string) => new NotFoundError(`Timesheet ${id} not found`);

function validOrThrow<T>(validation: Validation<T>): T {
  if (!validation.ok) throw badInput(validation.violations[0]);
  return validation.value;
}

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
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

async function loadPage(
  db: Kysely<Database>,
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

type DecisionFields = Pick<TimesheetRowUpdate, 'status' | 'rejection_reason'>;

interface ServiceContext {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => Date;
}

/** Creates the timesheets service over a database; `now` is the clock (frozen in tests). */
export function createTimesheetService(
  db: Kysely<Database>,
  options: TimesheetServiceOptions = {},
) {
  const ctx: ServiceContext = {
    db,
    dialect: options.dialect ?? detectDialect(db),
    now: options.now ?? (() => new Date()),
  };
  return {
    /** The owner's entries, newest date first (ties by id, newest first). */
    listOwn: (ownerId: string, args: OwnPageArgs) => listOwn(ctx, ownerId, args),
    /** Every user's entries in one status, newest date first. */
    listByStatus: (status: TimesheetStatus, args: PageArgs) => loadPage(db, { status }, args),
    /** An entry the viewer may see (their own, or any when they approve); null otherwise. */
    findVisible: (viewer: Viewer, id: string) => findVisible(ctx, viewer, id),
    /** The owner's projects, most recently used first. */
    listProjects: (ownerId: string, first: number) => listProjects(ctx, ownerId, first),
    /** Validates and stores an entry; a repeated idempotency key returns the first entry. */
    create: (writer: EntryWriter, input: CreateTimesheetInput) => create(ctx, writer, input),
    /** Deletes one of the owner's entries unless it is approved; answers its id. */
    delete: (ownerId: string, id: string) => deleteOwn(ctx, ownerId, id),
    /** Approves a pending entry of someone other than the decider. */
    approve: (deciderId: string, id: string) =>
      decide(ctx, deciderId, id, { status: 'APPROVED', rejection_reason: null }),
    /** Rejects a pending entry of someone other than the decider, with the reason its owner sees. */
    reject: (deciderId: string, id: string, reason: string) => reject(ctx, deciderId, id, reason),
    /** Stores a batch pushed by client `clientId`, judging each entry on its own. */
    upload: (clientId: string, entries: UploadTimesheetInput[]) =>
      uploadEntries(ctx, clientId, entries),
  };
}

async function listOwn(
  ctx: ServiceContext,
  ownerId: string,
  args: OwnPageArgs,
): Promise<TimesheetPage> {
  const from = args.from ?? undefined;
  const to = args.to ?? undefined;
  checkRange(from, to);
  return loadPage(ctx.db, { userId: ownerId, from, to }, args);
}

async function findVisible(
  { db }: ServiceContext,
  viewer: Viewer,
  id: string,
): Promise<Timesheet | null> {
  if (!isUuid(id)) return null;
  const row = await repo.findTimesheetById(db, id);
  if (!row || (row.user_id !== viewer.sub && !viewer.canApprove)) return null;
  return toTimesheet(row);
}

async function listProjects({ db }: ServiceContext, ownerId: string, first: number) {
  checkFirst(first);
  return repo.findProjectsByOwner(db, ownerId, first);
}

async function create(
  { db, dialect, now }: ServiceContext,
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
    return toTimesheet(
      await writeTransaction(db, dialect, (trx) => insertChecked(trx, dialect, row)),
    );
  } catch (error) {
    // A concurrent request with the same key committed first: answer with its entry.
    if (key === null || !isUniqueViolation(error)) throw error;
    const winner = await repo.findTimesheetByIdempotencyKey(db, writer.userId, key);
    if (!winner) throw error;
    return toTimesheet(winner);
  }
}

/** Inside a write transaction: idempotency lookup, daily total, insert. */
async function insertChecked(
  trx: Kysely<Database>,
  dialect: Dialect,
  row: NewTimesheetRow,
): Promise<TimesheetRow> {
  if (dialect === 'postgres') await repo.lockOwnerDays(trx, [row]);
  const key = row.idempotency_key;
  const existing = key ? await repo.findTimesheetByIdempotencyKey(trx, row.user_id, key) : null;
  if (existing) return existing;
  const total = await repo.sumDailyHundredths(trx, row.user_id, row.date);
  const violation = checkDailyTotal(total, row.hundredths, row.date);
  if (violation) throw badInput(violation);
  const [stored] = await repo.insertTimesheets(trx, [row]);
  return stored;
}

async function deleteOwn({ db }: ServiceContext, ownerId: string, id: string): Promise<string> {
  if (!isUuid(id)) throw notFound(id);
  if (await repo.deleteUnapprovedTimesheet(db, ownerId, id)) return id;
  const row = await repo.findTimesheetById(db, id);
  if (row?.user_id === ownerId && row.status === 'APPROVED') {
    throw new ConflictError(`Timesheet ${id} is approved and locked`);
  }
  throw notFound(id);
}

/** Records a decision with one conditional UPDATE; when it matches nothing, explains why. */
async function decide(
  { db, now }: ServiceContext,
  deciderId: string,
  id: string,
  decision: DecisionFields,
): Promise<Timesheet> {
  if (!isUuid(id)) throw notFound(id);
  const fields = { ...decision, decided_by: deciderId, decided_at: now().toISOString() };
  const row = await repo.decidePendingTimesheet(db, id, deciderId, fields);
  if (row) return toTimesheet(row);
  const current = await repo.findTimesheetById(db, id);
  if (!current) throw notFound(id);
  if (current.user_id === deciderId) {
    throw new ForbiddenError('You cannot decide on your own timesheet entries');
  }
  throw new ConflictError(
    `Timesheet ${id} is ${current.status}; only PENDING entries can be decided`,
  );
}

async function reject(
  ctx: ServiceContext,
  deciderId: string,
  id: string,
  reason: string,
): Promise<Timesheet> {
  const rejection_reason = validOrThrow(validateReason(reason));
  return decide(ctx, deciderId, id, { status: 'REJECTED', rejection_reason });
}
