/**
 * Whose timesheets a caller may see or decide: the one home of that rule. A principal becomes a
 * Reach once ({@link reachOf}); two interpreters answer from it and nothing else does: this
 * module's {@link reachesOwner} for one owner, and `reach-condition.ts` for the SQL of a list.
 * `reach.test.ts` runs every case through both and requires them to agree.
 */
import { SCOPES } from '../../core/scopes';
import type { Principal } from '../auth/principal';

/**
 * How far a caller reaches besides their own timesheets: nobody, the people of some teams, or
 * everyone. Fails closed: an approver is company-wide only by the explicit permission.
 */
export type Reach =
  { kind: 'own' } | { kind: 'teams'; teams: readonly string[] } | { kind: 'everyone' };

/** `see`: read an owner's timesheets (one's own included). `decide`: approve or reject them
 * (never one's own). */
export type ReachPurpose = 'see' | 'decide';

/** The caller as the services see them: who, and how far they reach. */
export interface Viewer {
  sub: string;
  reach: Reach;
}

/** An owner of timesheets as the directory knows them (team null: unknown). */
export interface Owner {
  id: string;
  team: string | null;
}

const OWN: Reach = Object.freeze({ kind: 'own' });
const EVERYONE: Reach = Object.freeze({ kind: 'everyone' });

/**
 * The reach a verified token gives. Only approvers (`approve:timesheets`) reach others: everyone
 * with `approve:all-teams`, else the teams of a well-formed manages claim, else nobody. A manages
 * claim that is absent or malformed never widens reach.
 */
export function reachOf(principal: Principal): Reach {
  if (principal.kind !== 'USER' || !principal.scopes.has(SCOPES.approve)) return OWN;
  if (principal.scopes.has(SCOPES.approveAllTeams)) return EVERYONE;
  if (principal.manages !== null && principal.manages.length > 0) {
    return { kind: 'teams', teams: principal.manages };
  }
  return OWN;
}

/** The viewer a verified token describes. */
export function viewerOf(principal: Principal): Viewer {
  return { sub: principal.sub, reach: reachOf(principal) };
}

/** Whether `viewer` reaches other people than themselves (for `purpose`). */
function reachesOthers(reach: Reach, owner: Owner): boolean {
  switch (reach.kind) {
    case 'own':
      return false;
    case 'teams':
      return owner.team !== null && reach.teams.includes(owner.team);
    case 'everyone':
      return true;
  }
}

/** The single-owner interpreter: may `viewer` see (or decide on) the timesheets of `owner`? */
export function reachesOwner(viewer: Viewer, purpose: ReachPurpose, owner: Owner): boolean {
  const self = owner.id === viewer.sub;
  if (purpose === 'decide' && self) return false;
  return self || reachesOthers(viewer.reach, owner);
}

/** The teams a reach names (for `me.manages`), or null when it names none. */
export function teamsOf(reach: Reach): readonly string[] | null {
  return reach.kind === 'teams' ? reach.teams : null;
}
