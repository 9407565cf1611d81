/**
 * The namespaced access-token claims of the team workflow, as an Auth0 Action adds them from a
 * user's `app_metadata` (Auth0 requires custom claims to be namespaced by a URL).
 */
import { MAX_TEAM_LENGTH } from './people';

/** The namespace the API and the local authorization server use unless configured otherwise. */
export const DEFAULT_CLAIMS_NAMESPACE = 'https://timesheets.abc-inc.example/';

/** The claim names under a namespace: the person's team, and the teams they manage. */
export function teamClaimNames(namespace: string = DEFAULT_CLAIMS_NAMESPACE): {
  team: string;
  manages: string;
} {
  return { team: `${namespace}team`, manages: `${namespace}manages` };
}

/** Whether a claim value is a team name: a string of 1 to MAX_TEAM_LENGTH characters, trimmed. */
function isTeamName(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const length = [...value.trim()].length;
  return length > 0 && length <= MAX_TEAM_LENGTH;
}

/** Reads a team claim: a team name, or null (absent or unusable). */
export function readTeamClaim(value: unknown): string | null {
  return isTeamName(value) ? value.trim() : null;
}

/** What a `manages` claim says; `shape` names a malformed one for logs and metrics. */
export type ManagesClaim =
  | { status: 'absent' }
  | { status: 'valid'; teams: readonly string[] }
  | { status: 'malformed'; shape: 'string' | 'object' | 'array-item' | 'other' };

function shapeOf(value: unknown): 'string' | 'object' | 'other' {
  if (typeof value === 'string') return 'string';
  return typeof value === 'object' && value !== null ? 'object' : 'other';
}

/**
 * Reads a `manages` claim strictly: an array of team names (an empty array names no team) is
 * valid; anything else that is present (a string, an object, an array holding a non-name) is
 * malformed, and must widen nobody's reach.
 */
export function readManagesClaim(value: unknown): ManagesClaim {
  if (value === undefined) return { status: 'absent' };
  if (!Array.isArray(value)) return { status: 'malformed', shape: shapeOf(value) };
  if (!value.every(isTeamName)) return { status: 'malformed', shape: 'array-item' };
  return { status: 'valid', teams: [...new Set(value.map((team) => team.trim()))] };
}
