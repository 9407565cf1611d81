import { expressionBuilder, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { ReachPurpose, Viewer } from './reach';

/**
 * The SQL interpreter of a reach (see reach.ts): a condition on the column holding the owner's
 * id, true exactly for the owners `reachesOwner` accepts. A team's people are read from the
 * directory (`people.team`), through its team index.
 */
export function reachCondition<TB extends keyof Database>(
  eb: ExpressionBuilder<Database, TB>,
  viewer: Viewer,
  purpose: ReachPurpose,
  ownerColumn: `${TB}.${string}`,
): Expression<SqlBool> {
  // The column is named by the repository; the cast keeps Kysely's reference typing out of here.
  const owner = eb.ref(ownerColumn as never) as Expression<string>;
  const self = eb(owner, '=', viewer.sub);
  const { reach } = viewer;
  const others =
    reach.kind === 'everyone'
      ? eb.lit(true)
      : reach.kind === 'teams' && reach.teams.length > 0
        ? eb(owner, 'in', peopleOfTeams(reach.teams))
        : eb.lit(false);
  if (purpose === 'see') return eb.or([self, others]);
  return eb.and([eb(owner, '<>', viewer.sub), others]);
}

/** The ids of the directory's people in `teams` (served by the people (team, id) index). */
function peopleOfTeams(teams: readonly string[]) {
  return expressionBuilder<Database, never>()
    .selectFrom('people')
    .select('people.id')
    .where('people.team', 'in', teams);
}
