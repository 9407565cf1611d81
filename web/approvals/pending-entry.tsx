'use client';

import { displayName } from '../../core';
import type { ApprovalWeeksQuery } from '../gql/graphql';
import { formatDay } from '../lib/format';
import { focusTarget } from '../lib/use-focus-after-removal';
import { useDecision, useDecisionMutations } from './decisions';
import type { DecisionContext } from './decisions';
import { RejectForm, useRejecting } from './reject-form';
import { DetailsLink } from '../components/details-link';

export type ApprovalWeek = ApprovalWeeksQuery['approvalWeeks']['nodes'][number];
type PendingEntry = ApprovalWeek['entries'][number];

/** One pending entry of a person's week, approved or rejected on its own. */
export function PendingEntryItem({
  entry,
  owner,
  context,
}: {
  entry: PendingEntry;
  owner: ApprovalWeek['owner'];
  context: DecisionContext;
}) {
  const mutations = useDecisionMutations();
  const decision = useDecision(context);
  const rejecting = useRejecting();
  const name = displayName(owner);
  const label = `${entry.hours} h on ${entry.project}, ${formatDay(entry.date)}, by ${name}`;
  const key = `entry:${entry.id}`;
  // The version looked at: a change made since then is refused (CONFLICT), never decided.
  const versioned = { id: entry.id, expectedVersion: entry.version };

  const approve = () =>
    void decision.decide(
      key,
      () => mutations.approve({ variables: versioned }),
      `Approved ${label}.`,
    );
  const reject = (reason: string) =>
    void decision.decide(
      key,
      () => mutations.reject({ variables: { ...versioned, reason } }),
      `Rejected ${label}. ${name} sees your reason and can fix and resubmit it.`,
    );

  return (
    <li className="entry" {...focusTarget(key)} data-entry-id={entry.id}>
      <div className="entry-main">
        <span className="entry-date">{formatDay(entry.date)}</span>
        <span className="entry-project">{entry.project}</span>
        <span className="entry-hours">{entry.hours} h</span>
      </div>
      {entry.notes && <p className="entry-notes">{entry.notes}</p>}
      <div className="entry-actions">
        <button
          type="button"
          className="button button-small"
          aria-disabled={decision.busy || undefined}
          aria-label={`Approve ${label}`}
          onClick={approve}
        >
          {decision.busy && !rejecting.open ? 'Approving…' : 'Approve'}
        </button>
        <button
          ref={rejecting.toggle}
          type="button"
          className="button button-quiet button-small"
          aria-expanded={rejecting.open}
          aria-label={`Reject ${label}`}
          onClick={rejecting.show}
        >
          Reject…
        </button>
        <DetailsLink entryId={entry.id} label={label} />
      </div>
      {rejecting.open && (
        <RejectForm
          label="Reason for rejecting"
          submitLabel="Reject entry"
          busy={decision.busy}
          onReject={reject}
          onCancel={rejecting.close}
        />
      )}
      {decision.problem && (
        <p className="error-text" role="alert">
          {decision.problem}
        </p>
      )}
    </li>
  );
}
