import type { ApolloCache } from '@apollo/client';

/**
 * What to forget after a mutation. The normalized cache updates an entry returned by a mutation
 * by itself; what it cannot know is which lists, totals and histories the change moves it in or
 * out of. Evicting those fields makes the screens on show fetch them again (keeping their data
 * on screen meanwhile) and the screens seen earlier, such as other weeks, fetch them when shown.
 */

function forgetHistories(cache: ApolloCache, entryIds: readonly string[]): void {
  for (const id of entryIds) {
    cache.evict({ id: cache.identify({ __typename: 'Timesheet', id }), fieldName: 'history' });
  }
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'timesheetHistory' });
}

/** The weeks (their status, version, hours and history) and the board move with any change. */
function forgetWeeks(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'week' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'teamWeeks' });
}

/** After the caller added, changed or deleted one of their own entries or absences. */
export function forgetOwnEntries(
  cache: ApolloCache,
  changed: { id: string; deleted?: boolean } | null,
): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'timesheets' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'projects' });
  // Approvers see their team's lists: an edit can put an entry back into them.
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvals' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvalWeeks' });
  forgetWeeks(cache);
  if (changed?.deleted) {
    cache.evict({ id: cache.identify({ __typename: 'Timesheet', id: changed.id }) });
  } else if (changed) {
    forgetHistories(cache, [changed.id]);
  }
  cache.gc();
}

/**
 * After the caller saved, submitted or withdrew their week: everything of their own that the
 * week holds, and the entries' histories (the answer brings the week itself).
 */
export function forgetOwnWeek(cache: ApolloCache, entryIds: readonly string[]): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'timesheets' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'projects' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvals' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvalWeeks' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'teamWeeks' });
  forgetHistories(cache, entryIds);
  cache.gc();
}

/** After an approver decided on entries (one, or a person's week). */
export function forgetDecided(cache: ApolloCache, entryIds: readonly string[]): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvals' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'approvalWeeks' });
  forgetWeeks(cache);
  forgetHistories(cache, entryIds);
  cache.gc();
}

/** After payroll closed or reopened the period: every week's `closed` may have changed. */
export function forgetPeriod(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'period' });
  forgetWeeks(cache);
  cache.gc();
}
