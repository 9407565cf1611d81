import { endOfWeek, MAX_TEAM_WEEKS_PAGE } from '../../core';
import { BadUserInputError } from '../errors';
import { reachCondition } from '../reach/reach-condition';
import type { Viewer } from '../reach/reach';
import { checkFirst, type ServiceContext } from '../timesheets/timesheet-checks';
import { loadWeeks } from './read-week';
import type { TimesheetWeekPage } from './week';
import { checkWeekStart } from './week-checks';
import * as repo from './week.repository';
import type { PersonCursor } from './week.repository';

const encodeCursor = (cursor: PersonCursor) =>
  Buffer.from(JSON.stringify([cursor.sortName, cursor.id]), 'utf8').toString('base64url');

function decodeCursor(after: string): PersonCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      const cursor = { sortName: value[0], id: value[1] };
      if (encodeCursor(cursor) === after) return cursor;
    }
  } catch {
    // answered below
  }
  throw new BadUserInputError('after is not a valid cursor', 'after');
}

export interface TeamWeeksArgs {
  weekStart: string;
  team?: string | null;
  first: number;
  after?: string | null;
}

/**
 * Completeness of one week: a row per person expected to file it whom the viewer may decide on
 * (the reach of approvals, never the viewer), people with nothing recorded included, by name.
 * One statement for the page of people, then {@link loadWeeks} for all of them at once.
 */
export async function teamWeeks(
  { db, now }: ServiceContext,
  viewer: Viewer,
  { weekStart, team, first, after }: TeamWeeksArgs,
): Promise<TimesheetWeekPage> {
  checkWeekStart(weekStart);
  checkFirst(first, MAX_TEAM_WEEKS_PAGE);
  const people = await repo.findPeopleExpected(db, {
    weekStart,
    weekEnd: endOfWeek(weekStart),
    reach: (eb) => reachCondition(eb, viewer, 'decide', 'people.id'),
    team: team ?? null,
    after: after == null ? null : decodeCursor(after),
    limit: first + 1,
  });
  const page = people.slice(0, first);
  const nodes = await loadWeeks(
    db,
    page.map((person) => ({ userId: person.id, weekStart })),
    now(),
  );
  const last = page.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: people.length > first,
      endCursor: last ? encodeCursor({ sortName: last.sortName, id: last.id }) : null,
    },
  };
}
