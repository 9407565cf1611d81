/** A person in the directory; someone never seen has only an id. */
export interface Person {
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
  /** Hours per weekday, Monday first (HR feed); null: the company default. */
  schedule: number[] | null;
  /** First and last day of employment (HR feed); null: not known / still employed. */
  employedFrom: string | null;
  employedUntil: string | null;
}

/**
 * Who owns a person's name, email and team in the directory (one writer per fact): the HR feed
 * (`upsertPeople`, the default) or the identity provider (the person's access token). The other
 * source never writes them.
 */
export type DirectorySource = 'hr' | 'idp';

/**
 * The directory fields a source owns. A person's schedule and employment dates are HR facts
 * whatever DIRECTORY_SOURCE says: only `upsertPeople` writes them, never a token.
 */
export const OWNED_FIELDS = ['name', 'email', 'team'] as const;

export interface UpsertPeopleResult {
  created: number;
  updated: number;
  unchanged: number;
  people: Person[];
  /** Fields sent that the identity provider owns, and that were not written. */
  ignoredFields: string[];
}
