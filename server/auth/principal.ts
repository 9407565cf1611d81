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
  /** The teams the person approves for, from the namespaced manages claim; null: no claim. */
  manages: readonly string[] | null;
  expiresAt: Date;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
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
  return {
    sub: payload.sub,
    kind: isClient ? 'CLIENT' : 'USER',
    clientId: optionalString(payload.azp) ?? optionalString(payload.client_id),
    scopes: parseScopes(payload.scope),
    email: optionalString(payload.email),
    name: optionalString(payload.name),
    team: isClient ? null : readTeamClaim(payload[claims.team]),
    manages: isClient ? null : readManagesClaim(payload[claims.manages]),
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
