import type { Viewer } from '../reach/reach';
import { createEntry } from './create-entry';
import { decideEntry, decideWeek, rejection } from './decide-entries';
import { deleteEntry } from './delete-entry';
import { editEntry } from './edit-entry';
import { listApprovalWeeks, listForApproval, type ApprovalWeekArgs } from './list-approvals';
import { findVisible, listOwn, listProjects } from './read-entries';
import { history, historiesOf } from './read-history';
import type {
  CreateTimesheetInput,
  EntryWriter,
  OwnPageArgs,
  PageArgs,
  TimesheetStatus,
  UpdateTimesheetInput,
  UploadTimesheetInput,
} from './timesheet';
import type { ServiceContext } from './timesheet-checks';
import { uploadEntries } from './upload-entries';

export interface TimesheetServiceOptions {
  now?: () => Date;
}

/** The service the resolvers call; see {@link createTimesheetService}. */
export type TimesheetService = ReturnType<typeof createTimesheetService>;

/**
 * Creates the timesheets service over a database; `now` is the clock (frozen in tests). It is the
 * index of the feature's use cases, each in a file named for it: read-entries, read-history,
 * create-entry, edit-entry, delete-entry, list-approvals, decide-entries, upload-entries.
 */
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
      listForApproval(ctx, viewer, status, args),
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
    create: (writer: EntryWriter, input: CreateTimesheetInput) => createEntry(ctx, writer, input),
    /** Changes an owner's entry at the version they read; see {@link editEntry}. */
    update: (ownerId: string, id: string, version: number, input: UpdateTimesheetInput) =>
      editEntry(ctx, ownerId, id, version, input),
    /** Deletes one of the owner's entries unless it is approved; answers its id. */
    delete: (ownerId: string, id: string) => deleteEntry(ctx, ownerId, id),
    /** Approves a pending entry of someone the viewer approves for. */
    approve: (viewer: Viewer, id: string, version?: number | null) =>
      decideEntry(ctx, viewer, id, { status: 'APPROVED' }, version),
    /** Rejects a pending entry of someone the viewer approves for, with a reason. */
    reject: async (viewer: Viewer, id: string, reason: string, version?: number | null) =>
      decideEntry(ctx, viewer, id, rejection(reason), version),
    /** Approves every pending entry of one person's week. */
    approveWeek: (viewer: Viewer, userId: string, weekStart: string, version?: number | null) =>
      decideWeek(ctx, viewer, userId, weekStart, { status: 'APPROVED' }, version),
    /** Rejects every pending entry of one person's week, with one reason. */
    rejectWeek: async (
      viewer: Viewer,
      userId: string,
      weekStart: string,
      reason: string,
      version?: number | null,
    ) => decideWeek(ctx, viewer, userId, weekStart, rejection(reason), version),
    /** Stores a batch pushed by client `clientId`, judging each entry on its own. */
    upload: (clientId: string, entries: UploadTimesheetInput[]) =>
      uploadEntries(ctx, clientId, entries),
  };
}
