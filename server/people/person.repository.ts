import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { NewPersonRow, PersonRow } from './person.table';

/** The people with these ids (those not in the directory are simply missing). */
export function findPeopleByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<PersonRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
}

/** A person's team, or null when the person or their team is unknown. */
export async function findTeamOf(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('people').select('team').where('id', '=', id).executeTakeFirst();
  return row?.team ?? null;
}

/** Stores people as given: new ones are added, known ones replaced. */
export async function upsertPeople(
  db: Kysely<Database>,
  rows: readonly NewPersonRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('people')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        email: eb.ref('excluded.email'),
        team: eb.ref('excluded.team'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Records what an access token says of a person: fields the token carries replace the stored
 * ones, fields it lacks keep theirs. A person whose record already says the same is not written.
 */
export async function mergePersonFromToken(db: Kysely<Database>, row: NewPersonRow): Promise<void> {
  await db
    .insertInto('people')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          name: eb.fn.coalesce('excluded.name', 'people.name'),
          email: eb.fn.coalesce('excluded.email', 'people.email'),
          team: eb.fn.coalesce('excluded.team', 'people.team'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) =>
          eb.or(
            (['name', 'email', 'team'] as const).map((column) =>
              eb.and([
                eb(`excluded.${column}`, 'is not', null),
                eb(`excluded.${column}`, 'is distinct from', eb.ref(`people.${column}`)),
              ]),
            ),
          ),
        ),
    )
    .execute();
}
