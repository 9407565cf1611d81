/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MyTeams {\n    me {\n      id\n      team\n      manages\n      reach\n    }\n  }\n": typeof types.MyTeamsDocument,
    "\n  query ApprovalWeeks($team: String, $first: Int!, $after: String) {\n    approvalWeeks(status: PENDING, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        weekStart\n        version\n        totalHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n        entries {\n          id\n          userId\n          date\n          project\n          hours\n          notes\n          status\n          version\n        }\n      }\n    }\n  }\n": typeof types.ApprovalWeeksDocument,
    "\n  fragment DecidedFields on Timesheet {\n    id\n    status\n    rejectionReason\n    decidedBy\n    decidedAt\n    version\n    updatedAt\n  }\n": typeof types.DecidedFieldsFragmentDoc,
    "\n  mutation ApproveTimesheet($id: ID!, $expectedVersion: Int) {\n    approveTimesheet(id: $id, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": typeof types.ApproveTimesheetDocument,
    "\n  mutation RejectTimesheet($id: ID!, $reason: String!, $expectedVersion: Int) {\n    rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": typeof types.RejectTimesheetDocument,
    "\n  mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": typeof types.ApproveWeekDocument,
    "\n  mutation RejectWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      ...DecidedFields\n    }\n  }\n": typeof types.RejectWeekDocument,
    "\n  fragment BoardWeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n      team\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n  }\n": typeof types.BoardWeekFieldsFragmentDoc,
    "\n  query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int!, $after: String) {\n    teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BoardWeekFields\n      }\n    }\n  }\n": typeof types.TeamWeeksDocument,
    "\n  query BoardTeams {\n    me {\n      id\n      manages\n      reach\n    }\n  }\n": typeof types.BoardTeamsDocument,
    "\n  mutation ApproveSubmittedWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int!) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n": typeof types.ApproveSubmittedWeekDocument,
    "\n  mutation RejectSubmittedWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int!\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n": typeof types.RejectSubmittedWeekDocument,
    "\n  query ExportEntries($from: LocalDate!, $to: LocalDate!, $after: String) {\n    timesheets(from: $from, to: $to, first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n          rejectionReason\n        }\n      }\n    }\n  }\n": typeof types.ExportEntriesDocument,
    "\n  query Period {\n    period {\n      closedThrough\n      history {\n        at\n        action\n        closedThrough\n        reason\n        actor {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.PeriodDocument,
    "\n  mutation ClosePeriod($through: LocalDate!, $reason: String) {\n    closePeriod(through: $through, reason: $reason) {\n      period {\n        closedThrough\n      }\n      notApproved {\n        weekStart\n        status\n        version\n        recordedHours\n        expectedHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n      }\n    }\n  }\n": typeof types.ClosePeriodDocument,
    "\n  mutation ReopenPeriod($from: LocalDate!, $reason: String!) {\n    reopenPeriod(from: $from, reason: $reason) {\n      closedThrough\n    }\n  }\n": typeof types.ReopenPeriodDocument,
    "\n  mutation DeleteTimesheet($id: ID!) {\n    deleteTimesheet(id: $id)\n  }\n": typeof types.DeleteTimesheetDocument,
    "\n  query EntryDetails($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n      createdAt\n      owner {\n        id\n        name\n        email\n      }\n      history {\n        at\n        action\n        reason\n        actor {\n          id\n          name\n          email\n        }\n        changes {\n          field\n          from\n          to\n        }\n      }\n    }\n  }\n": typeof types.EntryDetailsDocument,
    "\n  query Projects {\n    projects(first: 50)\n  }\n": typeof types.ProjectsDocument,
    "\n  mutation CreateTimesheet($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      ...MyEntryFields\n    }\n  }\n": typeof types.CreateTimesheetDocument,
    "\n  query MyEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MyEntryFields\n        }\n      }\n    }\n  }\n": typeof types.MyEntriesDocument,
    "\n  fragment MyEntryFields on Timesheet {\n    id\n    date\n    project\n    hours\n    notes\n    status\n    rejectionReason\n    version\n    updatedAt\n  }\n": typeof types.MyEntryFieldsFragmentDoc,
    "\n  mutation UpdateTimesheet($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {\n    updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...MyEntryFields\n    }\n  }\n": typeof types.UpdateTimesheetDocument,
    "\n  query CurrentEntry($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n    }\n  }\n": typeof types.CurrentEntryDocument,
    "\n  query WeekEntries($from: LocalDate!, $to: LocalDate!) {\n    timesheets(from: $from, to: $to, first: 200) {\n      totalCount\n      totalHours\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          status\n        }\n      }\n    }\n  }\n": typeof types.WeekEntriesDocument,
    "\n  fragment WeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      status\n      version\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n    holidays {\n      date\n      name\n    }\n    history {\n      at\n      action\n      status\n      version\n      reason\n      note\n      entryId\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.WeekFieldsFragmentDoc,
    "\n  query MyWeek($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      ...WeekFields\n    }\n  }\n": typeof types.MyWeekDocument,
    "\n  query WeekProjects($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      owner {\n        id\n      }\n      entries {\n        id\n        project\n      }\n    }\n  }\n": typeof types.WeekProjectsDocument,
    "\n  mutation SaveWeek($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {\n    saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) {\n      ...WeekFields\n    }\n  }\n": typeof types.SaveWeekDocument,
    "\n  mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      ...WeekFields\n    }\n  }\n": typeof types.SubmitWeekDocument,
    "\n  mutation WithdrawWeek($weekStart: LocalDate!, $expectedVersion: Int!) {\n    withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...WeekFields\n    }\n  }\n": typeof types.WithdrawWeekDocument,
    "\n  mutation RecordAbsence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {\n    recordAbsence(date: $date, kind: $kind, hours: $hours) {\n      id\n      date\n      kind\n      hours\n    }\n  }\n": typeof types.RecordAbsenceDocument,
    "\n  mutation DeleteAbsence($id: ID!) {\n    deleteAbsence(id: $id)\n  }\n": typeof types.DeleteAbsenceDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n    }\n  }\n": types.MeDocument,
    "\n  query MyTeams {\n    me {\n      id\n      team\n      manages\n      reach\n    }\n  }\n": types.MyTeamsDocument,
    "\n  query ApprovalWeeks($team: String, $first: Int!, $after: String) {\n    approvalWeeks(status: PENDING, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        weekStart\n        version\n        totalHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n        entries {\n          id\n          userId\n          date\n          project\n          hours\n          notes\n          status\n          version\n        }\n      }\n    }\n  }\n": types.ApprovalWeeksDocument,
    "\n  fragment DecidedFields on Timesheet {\n    id\n    status\n    rejectionReason\n    decidedBy\n    decidedAt\n    version\n    updatedAt\n  }\n": types.DecidedFieldsFragmentDoc,
    "\n  mutation ApproveTimesheet($id: ID!, $expectedVersion: Int) {\n    approveTimesheet(id: $id, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": types.ApproveTimesheetDocument,
    "\n  mutation RejectTimesheet($id: ID!, $reason: String!, $expectedVersion: Int) {\n    rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": types.RejectTimesheetDocument,
    "\n  mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n": types.ApproveWeekDocument,
    "\n  mutation RejectWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      ...DecidedFields\n    }\n  }\n": types.RejectWeekDocument,
    "\n  fragment BoardWeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n      team\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n  }\n": types.BoardWeekFieldsFragmentDoc,
    "\n  query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int!, $after: String) {\n    teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BoardWeekFields\n      }\n    }\n  }\n": types.TeamWeeksDocument,
    "\n  query BoardTeams {\n    me {\n      id\n      manages\n      reach\n    }\n  }\n": types.BoardTeamsDocument,
    "\n  mutation ApproveSubmittedWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int!) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n": types.ApproveSubmittedWeekDocument,
    "\n  mutation RejectSubmittedWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int!\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n": types.RejectSubmittedWeekDocument,
    "\n  query ExportEntries($from: LocalDate!, $to: LocalDate!, $after: String) {\n    timesheets(from: $from, to: $to, first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n          rejectionReason\n        }\n      }\n    }\n  }\n": types.ExportEntriesDocument,
    "\n  query Period {\n    period {\n      closedThrough\n      history {\n        at\n        action\n        closedThrough\n        reason\n        actor {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.PeriodDocument,
    "\n  mutation ClosePeriod($through: LocalDate!, $reason: String) {\n    closePeriod(through: $through, reason: $reason) {\n      period {\n        closedThrough\n      }\n      notApproved {\n        weekStart\n        status\n        version\n        recordedHours\n        expectedHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n      }\n    }\n  }\n": types.ClosePeriodDocument,
    "\n  mutation ReopenPeriod($from: LocalDate!, $reason: String!) {\n    reopenPeriod(from: $from, reason: $reason) {\n      closedThrough\n    }\n  }\n": types.ReopenPeriodDocument,
    "\n  mutation DeleteTimesheet($id: ID!) {\n    deleteTimesheet(id: $id)\n  }\n": types.DeleteTimesheetDocument,
    "\n  query EntryDetails($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n      createdAt\n      owner {\n        id\n        name\n        email\n      }\n      history {\n        at\n        action\n        reason\n        actor {\n          id\n          name\n          email\n        }\n        changes {\n          field\n          from\n          to\n        }\n      }\n    }\n  }\n": types.EntryDetailsDocument,
    "\n  query Projects {\n    projects(first: 50)\n  }\n": types.ProjectsDocument,
    "\n  mutation CreateTimesheet($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      ...MyEntryFields\n    }\n  }\n": types.CreateTimesheetDocument,
    "\n  query MyEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MyEntryFields\n        }\n      }\n    }\n  }\n": types.MyEntriesDocument,
    "\n  fragment MyEntryFields on Timesheet {\n    id\n    date\n    project\n    hours\n    notes\n    status\n    rejectionReason\n    version\n    updatedAt\n  }\n": types.MyEntryFieldsFragmentDoc,
    "\n  mutation UpdateTimesheet($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {\n    updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...MyEntryFields\n    }\n  }\n": types.UpdateTimesheetDocument,
    "\n  query CurrentEntry($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n    }\n  }\n": types.CurrentEntryDocument,
    "\n  query WeekEntries($from: LocalDate!, $to: LocalDate!) {\n    timesheets(from: $from, to: $to, first: 200) {\n      totalCount\n      totalHours\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          status\n        }\n      }\n    }\n  }\n": types.WeekEntriesDocument,
    "\n  fragment WeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      status\n      version\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n    holidays {\n      date\n      name\n    }\n    history {\n      at\n      action\n      status\n      version\n      reason\n      note\n      entryId\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.WeekFieldsFragmentDoc,
    "\n  query MyWeek($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      ...WeekFields\n    }\n  }\n": types.MyWeekDocument,
    "\n  query WeekProjects($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      owner {\n        id\n      }\n      entries {\n        id\n        project\n      }\n    }\n  }\n": types.WeekProjectsDocument,
    "\n  mutation SaveWeek($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {\n    saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) {\n      ...WeekFields\n    }\n  }\n": types.SaveWeekDocument,
    "\n  mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      ...WeekFields\n    }\n  }\n": types.SubmitWeekDocument,
    "\n  mutation WithdrawWeek($weekStart: LocalDate!, $expectedVersion: Int!) {\n    withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...WeekFields\n    }\n  }\n": types.WithdrawWeekDocument,
    "\n  mutation RecordAbsence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {\n    recordAbsence(date: $date, kind: $kind, hours: $hours) {\n      id\n      date\n      kind\n      hours\n    }\n  }\n": types.RecordAbsenceDocument,
    "\n  mutation DeleteAbsence($id: ID!) {\n    deleteAbsence(id: $id)\n  }\n": types.DeleteAbsenceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTeams {\n    me {\n      id\n      team\n      manages\n      reach\n    }\n  }\n"): (typeof documents)["\n  query MyTeams {\n    me {\n      id\n      team\n      manages\n      reach\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalWeeks($team: String, $first: Int!, $after: String) {\n    approvalWeeks(status: PENDING, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        weekStart\n        version\n        totalHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n        entries {\n          id\n          userId\n          date\n          project\n          hours\n          notes\n          status\n          version\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApprovalWeeks($team: String, $first: Int!, $after: String) {\n    approvalWeeks(status: PENDING, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        weekStart\n        version\n        totalHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n        entries {\n          id\n          userId\n          date\n          project\n          hours\n          notes\n          status\n          version\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecidedFields on Timesheet {\n    id\n    status\n    rejectionReason\n    decidedBy\n    decidedAt\n    version\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DecidedFields on Timesheet {\n    id\n    status\n    rejectionReason\n    decidedBy\n    decidedAt\n    version\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveTimesheet($id: ID!, $expectedVersion: Int) {\n    approveTimesheet(id: $id, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveTimesheet($id: ID!, $expectedVersion: Int) {\n    approveTimesheet(id: $id, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectTimesheet($id: ID!, $reason: String!, $expectedVersion: Int) {\n    rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectTimesheet($id: ID!, $reason: String!, $expectedVersion: Int) {\n    rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...DecidedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      ...DecidedFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      ...DecidedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardWeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n      team\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n  }\n"): (typeof documents)["\n  fragment BoardWeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n      team\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int!, $after: String) {\n    teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BoardWeekFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamWeeks($weekStart: LocalDate!, $team: String, $first: Int!, $after: String) {\n    teamWeeks(weekStart: $weekStart, team: $team, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...BoardWeekFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardTeams {\n    me {\n      id\n      manages\n      reach\n    }\n  }\n"): (typeof documents)["\n  query BoardTeams {\n    me {\n      id\n      manages\n      reach\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSubmittedWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int!) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveSubmittedWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int!) {\n    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSubmittedWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int!\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RejectSubmittedWeek(\n    $userId: ID!\n    $weekStart: LocalDate!\n    $reason: String!\n    $expectedVersion: Int!\n  ) {\n    rejectWeek(\n      userId: $userId\n      weekStart: $weekStart\n      reason: $reason\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      status\n      version\n      decidedBy\n      decidedAt\n      rejectionReason\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportEntries($from: LocalDate!, $to: LocalDate!, $after: String) {\n    timesheets(from: $from, to: $to, first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n          rejectionReason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExportEntries($from: LocalDate!, $to: LocalDate!, $after: String) {\n    timesheets(from: $from, to: $to, first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n          rejectionReason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Period {\n    period {\n      closedThrough\n      history {\n        at\n        action\n        closedThrough\n        reason\n        actor {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Period {\n    period {\n      closedThrough\n      history {\n        at\n        action\n        closedThrough\n        reason\n        actor {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePeriod($through: LocalDate!, $reason: String) {\n    closePeriod(through: $through, reason: $reason) {\n      period {\n        closedThrough\n      }\n      notApproved {\n        weekStart\n        status\n        version\n        recordedHours\n        expectedHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClosePeriod($through: LocalDate!, $reason: String) {\n    closePeriod(through: $through, reason: $reason) {\n      period {\n        closedThrough\n      }\n      notApproved {\n        weekStart\n        status\n        version\n        recordedHours\n        expectedHours\n        owner {\n          id\n          name\n          email\n          team\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenPeriod($from: LocalDate!, $reason: String!) {\n    reopenPeriod(from: $from, reason: $reason) {\n      closedThrough\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenPeriod($from: LocalDate!, $reason: String!) {\n    reopenPeriod(from: $from, reason: $reason) {\n      closedThrough\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTimesheet($id: ID!) {\n    deleteTimesheet(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTimesheet($id: ID!) {\n    deleteTimesheet(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryDetails($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n      createdAt\n      owner {\n        id\n        name\n        email\n      }\n      history {\n        at\n        action\n        reason\n        actor {\n          id\n          name\n          email\n        }\n        changes {\n          field\n          from\n          to\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EntryDetails($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n      createdAt\n      owner {\n        id\n        name\n        email\n      }\n      history {\n        at\n        action\n        reason\n        actor {\n          id\n          name\n          email\n        }\n        changes {\n          field\n          from\n          to\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    projects(first: 50)\n  }\n"): (typeof documents)["\n  query Projects {\n    projects(first: 50)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTimesheet($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      ...MyEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTimesheet($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      ...MyEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MyEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...MyEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyEntryFields on Timesheet {\n    id\n    date\n    project\n    hours\n    notes\n    status\n    rejectionReason\n    version\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment MyEntryFields on Timesheet {\n    id\n    date\n    project\n    hours\n    notes\n    status\n    rejectionReason\n    version\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTimesheet($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {\n    updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...MyEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTimesheet($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {\n    updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      ...MyEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentEntry($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n    }\n  }\n"): (typeof documents)["\n  query CurrentEntry($id: ID!) {\n    timesheet(id: $id) {\n      ...MyEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeekEntries($from: LocalDate!, $to: LocalDate!) {\n    timesheets(from: $from, to: $to, first: 200) {\n      totalCount\n      totalHours\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WeekEntries($from: LocalDate!, $to: LocalDate!) {\n    timesheets(from: $from, to: $to, first: 200) {\n      totalCount\n      totalHours\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      status\n      version\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n    holidays {\n      date\n      name\n    }\n    history {\n      at\n      action\n      status\n      version\n      reason\n      note\n      entryId\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WeekFields on TimesheetWeek {\n    weekStart\n    status\n    version\n    recordedHours\n    absenceHours\n    expectedHours\n    missingDays\n    submittedAt\n    decidedAt\n    note\n    reason\n    closed\n    owner {\n      id\n      name\n      email\n    }\n    decidedBy {\n      id\n      name\n      email\n    }\n    entries {\n      id\n      date\n      project\n      hours\n      status\n      version\n    }\n    absences {\n      id\n      date\n      kind\n      hours\n    }\n    holidays {\n      date\n      name\n    }\n    history {\n      at\n      action\n      status\n      version\n      reason\n      note\n      entryId\n      actor {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWeek($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      ...WeekFields\n    }\n  }\n"): (typeof documents)["\n  query MyWeek($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      ...WeekFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeekProjects($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      owner {\n        id\n      }\n      entries {\n        id\n        project\n      }\n    }\n  }\n"): (typeof documents)["\n  query WeekProjects($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      owner {\n        id\n      }\n      entries {\n        id\n        project\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWeek($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {\n    saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) {\n      ...WeekFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveWeek($weekStart: LocalDate!, $expectedVersion: Int!, $cells: [WeekCellInput!]!) {\n    saveWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, cells: $cells) {\n      ...WeekFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      ...WeekFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      ...WeekFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawWeek($weekStart: LocalDate!, $expectedVersion: Int!) {\n    withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...WeekFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawWeek($weekStart: LocalDate!, $expectedVersion: Int!) {\n    withdrawWeek(weekStart: $weekStart, expectedVersion: $expectedVersion) {\n      ...WeekFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAbsence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {\n    recordAbsence(date: $date, kind: $kind, hours: $hours) {\n      id\n      date\n      kind\n      hours\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAbsence($date: LocalDate!, $kind: AbsenceKind!, $hours: Float!) {\n    recordAbsence(date: $date, kind: $kind, hours: $hours) {\n      id\n      date\n      kind\n      hours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAbsence($id: ID!) {\n    deleteAbsence(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAbsence($id: ID!) {\n    deleteAbsence(id: $id)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;