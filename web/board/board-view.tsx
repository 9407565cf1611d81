'use client';

import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { addDays, isLocalDate, SCOPES, startOfWeek } from '../../core';
import { RequireAuth } from '../auth/require-auth';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { Pager } from '../components/pager';
import { formatRange, todayLocal } from '../lib/format';
import { useCursorPages } from '../lib/use-cursor-pages';
import { BOARD_TEAMS, TEAM_WEEKS } from './board-documents';
import { BoardWeek } from './board-week';

const PAGE_SIZE = 50;

function boardHref(monday: string, team: string): string {
  return `/board/?week=${monday}${team ? `&team=${encodeURIComponent(team)}` : ''}`;
}

/** The people of one week (and team), a page at a time. */
function BoardList({
  monday,
  team,
  announce,
}: {
  monday: string;
  team: string;
  announce: (message: string) => void;
}) {
  const pages = useCursorPages();
  const { data, error, loading, refetch } = useQuery(TEAM_WEEKS, {
    variables: { weekStart: monday, team: team || null, first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.teamWeeks;
  if (error) {
    return (
      <ErrorPanel
        error={error}
        onRetry={() => void refetch()}
        title="The board could not be loaded"
      />
    );
  }
  if (loading && !connection) return <Loading label="Loading the board…" />;
  if (!connection || connection.nodes.length === 0) {
    return <p className="empty">Nobody you approve for is expected to file this week.</p>;
  }
  const counts = connection.nodes.reduce<Record<string, number>>((all, week) => {
    all[week.status] = (all[week.status] ?? 0) + 1;
    return all;
  }, {});
  return (
    <>
      <p className="hint">
        {connection.nodes.length} people on this page: {counts.SUBMITTED ?? 0} submitted,{' '}
        {counts.OPEN ?? 0} open, {counts.APPROVED ?? 0} approved, {counts.REJECTED ?? 0} rejected.
      </p>
      <ul className="board">
        {connection.nodes.map((week) => (
          <BoardWeek key={`${week.owner.id} ${week.weekStart}`} week={week} announce={announce} />
        ))}
      </ul>
      {(pages.page > 1 || connection.pageInfo.hasNextPage) && (
        <Pager label="Board pages" pages={pages} pageInfo={connection.pageInfo} />
      )}
    </>
  );
}

function Board() {
  const params = useSearchParams();
  const teams = useQuery(BOARD_TEAMS);
  const filterId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const requested = params.get('week');
  const thisMonday = startOfWeek(todayLocal());
  const monday = requested && isLocalDate(requested) ? startOfWeek(requested) : thisMonday;
  const [team, setTeam] = useState(params.get('team') ?? '');
  const manages = teams.data?.me.manages ?? null;
  useEffect(() => setMessage(null), [monday, team]);
  return (
    <>
      <h1>Team board</h1>
      <p className="hint">
        Everyone you approve for who is expected to file the week: status, hours against expected
        hours, and the working days with nothing recorded. Open a submitted week to approve or
        reject it.
      </p>
      <div className="week-header">
        <h2>
          Week of <span className="nowrap">{formatRange(monday, addDays(monday, 6))}</span>
        </h2>
        <nav aria-label="Weeks" className="week-nav">
          <Link className="button button-quiet" href={boardHref(addDays(monday, -7), team)}>
            <span aria-hidden="true">←</span> Previous week
          </Link>
          {monday !== thisMonday && (
            <Link className="button button-quiet" href={boardHref(thisMonday, team)}>
              This week
            </Link>
          )}
          <Link className="button button-quiet" href={boardHref(addDays(monday, 7), team)}>
            Next week <span aria-hidden="true">→</span>
          </Link>
        </nav>
      </div>
      {manages && manages.length > 1 && (
        <div className="field team-filter">
          <label htmlFor={filterId}>Team</label>
          <select id={filterId} value={team} onChange={(event) => setTeam(event.target.value)}>
            <option value="">All my teams</option>
            {manages.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div role="status" className="form-status">
        {message}
      </div>
      <BoardList key={`${monday} ${team}`} monday={monday} team={team} announce={setMessage} />
    </>
  );
}

/** The manager's board: one week of the people the caller approves for. */
export function BoardView() {
  return (
    <RequireAuth title="Team board" scope={SCOPES.approve}>
      <Board />
    </RequireAuth>
  );
}
