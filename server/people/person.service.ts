import type { Kysely } from 'kysely';
import { MAX_PEOPLE_PER_CALL, validatePerson } from '../../core';
import type { PersonInput, ValidPerson } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError } from '../errors';
import { OWNED_FIELDS, type DirectorySource, type Person, type UpsertPeopleResult } from './person';
import * as repo from './person.repository';
import type { PersonRow } from './person.table';
import { holdsWorkTerms, parseSchedule, termsColumnsOf } from './work-terms';

/** What an access token says of a person. */
export interface TokenProfile {
  sub: string;
  name: string | null;
  email: string | null;
  team: string | null;
}

export interface PersonServiceOptions {
  now?: () => Date;
  /** Who owns name, email and team (DIRECTORY_SOURCE); the other source never writes them. */
  source?: DirectorySource;
  /** How many token profiles to remember as already recorded. */
  rememberedProfiles?: number;
}

/** The service the resolvers and the request context call; see {@link createPersonService}. */
export type PersonService = ReturnType<typeof createPersonService>;

const toPerson = (person: ValidPerson): Person => {
  const { id, name, email, team, schedule, employedFrom, employedUntil } = person;
  return { id, name, email, team, schedule, employedFrom, employedUntil };
};
const personOfRow = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  email: row.email,
  team: row.team,
  schedule: parseSchedule(row.schedule),
  employedFrom: row.employed_from,
  employedUntil: row.employed_until,
});
const unknownPerson = (id: string): Person => ({
  id,
  name: null,
  email: null,
  team: null,
  schedule: null,
  employedFrom: null,
  employedUntil: null,
});

/**
 * Creates the people directory over a database. Each of name, email and team has one writer,
 * `source`: with `hr` (the default) only `upsertPeople` writes them and a token only makes a new
 * person known by id; with `idp` only tokens write them, exactly as the token says (a claim that
 * disappears clears the field), and `upsertPeople` reports them as ignored. A person's schedule
 * and employment dates come from `upsertPeople` whatever the source; tokens never write them.
 */
export function createPersonService(
  db: Kysely<Database>,
  { now = () => new Date(), source = 'hr', rememberedProfiles = 10_000 }: PersonServiceOptions = {},
) {
  // The last profile recorded per person by this process: a person's requests write only when
  // their token says something new (at most once per token, usually once per sign-in).
  const recorded = new Map<string, string>();

  const writeProfile = (profile: TokenProfile) => {
    const at = now().toISOString();
    if (source === 'hr') return repo.insertUnknownPeople(db, [profile.sub], at);
    const { sub: id, name, email, team } = profile;
    return repo.writePersonIfChanged(db, { id, name, email, team, source, updated_at: at });
  };

  return {
    /** The people with these ids, in the same order; someone never seen has only an id. */
    async findByIds(ids: readonly string[]): Promise<Person[]> {
      const rows = await repo.findPeopleByIds(db, [...new Set(ids)]);
      const byId = new Map(rows.map((row) => [row.id, personOfRow(row)]));
      return ids.map((id) => byId.get(id) ?? unknownPerson(id));
    },

    /**
     * Records what a verified token says of its person, as far as the identity provider owns it,
     * unless this process already did.
     */
    async learnFromToken(profile: TokenProfile): Promise<void> {
      const fingerprint =
        source === 'hr' ? '' : JSON.stringify([profile.name, profile.email, profile.team]);
      if (recorded.get(profile.sub) === fingerprint) return;
      await writeProfile(profile);
      if (recorded.size >= rememberedProfiles) recorded.clear();
      recorded.set(profile.sub, fingerprint);
    },

    /** Stores people from the automated process, all or none; counts what changed. */
    upsert: (inputs: readonly PersonInput[]) => upsertPeople(db, now, source, inputs),
  };
}

function validatePeople(inputs: readonly PersonInput[]): ValidPerson[] {
  if (inputs.length < 1 || inputs.length > MAX_PEOPLE_PER_CALL) {
    throw new BadUserInputError(`people must hold 1 to ${MAX_PEOPLE_PER_CALL} people`, 'people');
  }
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const validation = validatePerson(input);
    if (!validation.ok) {
      const { field, message } = validation.violation;
      throw new BadUserInputError(`people[${index}]: ${message}`, `people[${index}].${field}`);
    }
    if (seen.has(validation.value.id)) {
      const message = `people[${index}]: id ${validation.value.id} appears more than once`;
      throw new BadUserInputError(message, `people[${index}].id`);
    }
    seen.add(validation.value.id);
    return validation.value;
  });
}

/** Whether the HR feed already stored this person as sent (with DIRECTORY_SOURCE=hr). */
const samePerson = (a: PersonRow, b: ValidPerson) =>
  a.name === b.name &&
  a.email === b.email &&
  a.team === b.team &&
  a.source === 'hr' &&
  holdsWorkTerms(a, b);

/** The owned fields the inputs carry (present, null included), when the HR feed does not own them. */
function ignoredFieldsOf(source: DirectorySource, inputs: readonly PersonInput[]): string[] {
  if (source === 'hr') return [];
  return OWNED_FIELDS.filter((field) => inputs.some((input) => input[field] !== undefined));
}

/**
 * Writes the people that changed: everything with DIRECTORY_SOURCE=hr; only the schedule and
 * employment dates (HR facts whatever the source) with `idp`, which owns the rest.
 */
async function writeChanged(
  trx: Kysely<Database>,
  source: DirectorySource,
  changed: readonly ValidPerson[],
  updatedAt: string,
): Promise<void> {
  if (source === 'hr') {
    const rows = changed.map(({ id, name, email, team, ...terms }) => ({
      id,
      name,
      email,
      team,
      source,
      ...termsColumnsOf(terms),
      updated_at: updatedAt,
    }));
    return repo.upsertPeople(trx, rows);
  }
  const rows = changed.map((p) => ({ id: p.id, ...termsColumnsOf(p), updated_at: updatedAt }));
  return repo.upsertWorkTerms(trx, rows);
}

/** The people as stored after the upsert, in the order sent. */
function storedPeople(
  source: DirectorySource,
  people: readonly ValidPerson[],
  before: ReadonlyMap<string, PersonRow>,
): Person[] {
  if (source === 'hr') return people.map(toPerson);
  return people.map((p) => {
    const row = before.get(p.id);
    const { schedule, employedFrom, employedUntil } = p;
    return {
      ...(row ? personOfRow(row) : unknownPerson(p.id)),
      schedule,
      employedFrom,
      employedUntil,
    };
  });
}

async function upsertPeople(
  db: Kysely<Database>,
  now: () => Date,
  source: DirectorySource,
  inputs: readonly PersonInput[],
): Promise<UpsertPeopleResult> {
  const people = validatePeople(inputs);
  const updatedAt = now().toISOString();
  const ignoredFields = ignoredFieldsOf(source, inputs);
  return writeTransaction(db, [], async (trx) => {
    const ids = people.map((p) => p.id);
    const stored = new Map((await repo.findPeopleByIds(trx, ids)).map((row) => [row.id, row]));
    const changed = people.filter((p) => {
      const before = stored.get(p.id);
      if (!before) return true;
      return source === 'hr' ? !samePerson(before, p) : !holdsWorkTerms(before, p);
    });
    await writeChanged(trx, source, changed, updatedAt);
    const created = changed.filter((p) => !stored.has(p.id)).length;
    return {
      created,
      updated: changed.length - created,
      unchanged: people.length - changed.length,
      people: storedPeople(source, people, stored),
      ignoredFields,
    };
  });
}
