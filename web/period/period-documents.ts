import { graphql } from '../gql';

/** The payroll period: the close date and every close and reopen. */
export const PERIOD = graphql(`
  query Period {
    period {
      closedThrough
      history {
        at
        action
        closedThrough
        reason
        actor {
          id
          name
          email
        }
      }
    }
  }
`);

export const CLOSE_PERIOD = graphql(`
  mutation ClosePeriod($through: LocalDate!, $reason: String) {
    closePeriod(through: $through, reason: $reason) {
      period {
        closedThrough
      }
      notApproved {
        weekStart
        status
        version
        recordedHours
        expectedHours
        owner {
          id
          name
          email
          team
        }
      }
    }
  }
`);

export const REOPEN_PERIOD = graphql(`
  mutation ReopenPeriod($from: LocalDate!, $reason: String!) {
    reopenPeriod(from: $from, reason: $reason) {
      closedThrough
    }
  }
`);
