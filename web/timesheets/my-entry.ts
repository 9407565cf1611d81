import { graphql } from '../gql';
import type { MyEntryFieldsFragment } from '../gql/graphql';

/** One of my entries as the list, the edit form and the details page show it. */
export type MyEntry = MyEntryFieldsFragment;

export const MY_ENTRY_FIELDS = graphql(`
  fragment MyEntryFields on Timesheet {
    id
    date
    project
    hours
    notes
    status
    rejectionReason
    version
    updatedAt
  }
`);

/** Saves an edit, or a fix of a rejected entry, which resubmits it. */
export const UPDATE_TIMESHEET = graphql(`
  mutation UpdateTimesheet($id: ID!, $expectedVersion: Int!, $input: UpdateTimesheetInput!) {
    updateTimesheet(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...MyEntryFields
    }
  }
`);

/** The entry as stored now, after a save was refused because it changed meanwhile. */
export const CURRENT_ENTRY = graphql(`
  query CurrentEntry($id: ID!) {
    timesheet(id: $id) {
      ...MyEntryFields
    }
  }
`);

/** Whether the owner may still change the entry (approved entries are locked). */
export function isEditable(entry: Pick<MyEntry, 'status'>): boolean {
  return entry.status === 'PENDING' || entry.status === 'REJECTED';
}
