'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { addDays, SCOPES } from '../../core';
import { useAuth } from '../auth/auth-context';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { Pager } from '../components/pager';
import { graphql } from '../gql';
import { formatRange } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useFocusAfterRemoval } from '../lib/use-focus-after-removal';
import { MY_WEEK } from '../weeks/week-documents';
import { EntryItem } from './entry-item';
import type { EntryItemActions } from './entry-item';

const PAGE_SIZE = 10;

const MY_ENTRIES = graphql(`
  query MyEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {
    timesheets(from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MyEntryFields
        }
      }
    }
  }
`);

/** Links to the weeks before and after, the same as the grid's (they move the whole page). */
function WeekLinks({ monday, weekHref }: { monday: string; weekHref: (m: string) => string }) {
  return (
    <nav aria-label="Weeks of my entries" className="week-nav">
      <Link className="button button-quiet button-small" href={weekHref(addDays(monday, -7))}>
        <span aria-hidden="true">←</span> Previous week
      </Link>
      <Link className="button button-quiet button-small" href={weekHref(addDays(monday, 7))}>
        Next week <span aria-hidden="true">→</span>
      </Link>
    </nav>
  );
}

/** My entries of the week on screen, a page at a time, with what I may still do with each. */
export function EntryList({
  monday,
  weekHref,
}: {
  monday: string;
  weekHref: (monday: string) => string;
}) {
  const auth = useAuth();
  const pages = useCursorPages();
  const [status, setStatus] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useFocusAfterRemoval(list, heading);
  const { data, error, loading, refetch } = useQuery(MY_ENTRIES, {
    variables: { from: monday, to: addDays(monday, 6), first: PAGE_SIZE, after: pages.after },
  });
  // The same query as the week's status: a week in a closed payroll period changes no more.
  const week = useQuery(MY_WEEK, { variables: { weekStart: monday } });
  const closed = week.data?.week.closed === true;
  const connection = data?.timesheets;
  const totalPages = connection ? Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE)) : 1;
  const emptyLaterPage = connection?.edges.length === 0 && pages.page > 1;
  const { previous } = pages;

  useEffect(() => {
    // The last entry of a later page was deleted or moved: show the page before.
    if (emptyLaterPage) previous();
  }, [emptyLaterPage, previous]);

  const actions: EntryItemActions = useMemo(
    () => ({
      canEdit: auth.hasScope(SCOPES.create) && !closed,
      canDelete: auth.hasScope(SCOPES.delete) && !closed,
      announce: setStatus,
      willRemove: focus.willRemove,
      stay: focus.stay,
    }),
    [auth, closed, focus.willRemove, focus.stay],
  );

  return (
    <section aria-labelledby="entries-title" className="panel">
      <div className="week-header">
        <h2 id="entries-title" ref={heading} tabIndex={-1}>
          My entries <span className="heading-note">{formatRange(monday, addDays(monday, 6))}</span>
        </h2>
        <WeekLinks monday={monday} weekHref={weekHref} />
      </div>
      <div role="status" className="form-status">
        {status}
      </div>
      {error ? (
        <ErrorPanel
          error={error}
          onRetry={() => void refetch()}
          title="Your entries could not be loaded"
        />
      ) : loading && !connection ? (
        <Loading label="Loading your entries…" />
      ) : !connection || connection.edges.length === 0 ? (
        <p className="empty">No entries this week.</p>
      ) : (
        <>
          <ul className="entries" ref={list}>
            {connection.edges.map((edge) => (
              <EntryItem key={edge.node.id} entry={edge.node} actions={actions} />
            ))}
          </ul>
          {(pages.page > 1 || connection.pageInfo.hasNextPage) && (
            <Pager label="Entry pages" pages={pages} pageInfo={connection.pageInfo}>
              Page {pages.page} of {totalPages} · {connection.totalCount} entries this week
            </Pager>
          )}
        </>
      )}
    </section>
  );
}
