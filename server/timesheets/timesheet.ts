/** The domain shapes of the timesheets feature, as services hand them to resolvers. */

export type TimesheetStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

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
