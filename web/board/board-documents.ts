import { graphql } from '../gql';

/** One person's week as a row of the board, with what the manager needs to decide it. */
export const BOARD_WEEK_FIELDS = graphql(`
  fragment BoardWeekFields on TimesheetWeek {
    weekStart
    status
    version
    recordedHours
    absenceHours
    expectedHours
    missingDays
    submittedAt
    decidedAt
    note
    reason
    closed
    owner {
      id
      name
      email
      team
    }
    decidedBy {
      id
      name
      email
    }
    entries {
      id
      date
      project
      hours
      notes
      status
    }
    absences {
      id
      date
      kind
      hours
    }
  }
`);

/** The board: every person the caller reaches who is expected to file the week. */
export const TEAM_WEEKS = graphql(`
  query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int!, $after: String) {
    teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...BoardWeekFields
      }
    }
  }
`);

/** The teams of the caller, for the board's team filter. */
export const BOARD_TEAMS = graphql(`
  query BoardTeams {
    me {
      id
      manages
      reach
    }
  }
`);

export const APPROVE_SUBMITTED_WEEK = graphql(`
  mutation ApproveSubmittedWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int!) {
    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {
      id
      status
      version
      decidedBy
      decidedAt
      rejectionReason
      updatedAt
    }
  }
`);

export const REJECT_SUBMITTED_WEEK = graphql(`
  mutation RejectSubmittedWeek(
    $userId: ID!
    $weekStart: LocalDate!
    $reason: String!
    $expectedVersion: Int!
  ) {
    rejectWeek(
      userId: $userId
      weekStart: $weekStart
      reason: $reason
      expectedVersion: $expectedVersion
    ) {
      id
      status
      version
      decidedBy
      decidedAt
      rejectionReason
      updatedAt
    }
  }
`);
