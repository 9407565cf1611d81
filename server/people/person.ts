/** A person in the directory; someone never seen has only an id. */
export interface Person {
  id: string;
  name: string | null;
  email: string | null;
  team: string | null;
}

export interface UpsertPeopleResult {
  created: number;
  updated: number;
  unchanged: number;
  people: Person[];
}
