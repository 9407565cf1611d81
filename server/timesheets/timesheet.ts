/** The domain shapes of the timesheets feature, as services hand them to resolvers. */
import type { EntryInput } from '../../core';

export type TimesheetStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export type TimesheetAction =
  'CREATED' | 'UPLOADED' | 'EDITED' | 'APPROVED' | 'REJECTED' | 'DELETED';

/** One stored entry, with hours as a number (7.5) and instants as Dates. */
export interface Timesheet {
  id: string;
  userId: string;
  date: string;
  project: string;
  hours: number;
  notes: string | null;
  status: TimesheetStatus;
  rejectionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  source: string;
  version: number;
  updatedAt: Date;
}

/** One field of an entry before and after a change, as text. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One change of an entry, from its append-only history. */
export interface TimesheetEvent {
  entryId: string;
  at: Date;
  actorId: string;
  action: TimesheetAction;
  changes: FieldChange[];
  reason: string | null;
}

/** Totals over every entry a list's filter matches, not only one page. */
export interface TimesheetTotals {
  count: number;
  hours: number;
}

/**
 * One page of a keyset-paginated list. `totals` runs its aggregate query only when called (and
 * once), so a client that does not ask for totalCount or totalHours does not pay for them.
 */
export interface TimesheetPage {
  edges: { cursor: string; node: Timesheet }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totals: () => Promise<TimesheetTotals>;
}

/** One person's entries of one week in one status. */
export interface ApprovalWeek {
  ownerId: string;
  weekStart: string;
  totalHours: number;
  entries: Timesheet[];
}

/** A page of person-weeks. */
export interface ApprovalWeekPage {
  nodes: ApprovalWeek[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Who writes an entry: its owner, and the writer recorded as its source. */
export interface EntryWriter {
  userId: string;
  source: string;
}

/** A new entry for its owner; the same `idempotencyKey` again returns the first entry. */
export interface CreateTimesheetInput extends EntryInput {
  idempotencyKey?: string | null;
}

/** Changes to an entry: only the fields given change. */
export interface UpdateTimesheetInput {
  date?: string | null;
  project?: string | null;
  hours?: number | null;
  notes?: string | null;
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

export type UploadStatus = 'CREATED' | 'UNCHANGED' | 'REJECTED';

export interface UploadEntryResult {
  index: number;
  externalId: string;
  status: UploadStatus;
  timesheet: Timesheet | null;
  field: string | null;
  reason: string | null;
}

export interface UploadResult {
  created: number;
  unchanged: number;
  rejected: number;
  results: UploadEntryResult[];
}
