import type { Insertable, Selectable } from 'kysely';
import type { DirectorySource } from './person';

/** The `people` table: the directory, learned from access tokens and the automated process. */
export interface PersonTable {
  /** The `sub` of the person's access tokens. */
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
  /** Which source last wrote name, email and team (see DirectorySource); null: not recorded. */
  source: DirectorySource | null;
  /** JSON array of 7 hour values, Monday first (HR feed); null: the company default. */
  schedule: string | null;
  /** First and last day of employment (HR feed); null: not known / still employed. */
  employed_from: string | null;
  employed_until: string | null;
  updated_at: string;
}

export type PersonRow = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
