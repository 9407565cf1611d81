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
    "\n  query CliWeekEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CliWeekEntriesDocument,
    "\n  mutation CliLogTime($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n  }\n": typeof types.CliLogTimeDocument,
    "\n  query CliWeekStatus($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      missingDays\n      absences {\n        id\n        date\n        kind\n        hours\n      }\n      submittedAt\n      decidedAt\n      decidedBy {\n        id\n        name\n        email\n      }\n      note\n      reason\n      closed\n    }\n    period {\n      closedThrough\n    }\n  }\n": typeof types.CliWeekStatusDocument,
    "\n  mutation CliSubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      submittedAt\n      note\n    }\n  }\n": typeof types.CliSubmitWeekDocument,
};
const documents: Documents = {
    "\n  query CliWeekEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CliWeekEntriesDocument,
    "\n  mutation CliLogTime($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n  }\n": types.CliLogTimeDocument,
    "\n  query CliWeekStatus($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      missingDays\n      absences {\n        id\n        date\n        kind\n        hours\n      }\n      submittedAt\n      decidedAt\n      decidedBy {\n        id\n        name\n        email\n      }\n      note\n      reason\n      closed\n    }\n    period {\n      closedThrough\n    }\n  }\n": types.CliWeekStatusDocument,
    "\n  mutation CliSubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      submittedAt\n      note\n    }\n  }\n": types.CliSubmitWeekDocument,
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
export function graphql(source: "\n  query CliWeekEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliWeekEntries($from: LocalDate!, $to: LocalDate!, $first: Int!, $after: String) {\n    timesheets(from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          date\n          project\n          hours\n          notes\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliLogTime($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CliLogTime($input: CreateTimesheetInput!) {\n    createTimesheet(input: $input) {\n      id\n      date\n      project\n      hours\n      notes\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliWeekStatus($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      missingDays\n      absences {\n        id\n        date\n        kind\n        hours\n      }\n      submittedAt\n      decidedAt\n      decidedBy {\n        id\n        name\n        email\n      }\n      note\n      reason\n      closed\n    }\n    period {\n      closedThrough\n    }\n  }\n"): (typeof documents)["\n  query CliWeekStatus($weekStart: LocalDate!) {\n    week(weekStart: $weekStart) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      missingDays\n      absences {\n        id\n        date\n        kind\n        hours\n      }\n      submittedAt\n      decidedAt\n      decidedBy {\n        id\n        name\n        email\n      }\n      note\n      reason\n      closed\n    }\n    period {\n      closedThrough\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliSubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      submittedAt\n      note\n    }\n  }\n"): (typeof documents)["\n  mutation CliSubmitWeek($weekStart: LocalDate!, $expectedVersion: Int!, $note: String) {\n    submitWeek(weekStart: $weekStart, expectedVersion: $expectedVersion, note: $note) {\n      weekStart\n      status\n      version\n      recordedHours\n      absenceHours\n      expectedHours\n      submittedAt\n      note\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;