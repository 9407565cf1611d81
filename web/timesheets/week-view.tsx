'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { addDays, isLocalDate, SCOPES, startOfWeek } from '../../core';
import { RequireAuth } from '../auth/require-auth';
import { useAuth } from '../auth/auth-context';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { formatRange, todayLocal } from '../lib/format';
import { MY_WEEK } from '../weeks/week-documents';
import { WeekEditor } from '../weeks/week-editor';
import { EntryForm } from './entry-form';
import { EntryList } from './entry-list';
import { HoursChart } from './hours-chart';
import { WEEK_ENTRIES, weekVariables } from './week-entries';
import { summarizeWeek } from './week-summary';

function weekHref(monday: string): string {
  return `/week/?week=${monday}`;
}

function WeekSection({ monday, thisMonday }: { monday: string; thisMonday: string }) {
  const auth = useAuth();
  const variables = weekVariables(monday);
  const week = useQuery(MY_WEEK, {
    variables: { weekStart: monday },
    notifyOnNetworkStatusChange: false,
  });
  // The chart, and the entry form's check of the daily limit, read the week's entries.
  const entries = useQuery(WEEK_ENTRIES, { variables, notifyOnNetworkStatusChange: false });
  const range = formatRange(variables.from, variables.to);
  const summary = summarizeWeek(
    monday,
    entries.data?.timesheets.edges.map((edge) => edge.node) ?? [],
  );
  const { data, error, loading, refetch } = week;

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
      ) : data ? (
        <div className="week-body">
          <WeekEditor
            key={monday}
            week={data.week}
            canWrite={auth.hasScope(SCOPES.create)}
            canDelete={auth.hasScope(SCOPES.delete)}
            caption={`Hours per project and day, ${range}`}
          />
          <HoursChart summary={summary} />
        </div>
      ) : null}
    </section>
  );
}

function WeekPage() {
  const params = useSearchParams();
  const auth = useAuth();
  const requested = params.get('week');
  const today = todayLocal();
  const thisMonday = startOfWeek(today);
  const monday = requested && isLocalDate(requested) ? startOfWeek(requested) : thisMonday;
  const defaultDate = monday === thisMonday ? today : monday;
  return (
    <>
      <h1>My week</h1>
      <WeekSection monday={monday} thisMonday={thisMonday} />
      {auth.hasScope(SCOPES.create) && <EntryForm defaultDate={defaultDate} />}
      <EntryList key={monday} monday={monday} weekHref={weekHref} />
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
