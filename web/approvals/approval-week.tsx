'use client';

import { addDays, displayName } from '../../core';
import { formatRange } from '../lib/format';
import { focusTarget } from '../lib/use-focus-after-removal';
import { useDecision, useDecisionMutations } from './decisions';
import type { DecisionContext } from './decisions';
import { PendingEntryItem } from './pending-entry';
import type { ApprovalWeek } from './pending-entry';
import { RejectForm, useRejecting } from './reject-form';

/** The key of a person-week among the list's focus targets. */
export function weekKey(week: ApprovalWeek): string {
  return `week:${week.owner.id}:${week.weekStart}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One person's pending week: its total, a decision for the whole week, and each entry. */
export function ApprovalWeekSection({
  week,
  context,
}: {
  week: ApprovalWeek;
  context: DecisionContext;
}) {
  const mutations = useDecisionMutations();
  const decision = useDecision(context);
  const rejecting = useRejecting();
  const name = displayName(week.owner);
  const range = formatRange(week.weekStart, addDays(week.weekStart, 6));
  const key = weekKey(week);
  const headingId = `heading-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const count = plural(week.entries.length, 'entry', 'entries');
  // The version the manager is looking at: a week changed since is not decided (CONFLICT).
  const variables = {
    userId: week.owner.id,
    weekStart: week.weekStart,
    expectedVersion: week.version,
  };

  const approveWeek = () =>
    void decision.decide(
      key,
      () => mutations.approveWeek({ variables }),
      `Approved ${name}’s week of ${range}: ${count}, ${week.totalHours} hours.`,
    );
  const rejectWeek = (reason: string) =>
    void decision.decide(
      key,
      () => mutations.rejectWeek({ variables: { ...variables, reason } }),
      `Rejected ${name}’s week of ${range} (${count}). ${name} sees your reason.`,
    );

  return (
    <section className="panel approval-group" aria-labelledby={headingId}>
      <h2 id={headingId} {...focusTarget(key)}>
        {name} · week of {range}
      </h2>
      <p className="hint">
        {count} pending, <strong>{week.totalHours} hours</strong>
        {week.owner.team ? ` · team ${week.owner.team}` : ''}
      </p>
      <div className="actions week-actions">
        <button
          type="button"
          className="button button-small"
          aria-disabled={decision.busy || undefined}
          aria-describedby={headingId}
          onClick={approveWeek}
        >
          {decision.busy && !rejecting.open ? 'Approving…' : 'Approve week'}
        </button>
        <button
          ref={rejecting.toggle}
          type="button"
          className="button button-quiet button-small"
          aria-expanded={rejecting.open}
          aria-describedby={headingId}
          onClick={rejecting.show}
        >
          Reject week…
        </button>
      </div>
      {rejecting.open && (
        <RejectForm
          label={`Reason for rejecting ${name}’s week`}
          submitLabel="Reject week"
          busy={decision.busy}
          onReject={rejectWeek}
          onCancel={rejecting.close}
        />
      )}
      {decision.problem && (
        <p className="error-text" role="alert">
          {decision.problem}
        </p>
      )}
      <ul className="entries">
        {week.entries.map((entry) => (
          <PendingEntryItem key={entry.id} entry={entry} owner={week.owner} context={context} />
        ))}
      </ul>
    </section>
  );
}
