'use client';

import { useQuery } from '@apollo/client/react';
import { addDays, displayName, MAX_TEAM_WEEKS_PAGE, startOfWeek } from '../../core';
import { TEAM_WEEKS } from '../board/board-documents';
import { formatDay } from '../lib/format';
import { WEEK_STATUS_LABELS } from '../weeks/week-status';

/** How many weeks before the close date the preview looks at. */
const PREVIEW_WEEKS = 5;

/**
 * The Mondays of the weeks that closing through `through` would close, newest first: those
 * starting after the current close date, at most {@link PREVIEW_WEEKS}.
 */
export function weeksToClose(closedThrough: string | null, through: string): string[] {
  const mondays: string[] = [];
  for (
    let monday = startOfWeek(through);
    mondays.length < PREVIEW_WEEKS &&
    (closedThrough === null || addDays(monday, 6) > closedThrough);
    monday = addDays(monday, -7)
  ) {
    mondays.push(monday);
  }
  return mondays;
}

/** The person-weeks of one week that are not approved yet. */
function WeekNotApproved({ monday }: { monday: string }) {
  const { data, loading, error } = useQuery(TEAM_WEEKS, {
    variables: { weekStart: monday, team: null, first: MAX_TEAM_WEEKS_PAGE, after: null },
    fetchPolicy: 'network-only',
  });
  if (error) return null;
  if (loading && !data) return <li className="hint">Week of {formatDay(monday)}: loading…</li>;
  const open = data?.teamWeeks.nodes.filter((week) => week.status !== 'APPROVED') ?? [];
  return (
    <li>
      Week of {formatDay(monday)}:{' '}
      {open.length === 0
        ? 'all approved'
        : open
            .map((week) => `${displayName(week.owner)} (${WEEK_STATUS_LABELS[week.status]})`)
            .join(', ')}
      {data?.teamWeeks.pageInfo.hasNextPage ? ', and more' : ''}
    </li>
  );
}

/** What is still not approved in the last weeks a close would freeze. */
export function NotApprovedPreview({
  closedThrough,
  through,
}: {
  closedThrough: string | null;
  through: string;
}) {
  const mondays = weeksToClose(closedThrough, through);
  if (mondays.length === 0) return null;
  return (
    <>
      <p>Still not approved in the last weeks it closes:</p>
      <ul className="not-approved">
        {mondays.map((monday) => (
          <WeekNotApproved key={monday} monday={monday} />
        ))}
      </ul>
    </>
  );
}
