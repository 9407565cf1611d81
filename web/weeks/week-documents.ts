import { graphql } from '../gql';

/** Everything the week screen shows of a week; the week mutations answer it too. */
export const WEEK_FIELDS = graphql(`
  fragment WeekFields on TimesheetWeek {
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
      status
      version
    }
    absences {
      id
      date
      kind
      hours
    }
    holidays {
      date
      name
    }
    history {
      at
      action
      status
      version
      reason
      note
      entryId
      actor {
        id
        name
        email
      }
    }
  }
`);

/** The caller's own week. */
export const MY_WEEK = graphql(`
  query MyWeek($weekStart: LocalDate!) {
    week(weekStart: $weekStart) {
      ...WeekFields
    }
  }
`);

/** Only the projects of a week: "Copy last week's rows". */
export const WEEK_PROJECTS = graphql(`
  query WeekProjects($weekStart: LocalDate!) {
    week(weekStart: $weekStart) {
      weekStart
      owner {
        id
      }
      entries {
        id
        project
      }
    }
  }
`);

export const SAVE_WEEK = graphql(`
  mutation SaveWeek($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {
    saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) {
      ...WeekFields
    }
  }
`);

export const SUBMIT_WEEK = graphql(`
  mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {
    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {
      ...WeekFields
    }
  }
`);

export const WITHDRAW_WEEK = graphql(`
  mutation WithdrawWeek($weekStart: LocalDate!, $expectedVersion: Int!) {
    withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) {
      ...WeekFields
    }
  }
`);

export const RECORD_ABSENCE = graphql(`
  mutation RecordAbsence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {
    recordAbsence(date: $date, kind: $kind, hours: $hours) {
      id
      date
      kind
      hours
    }
  }
`);

export const DELETE_ABSENCE = graphql(`
  mutation DeleteAbsence($id: ID!) {
    deleteAbsence(id: $id)
  }
`);
