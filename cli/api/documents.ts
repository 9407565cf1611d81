import { graphql } from '../gql';

/** Entries of the signed-in person between two dates, one page at a time. */
export const WEEK_ENTRIES = graphql(`
  query CliWeekEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {
    timesheets(from: $from, to: $to, first: $first, after: $after) {
      edges {
        node {
          id
          date
          project
          hours
          notes
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Logs time for the signed-in person; the idempotency key makes a resend create it once. */
export const LOG_TIME = graphql(`
  mutation CliLogTime($input: CreateTimesheetInput!) {
    createTimesheet(input: $input) {
      id
      date
      project
      hours
      notes
      status
    }
  }
`);
