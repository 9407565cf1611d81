/**
 * The week's status and history in words, and the sentences of the week errors (CONFLICT with
 * `weekStatus`, `currentVersion` or `closedThrough`). Pure, for the week screen and the board.
 */
import { displayName, HOURS_SCALE, isShort } from '../../core';
import type { TimesheetWeekStatus, WeekAction } from '../gql/graphql';

/** The statuses in words (never colour alone). */
export const WEEK_STATUS_LABELS: Record<TimesheetWeekStatus, string> = {
  OPEN: 'Open',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved · locked',
  REJECTED: 'Rejected',
};

const ACTIONS: Record<WeekAction, string> = {
  SUBMITTED: 'submitted the week',
  WITHDRAWN: 'withdrew the week',
  APPROVED: 'approved the week',
  REJECTED: 'rejected the week',
  ENTRY_CHANGED: 'changed an entry',
  ABSENCE_RECORDED: 'recorded an absence',
  ABSENCE_DELETED: 'deleted an absence',
};

interface PersonLike {
  id: string;
  name?: string | null;
  email?: string | null;
}

export interface WeekEventLike {
  at: string;
  action: WeekAction;
  reason?: string | null;
  note?: string | null;
  entryId?: string | null;
  actor: PersonLike;
}

/**
 * One line of a week's history: who did what, and what came with it: the reason of a rejection,
 * the note of a submission, or what caused any other change (`rejection` tells them apart).
 */
export function describeWeekEvent(event: WeekEventLike): {
  actor: string;
  action: string;
  detail: string | null;
  rejection: boolean;
} {
  const withdrawnByChange = event.action === 'WITHDRAWN' && event.entryId;
  const rejection = event.action === 'REJECTED' && Boolean(event.reason);
  return {
    actor: displayName(event.actor),
    action: withdrawnByChange ? 'withdrew the week by changing it' : ACTIONS[event.action],
    detail: rejection
      ? `Reason: ${event.reason}`
      : event.note
        ? `Note: ${event.note}`
        : (event.reason ?? null),
    rejection,
  };
}

export interface WeekHours {
  recordedHours: number;
  absenceHours: number;
  expectedHours: number;
}

/** Whether submitting the week needs a note: recorded hours plus absences fall short. */
export function isWeekShort(week: WeekHours): boolean {
  return isShort(
    Math.round(week.recordedHours * HOURS_SCALE),
    Math.round(week.absenceHours * HOURS_SCALE),
    Math.round(week.expectedHours * HOURS_SCALE),
  );
}

/** "Recorded 30 h + 8 h absent of 40 h expected" */
export function hoursSentence(week: WeekHours): string {
  const absent = week.absenceHours > 0 ? ` + ${week.absenceHours} h absent` : '';
  return `${week.recordedHours} h recorded${absent} of ${week.expectedHours} h expected`;
}

/** What the person can do with a week in this status, before the period is considered. */
export function weekActions(status: TimesheetWeekStatus): {
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
} {
  return {
    canEdit: status !== 'APPROVED',
    canSubmit: status === 'OPEN' || status === 'REJECTED',
    canWithdraw: status === 'SUBMITTED',
  };
}

/**
 * A refused week change (CONFLICT) in one sentence, from the error's `extensions`: a closed
 * period, a week in a status that forbids it, or a version that moved on.
 */
export function weekConflictSentence(conflict: {
  currentVersion: number | null;
  weekStatus: string | null;
  closedThrough: string | null;
}): string {
  const { closedThrough, weekStatus, currentVersion } = conflict;
  if (closedThrough !== null) {
    return `The payroll period is closed through ${closedThrough}: nothing in it can change any more.`;
  }
  if (weekStatus !== null && weekStatus in WEEK_STATUS_LABELS) {
    const label = WEEK_STATUS_LABELS[weekStatus as TimesheetWeekStatus];
    return `The week is ${label.toLowerCase()} now, so this was not done. The week has been reloaded.`;
  }
  if (currentVersion !== null) {
    return `The week changed elsewhere (now version ${currentVersion}), so nothing was saved. It has been reloaded: check it and try again.`;
  }
  return 'The week changed meanwhile, so nothing was saved. It has been reloaded: try again.';
}
