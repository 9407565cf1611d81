'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { addDays, isLocalDate, SCOPES, startOfWeek } from '../../core';
import { RequireAuth } from '../auth/require-auth';
import { useAuth } from '../auth/auth-context';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { graphql } from '../gql';
import { formatRange, todayLocal } from '../lib/format';
import { EntryForm } from './entry-form';
import { EntryList } from './entry-list';
import { HoursChart } from './hours-chart';
import { WeekGrid } from './week-grid';
import { summarizeWeek } from './week-summary';

export const WEEK_ENTRIES = graphql(`
  query WeekEntries($from: LocalDate!, $to: LocalDate!) {
    timesheets(from: $from, to: $to, first: 200) {
      totalCount
      totalHours
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          date
          project
          hours
          status
        }
      }
    }
  }
`);

function weekHref(monday: string): string {
  return `/week/?week=${monday}`;
}

function WeekSection({ monday }: { monday: string }) {
  const sunday = addDays(monday, 6);
  const { data, error, loading, refetch } = useQuery(WEEK_ENTRIES, {
    variables: { from: monday, to: sunday },
    notifyOnNetworkStatusChange: false,
  });
  const range = formatRange(monday, sunday);
  const thisMonday = startOfWeek(todayLocal());

  const entries = data?.timesheets.edges.map((edge) => edge.node) ?? [];
  const summary = summarizeWeek(monday, entries);

  return (
    <section aria-labelledby="week-title" className="week">
      <div className="week-header">
        <h2 id="week-title">
          Week of <span className="nowrap">{range}</span>
        </h2>
        <nav aria-label="Weeks" className="week-nav">
          <Link className="button button-quiet" href={weekHref(addDays(monday, -7))}>
            <span aria-hidden="true">←</span> Previous week
          </Link>
          {monday !== thisMonday && (
            <Link className="button button-quiet" href={weekHref(thisMonday)}>
              This week
            </Link>
          )}
          <Link className="button button-quiet" href={weekHref(addDays(monday, 7))}>
            Next week <span aria-hidden="true">→</span>
          </Link>
        </nav>
      </div>
      {error ? (
        <ErrorPanel
          error={error}
          onRetry={() => void refetch()}
          title="Your week could not be loaded"
        />
      ) : loading && !data ? (
        <Loading label="Loading your week…" />
      ) : (
        <>
          <p className="week-total" aria-live="polite">
            <strong>{summary.total / 100}</strong> hours this week
            {data?.timesheets.pageInfo.hasNextPage &&
              ` (the grid shows the first 200 of ${data.timesheets.totalCount} entries; the API counts ${data.timesheets.totalHours} hours)`}
          </p>
          <div className="week-body">
            <WeekGrid summary={summary} caption={`Hours per project and day, ${range}`} />
            <HoursChart summary={summary} />
          </div>
        </>
      )}
    </section>
  );
}

function WeekPage() {
  const params = useSearchParams();
  const auth = useAuth();
  const requested = params.get('week');
  const monday = startOfWeek(requested && isLocalDate(requested) ? requested : todayLocal());
  const today = todayLocal();
  const defaultDate = today >= monday && today <= addDays(monday, 6) ? today : monday;
  return (
    <>
      <h1>My week</h1>
      <WeekSection monday={monday} />
      {auth.hasScope(SCOPES.create) && <EntryForm defaultDate={defaultDate} />}
      <EntryList />
    </>
  );
}

/** My week: the grid, the chart, the entry form and my entries. */
export function WeekView() {
  return (
    <RequireAuth title="My week" scope={SCOPES.read}>
      <WeekPage />
    </RequireAuth>
  );
}
