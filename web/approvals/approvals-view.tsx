'use client';

import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { SCOPES } from '../../core';
import { RequireAuth } from '../auth/require-auth';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { Pager } from '../components/pager';
import { graphql } from '../gql';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useFocusAfterRemoval } from '../lib/use-focus-after-removal';
import { ApprovalWeekSection, weekKey } from './approval-week';
import type { DecisionContext } from './decisions';

const PAGE_SIZE = 20;

const MY_TEAMS = graphql(`
  query MyTeams {
    me {
      id
      team
      manages
      reach
    }
  }
`);

const APPROVAL_WEEKS = graphql(`
  query ApprovalWeeks($team: String, $first: Int!, $after: String) {
    approvalWeeks(status: PENDING, team: $team, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        weekStart
        version
        totalHours
        owner {
          id
          name
          email
          team
        }
        entries {
          id
          userId
          date
          project
          hours
          notes
          status
          version
        }
      }
    }
  }
`);

/** The team filter, offered to a manager of several teams. */
function TeamFilter({
  teams,
  team,
  onChange,
}: {
  teams: readonly string[];
  team: string;
  onChange: (team: string) => void;
}) {
  const id = useId();
  return (
    <div className="field team-filter">
      <label htmlFor={id}>Team</label>
      <select id={id} value={team} onChange={(event) => onChange(event.target.value)}>
        <option value="">All my teams</option>
        {teams.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The pending person-weeks of one team (or all the caller may see), a page at a time. */
function WeekList({
  team,
  context,
  heading,
}: {
  team: string;
  context: Omit<DecisionContext, 'willRemove' | 'stay'>;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const pages = useCursorPages();
  const list = useRef<HTMLDivElement>(null);
  const focus = useFocusAfterRemoval(list, heading);
  const { data, error, loading, refetch } = useQuery(APPROVAL_WEEKS, {
    variables: { team: team || null, first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.approvalWeeks;
  const emptyLaterPage = connection?.nodes.length === 0 && pages.page > 1;
  const { previous } = pages;
  const decisions = useMemo(
    () => ({ ...context, willRemove: focus.willRemove, stay: focus.stay }),
    [context, focus.willRemove, focus.stay],
  );

  useEffect(() => {
    if (emptyLaterPage) previous();
  }, [emptyLaterPage, previous]);

  if (error) {
    return (
      <ErrorPanel
        error={error}
        onRetry={() => void refetch()}
        title="Approvals could not be loaded"
      />
    );
  }
  if (loading && !connection) return <Loading label="Loading pending weeks…" />;
  if (!connection || connection.nodes.length === 0) {
    return <p className="empty">Nothing waiting for approval. Well done.</p>;
  }
  return (
    <div ref={list}>
      {connection.nodes.map((week) => (
        <ApprovalWeekSection key={weekKey(week)} week={week} context={decisions} />
      ))}
      {(pages.page > 1 || connection.pageInfo.hasNextPage) && (
        <Pager label="Approval pages" pages={pages} pageInfo={connection.pageInfo} />
      )}
    </div>
  );
}

function Approvals() {
  const teams = useQuery(MY_TEAMS);
  const [team, setTeam] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const manages = teams.data?.me.manages ?? null;
  const reach = teams.data?.me.reach;
  const context = useMemo(() => ({ announce: setStatus }), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Approvals
      </h1>
      <p className="hint">
        Pending entries of submitted weeks, by person and week, newest week first
        {manages ? ` (${manages.length === 1 ? 'team' : 'teams'} ${manages.join(', ')})` : ''}
        {reach === 'EVERYONE' ? ' (every team)' : ''}. Approve or reject a whole week, or one entry
        at a time.
      </p>
      {reach === 'OWN' && (
        <p className="alert" role="alert">
          Your account may approve timesheets, but it names no team to approve for, so there is
          nothing for you here. Ask an administrator to set the teams you manage.
        </p>
      )}
      {manages && manages.length > 1 && (
        <TeamFilter teams={manages} team={team} onChange={setTeam} />
      )}
      <div role="status" className="form-status">
        {status}
      </div>
      <WeekList key={team} team={team} context={context} heading={heading} />
    </>
  );
}

/** Approvals: the pending weeks of the people the caller approves for. */
export function ApprovalsView() {
  return (
    <RequireAuth title="Approvals" scope={SCOPES.approve}>
      <Approvals />
    </RequireAuth>
  );
}
