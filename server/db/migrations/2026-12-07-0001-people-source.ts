/* eslint-disable @typescript-eslint/no-explicit-any -- Kysely migrations take Kysely<any>: they must not depend on the current table types, which later migrations change. */
import type { Kysely } from 'kysely';

/**
 * One writer per fact of the directory: `people.source` records which source last wrote a
 * person's name, email and team (`hr`: the automated process's feed, `idp`: their access token).
 * Rows written before sources were recorded keep null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('source', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('source').execute();
}
