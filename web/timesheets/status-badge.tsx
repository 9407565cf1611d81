import type { TimesheetStatus } from '../gql/graphql';

/** The statuses in words, for badges and for the history. */
export const STATUS_LABELS: Record<TimesheetStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved · locked',
  REJECTED: 'Rejected',
};

/** An entry's review status, in words (never colour alone). */
export function StatusBadge({ status }: { status: TimesheetStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`}>
      {status === 'APPROVED' && (
        <span aria-hidden="true" className="lock">
          🔒
        </span>
      )}
      {STATUS_LABELS[status]}
    </span>
  );
}
