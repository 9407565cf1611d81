/**
 * The namespaced access-token claims of the team workflow, as an Auth0 Action adds them from a
 * user's `app_metadata` (Auth0 requires custom claims to be namespaced by a URL).
 */

/** The namespace the API and the local authorization server use unless configured otherwise. */
export const DEFAULT_CLAIMS_NAMESPACE = 'https://timesheets.abc-inc.example/';

/** The claim names under a namespace: the person's team, and the teams they manage. */
export function teamClaimNames(namespace: string = DEFAULT_CLAIMS_NAMESPACE): {
  team: string;
  manages: string;
} {
  return { team: `${namespace}team`, manages: `${namespace}manages` };
}

/** Reads a team claim: a non-empty string, or null. */
export function readTeamClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/** Reads a manages claim: an array of team names (strings kept, others dropped), or null. */
export function readManagesClaim(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const teams = value.filter((t): t is string => typeof t === 'string' && t.trim().length > 0);
  return [...new Set(teams.map((t) => t.trim()))];
}
