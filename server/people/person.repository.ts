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

/**
 * Stores people as given (name, email, team, source, schedule and employment dates): new ones
 * added, known ones replaced.
 */
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
        source: eb.ref('excluded.source'),
        schedule: eb.ref('excluded.schedule'),
        employed_from: eb.ref('excluded.employed_from'),
        employed_until: eb.ref('excluded.employed_until'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** A person's work terms, keyed by id, as {@link upsertWorkTerms} writes them. */
export type WorkTermsRow = Pick<
  NewPersonRow,
  'id' | 'schedule' | 'employed_from' | 'employed_until' | 'updated_at'
>;

/**
 * Stores people's schedule and employment dates only (when another source owns name, email and
 * team): new people are added with nothing else, known ones keep the rest of their record.
 */
export async function upsertWorkTerms(
  db: Kysely<Database>,
  rows: readonly WorkTermsRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('people')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        schedule: eb.ref('excluded.schedule'),
        employed_from: eb.ref('excluded.employed_from'),
        employed_until: eb.ref('excluded.employed_until'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Records a person as their source says them, in one statement: name, email and team replace the
 * stored ones (null clears), and a person whose record already says the same is not written.
 */
export async function writePersonIfChanged(db: Kysely<Database>, row: NewPersonRow): Promise<void> {
  await db
    .insertInto('people')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          email: eb.ref('excluded.email'),
          team: eb.ref('excluded.team'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) =>
          eb.or(
            (['name', 'email', 'team', 'source'] as const).map((column) =>
              eb(`excluded.${column}`, 'is distinct from', eb.ref(`people.${column}`)),
            ),
          ),
        ),
    )
    .execute();
}

/** Adds people the directory does not know yet, with only their id; known ones stay as they are. */
export async function insertUnknownPeople(
  db: Kysely<Database>,
  ids: readonly string[],
  updatedAt: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('people')
    .values(ids.map((id) => ({ id, updated_at: updatedAt })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
