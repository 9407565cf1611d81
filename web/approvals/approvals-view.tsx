'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { addDays, MAX_REASON_LENGTH, SCOPES, validateReason } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { useAuth } from '../auth/auth-context';
import { RequireAuth } from '../auth/require-auth';
import { ErrorPanel, problemSentence } from '../components/error-panel';
import { Loading } from '../components/loading';
import { graphql } from '../gql';
import type { ApprovalsQuery } from '../gql/graphql';
import { formatDay, formatHundredths, formatRange, shortUserId } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { Pager } from '../components/pager';
import { groupForApproval } from './approval-groups';

const PAGE_SIZE = 50;

const APPROVALS = graphql(`
  query Approvals($first: Int!, $after: String) {
    approvals(status: PENDING, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          userId
          date
          project
          hours
          notes
          status
        }
      }
    }
  }
`);

const APPROVE = graphql(`
  mutation ApproveTimesheet($id: ID!) {
    approveTimesheet(id: $id) {
      id
      status
      decidedBy
      decidedAt
    }
  }
`);

const REJECT = graphql(`
  mutation RejectTimesheet($id: ID!, $reason: String!) {
    rejectTimesheet(id: $id, reason: $reason) {
      id
      status
      rejectionReason
      decidedBy
      decidedAt
    }
  }
`);

type Pending = ApprovalsQuery['approvals']['edges'][number]['node'];
const REFETCH = { refetchQueries: ['Approvals'], awaitRefetchQueries: false };

function PendingItem({ entry, own }: { entry: Pending; own: boolean }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [approve, approval] = useMutation(APPROVE, REFETCH);
  const [reject, rejection] = useMutation(REJECT, REFETCH);
  const busy = approval.loading || rejection.loading;
  const label = `${entry.hours} h on ${entry.project}, ${formatDay(entry.date)}, by ${shortUserId(entry.userId)}`;
  const reasonId = `reason-${entry.id}`;

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(problemSentence(describeApiError(error)));
    }
  }

  function submitReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = validateReason(reason);
    if (!checked.ok) {
      setReasonError(`Give a reason the person can act on (1 to ${MAX_REASON_LENGTH} characters).`);
      document.getElementById(reasonId)?.focus();
      return;
    }
    void run(() => reject({ variables: { id: entry.id, reason: checked.value } }));
  }

  return (
    <li className="entry" data-entry-id={entry.id}>
      <div className="entry-main">
        <span className="entry-date">{formatDay(entry.date)}</span>
        <span className="entry-project">{entry.project}</span>
        <span className="entry-hours">{entry.hours} h</span>
      </div>
      {entry.notes && <p className="entry-notes">{entry.notes}</p>}
      {own ? (
        <p className="hint">Your own entry: another manager decides on it.</p>
      ) : (
        <div className="entry-actions">
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            aria-label={`Approve ${label}`}
            onClick={() => void run(() => approve({ variables: { id: entry.id } }))}
          >
            {approval.loading ? 'Approving…' : 'Approve'}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={busy}
            aria-expanded={rejecting}
            aria-label={`Reject ${label}`}
            onClick={() => setRejecting((open) => !open)}
          >
            Reject…
          </button>
        </div>
      )}
      {rejecting && !own && (
        <form className="reject-form" onSubmit={submitReject} noValidate>
          <label htmlFor={reasonId}>Reason for rejecting</label>
          <textarea
            id={reasonId}
            rows={2}
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(null);
            }}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
          />
          {reasonError && (
            <p id={`${reasonId}-error`} className="field-error">
              {reasonError}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-danger button-small" disabled={busy}>
              {rejection.loading ? 'Rejecting…' : 'Reject entry'}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => setRejecting(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function ApprovalList() {
  const auth = useAuth();
  const pages = useCursorPages();
  const { data, error, loading, refetch } = useQuery(APPROVALS, {
    variables: { first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.approvals;
  if (error)
    return (
      <ErrorPanel
        error={error}
        onRetry={() => void refetch()}
        title="Approvals could not be loaded"
      />
    );
  if (loading && !connection) return <Loading label="Loading pending entries…" />;
  if (!connection || connection.edges.length === 0) {
    return <p className="empty">Nothing waiting for approval. Well done.</p>;
  }
  const groups = groupForApproval(connection.edges.map((edge) => edge.node));
  return (
    <>
      <p>
        {connection.totalCount} {connection.totalCount === 1 ? 'entry is' : 'entries are'} waiting
        for a decision.
      </p>
      {groups.map((group) => {
        const headingId = `group-${group.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
        return (
          <section key={group.key} className="panel approval-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {shortUserId(group.userId)} · week of{' '}
              {formatRange(group.weekStart, addDays(group.weekStart, 6))}
            </h2>
            <p className="hint">
              {group.entries.length} pending {group.entries.length === 1 ? 'entry' : 'entries'},{' '}
              {formatHundredths(group.total)} hours · {group.userId}
            </p>
            <ul className="entries">
              {group.entries.map((entry) => (
                <PendingItem
                  key={entry.id}
                  entry={entry}
                  own={entry.userId === auth.profile?.sub}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {(pages.page > 1 || connection.pageInfo.hasNextPage) && (
        <Pager label="Approval pages" pages={pages} pageInfo={connection.pageInfo} />
      )}
    </>
  );
}

/** Approvals: pending entries of everyone, by person and week, for managers. */
export function ApprovalsView() {
  return (
    <RequireAuth title="Approvals" scope={SCOPES.approve}>
      <h1>Approvals</h1>
      <ApprovalList />
    </RequireAuth>
  );
}
