/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A public holiday for the company calendar. */
export type HolidayInput = {
  /** The day. */
  date: string;
  /** Its name, 1 to 100 characters. */
  name: string;
};

/** A person for the directory, as the automated process knows them. */
export type PersonInput = {
  /** The email address, at most 320 characters. */
  email?: string | null | undefined;
  /** The first day of employment; null or absent when not known. */
  employedFrom?: string | null | undefined;
  /** The last day of employment, not before `employedFrom`; null or absent while employed. */
  employedUntil?: string | null | undefined;
  /** The person's id: the `sub` of their access tokens, 1 to 200 characters. */
  id: string | number;
  /** The display name, at most 200 characters. */
  name?: string | null | undefined;
  /**
   * Expected hours on each weekday, Monday first: exactly 7 values, each 0 to 24 with at most two
   * decimals (all zeros for a contractor without fixed hours). Null or absent: the company default,
   * 8 hours Monday to Friday.
   */
  schedule?: Array<number> | null | undefined;
  /** The team, 1 to 100 characters. */
  team?: string | null | undefined;
};

/** What happened to one entry of an upload. */
export type UploadStatus =
  /** The entry was written. */
  | 'CREATED'
  /** The entry was refused; `reason` says why. Nothing was written for it. */
  | 'REJECTED'
  /**
   * This client had already sent an entry with this externalId and the same values: nothing was
   * written.
   */
  | 'UNCHANGED';

/** An entry pushed by the automated process on behalf of a person. */
export type UploadTimesheetInput = {
  /**
   * The day the time was spent, YYYY-MM-DD, not later than tomorrow. A String rather than a LocalDate
   * so that an impossible date rejects only its own entry, not the whole batch.
   */
  date: string;
  /**
   * The sending system's id for this entry, 1 to 100 characters, unique per client; a repeated
   * externalId is not written again.
   */
  externalId: string;
  /** Hours spent: more than 0, at most 24, at most two decimals. */
  hours: number;
  /** Free-text notes, at most 1000 characters. */
  notes?: string | null | undefined;
  /** The project, 1 to 100 characters after trimming. */
  project: string;
  /** Whose time this is: the user's `sub`. */
  userId: string | number;
};

export type UploadTimesheetsMutationVariables = Exact<{
  entries: Array<UploadTimesheetInput> | UploadTimesheetInput;
}>;


export type UploadTimesheetsMutation = { __typename: 'Mutation', uploadTimesheets: { __typename: 'UploadResult', results: Array<{ __typename: 'UploadEntryResult', index: number, status: UploadStatus, field: string | null, reason: string | null }> } };

export type UpsertPeopleMutationVariables = Exact<{
  people: Array<PersonInput> | PersonInput;
}>;


export type UpsertPeopleMutation = { __typename: 'Mutation', upsertPeople: { __typename: 'UpsertPeopleResult', created: number, updated: number, unchanged: number, ignoredFields: Array<string> } };

export type UpsertHolidaysMutationVariables = Exact<{
  holidays: Array<HolidayInput> | HolidayInput;
}>;


export type UpsertHolidaysMutation = { __typename: 'Mutation', upsertHolidays: { __typename: 'UpsertHolidaysResult', created: number, updated: number, unchanged: number } };


export const UploadTimesheetsDocument = {"__meta__":{"hash":"sha256:283bdbc0251be7ca8e5419d74d6426aed9c6672f450349dd93b7f2ba39c35a5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadTimesheets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entries"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTimesheetInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"uploadTimesheets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entries"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entries"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<UploadTimesheetsMutation, UploadTimesheetsMutationVariables>;
export const UpsertPeopleDocument = {"__meta__":{"hash":"sha256:2323a1d542cb1cbe4565a58d0459589de0ede4f92b0bf82c030577ca5af97bd5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"people"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"upsertPeople"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"people"},"value":{"kind":"Variable","name":{"kind":"Name","value":"people"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"ignoredFields"}}]}}]}}]} as unknown as DocumentNode<UpsertPeopleMutation, UpsertPeopleMutationVariables>;
export const UpsertHolidaysDocument = {"__meta__":{"hash":"sha256:482572f0941d9e89fcf43d7c4e3d939a7c11c22e080632a40633f833e8659f46"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertHolidays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"holidays"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HolidayInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"upsertHolidays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"holidays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holidays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}}]}}]}}]} as unknown as DocumentNode<UpsertHolidaysMutation, UpsertHolidaysMutationVariables>;