import { displayName, isLocalDate } from '../../core';
import type { TimesheetAction, TimesheetStatus } from '../gql/graphql';
import { formatDay } from '../lib/format';
import { STATUS_LABELS } from './status-badge';

/** One event of an entry's history, as the API answers it. */
export interface HistoryEvent {
  at: string;
  action: TimesheetAction;
  reason?: string | null;
  actor: { id: string; name?: string | null; email?: string | null };
  changes: readonly { field: string; from?: string | null; to?: string | null }[];
}

/** An event in words: who did what, and what changed from what to what. */
export interface HistoryLine {
  actor: string;
  action: string;
  changes: string[];
  reason: string | null;
}

const ACTIONS: Record<TimesheetAction, string> = {
  CREATED: 'logged the entry',
  UPLOADED: 'uploaded the entry',
  EDITED: 'edited the entry',
  APPROVED: 'approved the entry',
  REJECTED: 'rejected the entry',
  DELETED: 'deleted the entry',
};

const FIELDS: Record<string, string> = {
  date: 'Date',
  project: 'Project',
  hours: 'Hours',
  notes: 'Notes',
  status: 'Status',
};

function valueText(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'date' && isLocalDate(value)) return formatDay(value);
  if (field === 'hours') return `${value} h`;
  if (field === 'status' && value in STATUS_LABELS) return STATUS_LABELS[value as TimesheetStatus];
  return value;
}

function isResubmission(event: HistoryEvent): boolean {
  return event.changes.some(
    (change) => change.field === 'status' && change.from === 'REJECTED' && change.to === 'PENDING',
  );
}

/** Describes one event of an entry's history for people (names, never ids when known). */
export function describeEvent(event: HistoryEvent): HistoryLine {
  const decision = event.action === 'APPROVED' || event.action === 'REJECTED';
  const changes = event.changes
    // A decision's status change is what the action already says.
    .filter((change) => !(decision && change.field === 'status'))
    .map((change) => {
      const label = FIELDS[change.field] ?? change.field;
      const to = valueText(change.field, change.to);
      const isNew = event.action === 'CREATED' || event.action === 'UPLOADED';
      return isNew || change.from === undefined
        ? `${label}: ${to}`
        : `${label}: ${valueText(change.field, change.from)} → ${to}`;
    });
  return {
    actor: displayName(event.actor),
    action: isResubmission(event) ? 'fixed and resubmitted the entry' : ACTIONS[event.action],
    changes,
    reason: event.reason ?? null,
  };
}
