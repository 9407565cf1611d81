import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findTeamOf } from '../people/person.repository';
import { reachesOwner, type ReachPurpose, type Viewer } from './reach';

/**
 * Whether a viewer reaches one owner (see reach.ts), reading the owner's team from the directory
 * only when the reach depends on it.
 */
export async function reachesOwnerOf(
  db: Kysely<Database>,
  viewer: Viewer,
  purpose: ReachPurpose,
  ownerId: string,
): Promise<boolean> {
  const team = viewer.reach.kind === 'teams' ? await findTeamOf(db, ownerId) : null;
  return reachesOwner(viewer, purpose, { id: ownerId, team });
}
