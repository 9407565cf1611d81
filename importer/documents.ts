import { graphql } from './gql';

/**
 * Pushes a batch of entries on behalf of people; the API stores each externalId once per client,
 * so a resent batch creates nothing twice.
 */
export const UPLOAD_TIMESHEETS = graphql(`
  mutation UploadTimesheets($entries: [UploadTimesheetInput!]!) {
    uploadTimesheets(entries: $entries) {
      results {
        index
        status
        field
        reason
      }
    }
  }
`);

/**
 * Creates or updates a batch of people in the directory; `ignoredFields` names what the API did not
 * write because another source owns it.
 */
export const UPSERT_PEOPLE = graphql(`
  mutation UpsertPeople($people: [PersonInput!]!) {
    upsertPeople(people: $people) {
      created
      updated
      unchanged
      ignoredFields
    }
  }
`);

/** Adds or renames a batch of public holidays in the company calendar. */
export const UPSERT_HOLIDAYS = graphql(`
  mutation UpsertHolidays($holidays: [HolidayInput!]!) {
    upsertHolidays(holidays: $holidays) {
      created
      updated
      unchanged
    }
  }
`);
