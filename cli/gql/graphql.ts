/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What kind of absence. */
export type AbsenceKind =
  /** Any other absence (training, parental leave, ...). */
  | 'OTHER'
  /** Sick leave. */
  | 'SICK'
  /** Paid leave. */
  | 'VACATION';

/** A new entry for the caller. */
export type CreateTimesheetInput = {
  /** The day the time was spent: a real calendar date, not later than tomorrow. */
  date: string;
  /**
   * Hours spent: more than 0, at most 24, at most two decimals. One person's entries on one day add
   * up to at most 24 hours.
   */
  hours: number;
  /** A key the client chooses (1 to 100 characters) so that a retried request creates the entry once. */
  idempotencyKey?: string | null | undefined;
  /** Free-text notes, at most 1000 characters. */
  notes?: string | null | undefined;
  /** The project, 1 to 100 characters after trimming. */
  project: string;
};

/** Where an entry is in its review. */
export type TimesheetStatus =
  /** Approved by a manager; locked. */
  | 'APPROVED'
  /** Waiting for a manager's decision. */
  | 'PENDING'
  /** Rejected by a manager, with a reason. */
  | 'REJECTED';

/** Where a person-week (Monday to Sunday) is in its cycle. */
export type TimesheetWeekStatus =
  /** Approved by a manager: frozen, every write to it answers CONFLICT. */
  | 'APPROVED'
  /** Being filled; the default of every week. Its entries are drafts: no manager sees them. */
  | 'OPEN'
  /** Returned to its owner with a reason; the owner fixes and submits it again. */
  | 'REJECTED'
  /** Submitted by its owner, waiting for a manager. */
  | 'SUBMITTED';

export type CliWeekEntriesQueryVariables = Exact<{
  from: string;
  to: string;
  first: number;
  after?: string | null | undefined;
}>;


export type CliWeekEntriesQuery = { __typename: 'Query', timesheets: { __typename: 'TimesheetConnection', edges: Array<{ __typename: 'TimesheetEdge', node: { __typename: 'Timesheet', id: string, date: string, project: string, hours: number, notes: string | null, status: TimesheetStatus } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CliLogTimeMutationVariables = Exact<{
  input: CreateTimesheetInput;
}>;


export type CliLogTimeMutation = { __typename: 'Mutation', createTimesheet: { __typename: 'Timesheet', id: string, date: string, project: string, hours: number, notes: string | null, status: TimesheetStatus } };

export type CliWeekStatusQueryVariables = Exact<{
  weekStart: string;
}>;


export type CliWeekStatusQuery = { __typename: 'Query', week: { __typename: 'TimesheetWeek', weekStart: string, status: TimesheetWeekStatus, version: number, recordedHours: number, absenceHours: number, expectedHours: number, missingDays: Array<string>, submittedAt: string | null, decidedAt: string | null, note: string | null, reason: string | null, closed: boolean, absences: Array<{ __typename: 'Absence', id: string, date: string, kind: AbsenceKind, hours: number }>, decidedBy: { __typename: 'Person', id: string, name: string | null, email: string | null } | null }, period: { __typename: 'Period', closedThrough: string | null } };

export type CliSubmitWeekMutationVariables = Exact<{
  weekStart: string;
  expectedVersion: number;
  note?: string | null | undefined;
}>;


export type CliSubmitWeekMutation = { __typename: 'Mutation', submitWeek: { __typename: 'TimesheetWeek', weekStart: string, status: TimesheetWeekStatus, version: number, recordedHours: number, absenceHours: number, expectedHours: number, submittedAt: string | null, note: string | null } };


export const CliWeekEntriesDocument = {"__meta__":{"hash":"sha256:7dc79a3060ed9a69ffcc68d92ba8ff82602f147feb1ed6c35e7d82f4506d586f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliWeekEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"timesheets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"project"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CliWeekEntriesQuery, CliWeekEntriesQueryVariables>;
export const CliLogTimeDocument = {"__meta__":{"hash":"sha256:ac46765f0f1c1336d36d9ea9d86f6911e9c2f3617290f7758a30c86ce41a819b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliLogTime"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTimesheetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createTimesheet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"project"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CliLogTimeMutation, CliLogTimeMutationVariables>;
export const CliWeekStatusDocument = {"__meta__":{"hash":"sha256:90002f8579ac24343bfa8ddb6fd1094efe979ab4587ebd801791efb4346f7399"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliWeekStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekStart"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"week"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"weekStart"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekStart"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedHours"}},{"kind":"Field","name":{"kind":"Name","value":"absenceHours"}},{"kind":"Field","name":{"kind":"Name","value":"expectedHours"}},{"kind":"Field","name":{"kind":"Name","value":"missingDays"}},{"kind":"Field","name":{"kind":"Name","value":"absences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"closedThrough"}}]}}]}}]} as unknown as DocumentNode<CliWeekStatusQuery, CliWeekStatusQueryVariables>;
export const CliSubmitWeekDocument = {"__meta__":{"hash":"sha256:af19feda1833e4c508002d86c81e5e71958ad1e7655cd4785d5de95e1f6f38a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSubmitWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekStart"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitWeek"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"weekStart"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekStart"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"recordedHours"}},{"kind":"Field","name":{"kind":"Name","value":"absenceHours"}},{"kind":"Field","name":{"kind":"Name","value":"expectedHours"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]} as unknown as DocumentNode<CliSubmitWeekMutation, CliSubmitWeekMutationVariables>;