/**
 * Token revocation (RFC 7009) at Auth0's `/oauth/revoke`: a client signs itself out of a refresh
 * token family (the CLI's `logout`). Revoking a refresh token ends its whole grant; access tokens
 * for the API are JWTs and cannot be revoked (they expire, as on Auth0).
 */
import { errors, type ClientEntity, type KoaContextWithOIDC } from 'oidc-provider';

/** What oidc-provider passes of the token to revoke. */
interface RevocableToken {
  clientId?: string;
}

/**
 * `features.revocation.allowedPolicy`: a client may revoke only the tokens issued to it (RFC 7009
 * §2.1). A public client presenting another client's token is not told anything: the request
 * succeeds and nothing is revoked (§2.2, an invalid token is no error), so a public client cannot
 * probe other clients' tokens. An authenticated (confidential) client gets `invalid_request`.
 */
export function revocationAllowedPolicy(
  _ctx: KoaContextWithOIDC,
  client: ClientEntity,
  token: RevocableToken,
): boolean {
  if (token.clientId === client.clientId) return true;
  if (client.clientAuthMethod === 'none') return false;
  throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
}
