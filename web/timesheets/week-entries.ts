import type { ApolloClient } from '@apollo/client';
import { addDays, startOfWeek, toHundredths } from '../../core';
import { graphql } from '../gql';

/** A week's entries for the grid and the chart, and for the form's check of the daily limit. */
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

/**
 * The variables of {@link WEEK_ENTRIES} for the week that starts on `monday`: the week view asks
 * with them and the entry form reads the cache with them, so both must build them the same way.
 */
export function weekVariables(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 6) };
}

/**
 * The hundredths of an hour already logged on `date`, from the cached week (the form's check of
 * the daily limit); null when that week is not cached or not complete.
 */
export function loggedOn(client: ApolloClient, date: string): number | null {
  const week = client.readQuery({
    query: WEEK_ENTRIES,
    variables: weekVariables(startOfWeek(date)),
  });
  if (!week || week.timesheets.pageInfo.hasNextPage) return null;
  return week.timesheets.edges
    .filter((edge) => edge.node.date === date)
    .reduce((sum, edge) => sum + (toHundredths(edge.node.hours) ?? 0), 0);
}
