'use client';

import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { SCOPES } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { useAuth } from '../auth/auth-context';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorPanel, problemSentence } from '../components/error-panel';
import { Loading } from '../components/loading';
import { graphql } from '../gql';
import type { MyEntriesQuery } from '../gql/graphql';
import { formatDay, formatLongDay } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { Pager } from '../components/pager';
import { StatusBadge } from './status-badge';

const PAGE_SIZE = 10;

const MY_ENTRIES = graphql(`
  query MyEntries($first: Int!, $after: String) {
    timesheets(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          date
          project
          hours
          notes
          status
          rejectionReason
        }
      }
    }
  }
`);

const DELETE_TIMESHEET = graphql(`
  mutation DeleteTimesheet($id: ID!) {
    deleteTimesheet(id: $id)
  }
`);

type Entry = MyEntriesQuery['timesheets']['edges'][number]['node'];

function DeleteEntry({ entry }: { entry: Entry }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleteTimesheet, { loading }] = useMutation(DELETE_TIMESHEET, {
    refetchQueries: ['WeekEntries', 'MyEntries'],
    awaitRefetchQueries: false,
  });
  const label = `${entry.hours} h on ${entry.project}, ${formatDay(entry.date)}`;

  async function confirm() {
    setConfirming(false);
    setProblem(null);
    try {
      await deleteTimesheet({ variables: { id: entry.id } });
    } catch (error) {
      const described = describeApiError(error);
      setProblem(
        described.kind === 'conflict'
          ? `This entry can no longer be deleted: ${described.message}`
          : problemSentence(described),
      );
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => setConfirming(true)}
        disabled={loading}
        aria-label={`Delete entry: ${label}`}
      >
        {loading ? 'Deleting…' : 'Delete'}
      </button>
      <ConfirmDialog
        open={confirming}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {entry.hours} hours on <strong>{entry.project}</strong>, {formatLongDay(entry.date)}. This
          cannot be undone.
        </p>
      </ConfirmDialog>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function EntryItem({ entry, canDelete }: { entry: Entry; canDelete: boolean }) {
  return (
    <li className="entry" data-entry-id={entry.id}>
      <div className="entry-main">
        <span className="entry-date">{formatDay(entry.date)}</span>
        <span className="entry-project">{entry.project}</span>
        <span className="entry-hours">{entry.hours} h</span>
        <StatusBadge status={entry.status} />
      </div>
      {entry.notes && <p className="entry-notes">{entry.notes}</p>}
      {entry.status === 'REJECTED' && entry.rejectionReason && (
        <p className="entry-reason">Reason: {entry.rejectionReason}</p>
      )}
      {canDelete && entry.status !== 'APPROVED' && (
        <div className="entry-actions">
          <DeleteEntry entry={entry} />
        </div>
      )}
    </li>
  );
}

/** My entries, newest first, a page at a time. */
export function EntryList() {
  const auth = useAuth();
  const pages = useCursorPages();
  const { data, error, loading, refetch } = useQuery(MY_ENTRIES, {
    variables: { first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.timesheets;
  const canDelete = auth.hasScope(SCOPES.delete);
  const totalPages = connection ? Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="entries-title" className="panel">
      <h2 id="entries-title">My entries</h2>
      {error ? (
        <ErrorPanel
          error={error}
          onRetry={() => void refetch()}
          title="Your entries could not be loaded"
        />
      ) : loading && !connection ? (
        <Loading label="Loading your entries…" />
      ) : !connection || connection.edges.length === 0 ? (
        <p className="empty">No entries yet. Add your first one above.</p>
      ) : (
        <>
          <ul className="entries">
            {connection.edges.map((edge) => (
              <EntryItem key={edge.node.id} entry={edge.node} canDelete={canDelete} />
            ))}
          </ul>
          <Pager label="Entry pages" pages={pages} pageInfo={connection.pageInfo}>
            Page {pages.page} of {totalPages} · {connection.totalCount} entries
          </Pager>
        </>
      )}
    </section>
  );
}
