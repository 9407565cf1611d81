import type { Kysely } from 'kysely';
import { MAX_PEOPLE_PER_CALL, validatePerson } from '../../core';
import type { PersonInput, ValidPerson } from '../../core';
import type { Database } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError } from '../errors';
import type { Person, UpsertPeopleResult } from './person';
import * as repo from './person.repository';
import type { PersonRow } from './person.table';

/** What an access token says of a person. */
export interface TokenProfile {
  sub: string;
  name: string | null;
  email: string | null;
  team: string | null;
}

export interface PersonServiceOptions {
  now?: () => Date;
  /** How many token profiles to remember as already recorded. */
  rememberedProfiles?: number;
}

/** The service the resolvers and the request context call; see {@link createPersonService}. */
export type PersonService = ReturnType<typeof createPersonService>;

const toPerson = ({ id, name, email, team }: PersonRow | ValidPerson): Person => ({
  id,
  name,
  email,
  team,
});
const unknownPerson = (id: string): Person => ({ id, name: null, email: null, team: null });

/** Creates the people directory over a database; `now` is the clock (frozen in tests). */
export function createPersonService(
  db: Kysely<Database>,
  { now = () => new Date(), rememberedProfiles = 10_000 }: PersonServiceOptions = {},
) {
  // The last profile recorded per person by this process: a person's requests write only when
  // their token says something new (at most once per token, usually once per sign-in).
  const recorded = new Map<string, string>();

  return {
    /** The people with these ids, in the same order; someone never seen has only an id. */
    async findByIds(ids: readonly string[]): Promise<Person[]> {
      const rows = await repo.findPeopleByIds(db, [...new Set(ids)]);
      const byId = new Map(rows.map((row) => [row.id, toPerson(row)]));
      return ids.map((id) => byId.get(id) ?? unknownPerson(id));
    },

    /** Records what a verified token says of its person, unless this process already did. */
    async learnFromToken(profile: TokenProfile): Promise<void> {
      const fingerprint = JSON.stringify([profile.name, profile.email, profile.team]);
      if (recorded.get(profile.sub) === fingerprint) return;
      await repo.mergePersonFromToken(db, {
        id: profile.sub,
        name: profile.name,
        email: profile.email,
        team: profile.team,
        updated_at: now().toISOString(),
      });
      if (recorded.size >= rememberedProfiles) recorded.clear();
      recorded.set(profile.sub, fingerprint);
    },

    /** Stores people from the automated process, all or none; counts what changed. */
    upsert: (inputs: readonly PersonInput[]) => upsertPeople(db, now, inputs),
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

const samePerson = (a: PersonRow, b: ValidPerson) =>
  a.name === b.name && a.email === b.email && a.team === b.team;

async function upsertPeople(
  db: Kysely<Database>,
  now: () => Date,
  inputs: readonly PersonInput[],
): Promise<UpsertPeopleResult> {
  const people = validatePeople(inputs);
  const updatedAt = now().toISOString();
  return writeTransaction(db, [], async (trx) => {
    const stored = new Map(
      (
        await repo.findPeopleByIds(
          trx,
          people.map((p) => p.id),
        )
      ).map((row) => [row.id, row]),
    );
    const changed = people.filter((p) => {
      const before = stored.get(p.id);
      return !before || !samePerson(before, p);
    });
    await repo.upsertPeople(
      trx,
      changed.map((p) => ({ ...p, updated_at: updatedAt })),
    );
    const created = changed.filter((p) => !stored.has(p.id)).length;
    return {
      created,
      updated: changed.length - created,
      unchanged: people.length - changed.length,
      people: people.map(toPerson),
    };
  });
}
