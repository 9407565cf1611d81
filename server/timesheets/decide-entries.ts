import type { Kysely } from 'kysely';
import { validate as isUuid } from 'uuid';
import { validateReason } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import { reachesOwnerOf } from '../reach/owner-reach';
import type { Viewer } from '../reach/reach';
import { checkWeekStart } from '../weeks/week-checks';
import * as weekRepo from '../weeks/week.repository';
import type { WeekKey } from '../weeks/week.repository';
import {
  statusOf,
  versionOf,
  weekEvent,
  weekKey,
  weekStatusConflict,
  weekVersionConflict,
} from '../weeks/week-state';
import type { WeekRow } from '../weeks/week.table';
import type { Timesheet } from './timesheet';
import { notFound, validOrThrow, versionConflict, type ServiceContext } from './timesheet-checks';
import * as eventRepo from './timesheet-event.repository';
import { diffEntries, newEvent } from './timesheet-history';
import * as repo from './timesheet.repository';
import { toTimesheet } from './timesheet-rows';
import type { TimesheetRow } from './timesheet.table';

/** A decision: approve, or reject with a reason (checked by {@link rejection}). */
export type Decision = { status: 'APPROVED' } | { status: 'REJECTED'; reason: string };

/** Checks the reason of a rejection. */
export function rejection(reason: string): Decision {
  return { status: 'REJECTED', reason: validOrThrow(validateReason(reason)) };
}

const ownDecision = () => new ForbiddenError('You cannot decide on your own timesheet entries');

/** Only a SUBMITTED week is decided on: an OPEN week's entries are drafts, an APPROVED one is frozen. */
function checkSubmitted(key: WeekKey, row: WeekRow | undefined): void {
  const status = statusOf(row);
  if (status === 'SUBMITTED') return;
  const why =
    status === 'OPEN'
      ? 'its entries are drafts until their owner submits the week'
      : status === 'APPROVED'
        ? 'an approved week is frozen'
        : 'it was returned to its owner, who must submit it again';
  throw weekStatusConflict(key, status, `only a SUBMITTED week can be decided (${why})`);
}

/**
 * Applies a decision to the pending entries `which` selects, with one event per entry, inside the
 * caller's transaction. The UPDATE holds every condition (pending, not the decider's own, in the
 * decider's reach, at the expected version), so that the decision is exactly what was checked.
 */
async function decideRows(
  trx: Kysely<Database>,
  viewer: Viewer,
  which: Parameters<typeof repo.decidePendingTimesheets>[1],
  decision: Decision,
  version: number | undefined,
  at: string,
): Promise<TimesheetRow[]> {
  const reason = decision.status === 'REJECTED' ? decision.reason : null;
  const fields = {
    status: decision.status,
    rejection_reason: reason,
    decided_by: viewer.sub,
    decided_at: at,
    updated_at: at,
  };
  const rows = await repo.decidePendingTimesheets(trx, which, { decider: viewer, version }, fields);
  await eventRepo.insertEvents(
    trx,
    rows.map((row) =>
      newEvent(
        row,
        viewer.sub,
        decision.status,
        diffEntries({ ...row, status: 'PENDING' }, row),
        at,
        reason,
      ),
    ),
  );
  return rows;
}

/**
 * Decides one entry of a SUBMITTED week. Approving it leaves the week SUBMITTED (one version
 * up); rejecting it rejects the week too, naming the entry. When nothing matched, says why
 * (NOT_FOUND, FORBIDDEN or CONFLICT).
 */
export async function decideEntry(
  { db, now }: ServiceContext,
  viewer: Viewer,
  id: string,
  decision: Decision,
  expectedVersion?: number | null,
): Promise<Timesheet> {
  if (!isUuid(id)) throw notFound(id);
  const version = expectedVersion ?? undefined;
  const found = await repo.findTimesheetById(db, id);
  if (!found || !(await reachesOwnerOf(db, viewer, 'see', found.user_id))) throw notFound(id);
  if (found.user_id === viewer.sub) throw ownDecision();
  const week = { userId: found.user_id, weekStart: found.week_start };
  const row = await writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      const current = await repo.findTimesheetById(trx, id);
      if (!current) throw notFound(id);
      if (version !== undefined && current.version !== version) {
        throw versionConflict(id, version, current.version);
      }
      checkSubmitted(week, await weekRepo.findWeekRow(trx, week));
      await assertOpen(trx, [week.weekStart]);
      const at = now().toISOString();
      const [decided] = await decideRows(trx, viewer, { id }, decision, version, at);
      if (!decided) {
        throw new ConflictError(
          `Timesheet ${id} is ${current.status}; only PENDING entries can be decided`,
        );
      }
      const entry = `entry on ${decided.date} (${decided.project})`;
      const weekRow = await weekRepo.bumpWeek(
        trx,
        week,
        decision.status === 'REJECTED'
          ? {
              status: 'REJECTED',
              reason: `${entry} rejected: ${decision.reason}`,
              decided_by: viewer.sub,
              decided_at: at,
              updated_at: at,
            }
          : { updated_at: at },
      );
      await weekRepo.insertWeekEvents(trx, [
        decision.status === 'REJECTED'
          ? weekEvent(weekRow, viewer.sub, at, 'REJECTED', {
              reason: weekRow.reason,
              entryId: id,
            })
          : weekEvent(weekRow, viewer.sub, at, 'ENTRY_CHANGED', {
              reason: `${entry} approved`,
              entryId: id,
            }),
      ]);
      return decided;
    },
    DATED_WRITE,
  );
  return toTimesheet(row);
}

/**
 * Decides one person's SUBMITTED week (Monday `weekStart`) at the version the manager saw:
 * approving approves every pending entry and freezes the week; rejecting rejects them with one
 * reason and returns the week to its owner. Answers the entries decided.
 */
export async function decideWeek(
  { db, now }: ServiceContext,
  viewer: Viewer,
  userId: string,
  weekStart: string,
  decision: Decision,
  expectedVersion?: number | null,
): Promise<Timesheet[]> {
  checkWeekStart(weekStart);
  if (userId === viewer.sub) throw ownDecision();
  const week = { userId, weekStart };
  if (!(await reachesOwnerOf(db, viewer, 'decide', userId))) {
    throw new NotFoundError(`No week of ${weekStart} of ${userId} found`);
  }
  const rows = await writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      const row = await weekRepo.findWeekRow(trx, week);
      if (expectedVersion != null && versionOf(row) !== expectedVersion) {
        throw weekVersionConflict(week, expectedVersion, versionOf(row));
      }
      checkSubmitted(week, row);
      await assertOpen(trx, [weekStart]);
      const at = now().toISOString();
      const decided = await decideRows(trx, viewer, week, decision, undefined, at);
      const reason = decision.status === 'REJECTED' ? decision.reason : null;
      const weekRow = await weekRepo.bumpWeek(trx, week, {
        status: decision.status,
        reason,
        decided_by: viewer.sub,
        decided_at: at,
        updated_at: at,
      });
      await weekRepo.insertWeekEvents(trx, [
        weekEvent(weekRow, viewer.sub, at, decision.status, { reason }),
      ]);
      return decided;
    },
    DATED_WRITE,
  );
  return rows
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map(toTimesheet);
}
