import { addDays } from '../../core';
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
