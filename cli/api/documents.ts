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

/**
 * The signed-in person's week: where it is in the cycle, its version (sent back by `submit`),
 * hours against expected hours, what is missing, and who decided; with the payroll close date.
 */
export const WEEK_STATUS = graphql(`
  query CliWeekStatus($weekStart: LocalDate!) {
    week(weekStart: $weekStart) {
      weekStart
      status
      version
      recordedHours
      absenceHours
      expectedHours
      missingDays
      absences {
        id
        date
        kind
        hours
      }
      submittedAt
      decidedAt
      decidedBy {
        id
        name
        email
      }
      note
      reason
      closed
    }
    period {
      closedThrough
    }
  }
`);

/** Submits the signed-in person's week at the version they read, with a note when it is short. */
export const SUBMIT_WEEK = graphql(`
  mutation CliSubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {
    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {
      weekStart
      status
      version
      recordedHours
      absenceHours
      expectedHours
      submittedAt
      note
    }
  }
`);
