import { validate as isUuid } from 'uuid';
import { isLocalDate, startOfWeek, validateReason } from '../../core';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Viewer } from '../reach/reach';
import type { Timesheet } from './timesheet';
import { notFound, validOrThrow, versionConflict, type ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { toTimesheet } from './timesheet-rows';
import { reachesOwnerOf } from '../reach/owner-reach';
import type { TimesheetRow } from './timesheet.table';

/** A decision: approve, or reject with a reason (checked by {@link rejection}). */
export type Decision = { status: 'APPROVED' } | { status: 'REJECTED'; reason: string };

/** Checks the reason of a rejection. */
export function rejection(reason: string): Decision {
  return { status: 'REJECTED', reason: validOrThrow(validateReason(reason)) };
}

const ownDecision = () => new ForbiddenError('You cannot decide on your own timesheet entries');

/**
 * Applies a decision to the pending entries `which` selects, and appends one event per entry, in
 * one transaction. The UPDATE itself holds every condition (pending, not the decider's own, in
 * the decider's teams, at the expected version), so concurrent deciders cannot both win.
 */
function applyDecision(
  { db, now }: ServiceContext,
  viewer: Viewer,
  which: Parameters<typeof repo.decidePendingTimesheets>[1],
  decision: Decision,
  version: number | undefined,
  explain: (trx: typeof db) => Promise<never>,
): Promise<TimesheetRow[]> {
  const at = now().toISOString();
  const reason = decision.status === 'REJECTED' ? decision.reason : null;
  const fields = {
    status: decision.status,
    rejection_reason: reason,
    decided_by: viewer.sub,
    decided_at: at,
    updated_at: at,
  };
  const scope = { decider: viewer, version };
  return writeTransaction(db, [], async (trx) => {
    const rows = await repo.decidePendingTimesheets(trx, which, scope, fields);
    if (rows.length === 0) return explain(trx);
    const events = rows.map((row) =>
      newEvent(
        row,
        viewer.sub,
        decision.status,
        diffEntries({ ...row, status: 'PENDING' }, row),
        at,
        reason,
      ),
    );
    await eventRepo.insertEvents(trx, events);
    return rows;
  });
}

/** Decides one entry; when nothing matched, says why (NOT_FOUND, FORBIDDEN or CONFLICT). */
export async function decideEntry(
  ctx: ServiceContext,
  viewer: Viewer,
  id: string,
  decision: Decision,
  expectedVersion?: number | null,
): Promise<Timesheet> {
  if (!isUuid(id)) throw notFound(id);
  const version = expectedVersion ?? undefined;
  const [row] = await applyDecision(ctx, viewer, { id }, decision, version, async (trx) => {
    const current = await repo.findTimesheetById(trx, id);
    if (!current || !(await reachesOwnerOf(trx, viewer, 'see', current.user_id))) {
      throw notFound(id);
    }
    if (current.user_id === viewer.sub) throw ownDecision();
    if (version !== undefined && current.version !== version) {
      throw versionConflict(id, version, current.version);
    }
    throw new ConflictError(
      `Timesheet ${id} is ${current.status}; only PENDING entries can be decided`,
    );
  });
  return toTimesheet(row);
}

/** Decides every pending entry of one person's week (Monday `weekStart`) at once. */
export async function decideWeek(
  ctx: ServiceContext,
  viewer: Viewer,
  userId: string,
  weekStart: string,
  decision: Decision,
): Promise<Timesheet[]> {
  if (!isLocalDate(weekStart) || startOfWeek(weekStart) !== weekStart) {
    throw new BadUserInputError(`weekStart must be a Monday, got "${weekStart}"`, 'weekStart');
  }
  if (userId === viewer.sub) throw ownDecision();
  const week = `the week of ${weekStart} of ${userId}`;
  const missing = () => new NotFoundError(`No timesheet entries in ${week}`);
  if (!(await reachesOwnerOf(ctx.db, viewer, 'decide', userId))) throw missing();
  const rows = await applyDecision(
    ctx,
    viewer,
    { userId, weekStart },
    decision,
    undefined,
    async (trx) => {
      const decided = await repo.findEntriesOfWeeks(trx, null, [{ userId, weekStart }]);
      if (decided.length === 0) throw missing();
      throw new ConflictError(`No PENDING entries in ${week}: they are already decided`);
    },
  );
  return rows
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map(toTimesheet);
}
