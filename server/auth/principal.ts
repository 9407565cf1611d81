import type { JWTPayload } from 'jose';
import { readManagesClaim, readTeamClaim, teamClaimNames } from '../../core/claims';
import { parseScopes } from '../../core/scopes';

/** Who is calling, as a verified access token describes them. */
export interface Principal {
  /** The token's `sub`: a user id, or `<client_id>@clients` for a machine client. */
  sub: string;
  kind: 'USER' | 'CLIENT';
  /** The OAuth client the token was issued to (`azp` or `client_id`), when the token says. */
  clientId: string | null;
  scopes: ReadonlySet<string>;
  email: string | null;
  name: string | null;
  /** The person's team, from the namespaced team claim. */
  team: string | null;
  /** The teams a well-formed namespaced manages claim names; null: no claim, or a malformed one. */
  manages: readonly string[] | null;
  /**
   * Claims that are present but unusable, one word each (`manages:string`,
   * `manages:other-namespace`, `team:malformed`…): logged and counted, and never widening reach.
   */
  claimProblems: readonly string[];
  expiresAt: Date;
}

/** A string claim as text to store: NUL removed (PostgreSQL text cannot hold it), blank as null. */
function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replaceAll('\u0000', '');
  return text.length > 0 ? text : null;
}

/** Keys that look like a manages claim under another namespace (a misconfigured Action). */
function strayManagesClaims(payload: JWTPayload, expected: string): string[] {
  return Object.keys(payload).filter((key) => key !== expected && /(^|[/:])manages$/i.test(key));
}

function claimProblemsOf(payload: JWTPayload, claims: { team: string; manages: string }) {
  const problems: string[] = [];
  const manages = readManagesClaim(payload[claims.manages]);
  if (manages.status === 'malformed') problems.push(`manages:${manages.shape}`);
  if (strayManagesClaims(payload, claims.manages).length > 0) {
    problems.push('manages:other-namespace');
  }
  const team = payload[claims.team];
  if (team !== undefined && readTeamClaim(team) === null) problems.push('team:malformed');
  return { manages, problems };
}

/**
 * Reads a verified payload into a Principal. A token from the client-credentials grant (Auth0 marks
 * it `gty: client-credentials` and a `sub` ending in `@clients`) is a CLIENT, and has no team.
 * `claims` are the names of the namespaced team claims (see core/claims.ts).
 */
export function toPrincipal(
  payload: JWTPayload & { sub: string; exp: number },
  claims: { team: string; manages: string } = teamClaimNames(),
): Principal {
  const isClient = payload.gty === 'client-credentials' || payload.sub.endsWith('@clients');
  const { manages, problems } = claimProblemsOf(payload, claims);
  return {
    sub: payload.sub,
    kind: isClient ? 'CLIENT' : 'USER',
    clientId: optionalText(payload.azp) ?? optionalText(payload.client_id),
    scopes: parseScopes(payload.scope),
    email: optionalText(payload.email),
    name: optionalText(payload.name),
    team: isClient ? null : readTeamClaim(payload[claims.team]),
    manages: !isClient && manages.status === 'valid' ? manages.teams : null,
    claimProblems: isClient ? [] : problems,
    expiresAt: new Date(payload.exp * 1000),
  };
}

/** The writer recorded on an entry: the user, or the machine client's id. */
export function sourceOf(principal: Principal): string {
  if (principal.kind === 'USER') return principal.sub;
  return principal.clientId ?? principal.sub.replace(/@clients$/, '');
}

/**
 * The principal of a resolver behind a permission rule. Every root field has a rule that refuses
 * a request without a token (server/permissions.ts), so a null here is a programming error.
 */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new Error('resolver reached without a principal: check permissions.ts');
  return principal;
}
