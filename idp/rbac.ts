/**
 * Auth0's authorization rules on top of oidc-provider: RBAC (a token's scopes are the requested
 * ones that the user's permissions or the machine client's grant allow), first-party consent, and
 * the claims Auth0 puts in access tokens.
 */
import {
  errors,
  type ClientEntity,
  type Grant,
  type JwtStructuredToken,
  type KoaContextWithOIDC,
  type TokenEntity,
} from 'oidc-provider';
import { teamClaimNames } from '../core/claims';
import { parseScopes } from '../core/scopes';
import { keepOfflineAccess } from './native-clients';
import type { ProviderOptions } from './provider';

/**
 * The API as oidc-provider's resource server: JWT access tokens for the audience, and the most a
 * token may carry (a machine client's allowed scopes, a user's RBAC permissions).
 */
export function resourceServerInfo(options: ProviderOptions) {
  const { directory } = options;
  const { api } = directory.tenant;
  return (ctx: KoaContextWithOIDC, indicator: string, client: ClientEntity) => {
    if (indicator !== api.identifier) {
      throw new errors.InvalidTarget(`Service not found: ${indicator}`);
    }
    const base = {
      audience: api.identifier,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'RS256' } },
    };
    const tenantClient = directory.findClient(client.clientId);
    if (tenantClient?.type === 'machine') {
      // Auth0 refuses, rather than drops, a scope the client grant does not include.
      const refused = [...parseScopes(ctx.oidc.params.scope)].filter(
        (scope) => !tenantClient.allowedScopes.includes(scope),
      );
      if (ctx.oidc.route === 'token' && refused.length > 0) {
        throw new errors.InvalidScope(
          `Client has not been granted scopes: ${refused.join(' ')}`,
          refused.join(' '),
        );
      }
      return { ...base, scope: tenantClient.allowedScopes.join(' ') };
    }
    // RBAC: a user's token can carry at most the user's permissions. At /authorize the user is
    // the session's; at the token endpoint (code, refresh token) the account of the grant.
    const sub = ctx.oidc.account?.accountId ?? ctx.oidc.session?.accountId;
    const user = sub ? directory.findUserBySub(sub) : undefined;
    return { ...base, scope: user ? directory.permissionsOf(user).join(' ') : '' };
  };
}

/**
 * The grant a first-party native sign-in adds to: a new one for each sign-in, so that each
 * sign-in starts its own refresh token family (revoked as a whole on reuse), unless this request
 * already made one before its login step.
 */
async function nativeGrant(ctx: KoaContextWithOIDC, accountId: string, clientId: string) {
  const { provider } = ctx.oidc;
  const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.entities.Interaction?.grantId;
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  return existing ?? new provider.Grant({ accountId, clientId });
}

/**
 * First-party applications (Auth0's "first-party" flag) get what is asked without a consent
 * screen: grant it. Native ones still see the consent screen (`interactionPolicyFor`).
 */
export function existingGrantLoader({ directory }: ProviderOptions) {
  return async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
    const { client, session, provider } = ctx.oidc;
    if (!client || !session) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    const tenantClient = directory.findClient(client.clientId);
    const firstParty = tenantClient?.type !== 'machine' && tenantClient?.firstParty === true;
    if (!firstParty || !session.accountId) {
      return grantId ? await provider.Grant.find(grantId) : undefined;
    }
    let grant: Grant;
    if (tenantClient.type === 'native') {
      keepOfflineAccess(ctx, directory);
      grant = await nativeGrant(ctx, session.accountId, client.clientId);
    } else {
      const existing = grantId ? await provider.Grant.find(grantId) : undefined;
      grant =
        existing ?? new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
    }
    const oidcScopes = [...ctx.oidc.requestParamOIDCScopes];
    if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
    for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers)) {
      const scopes = [...ctx.oidc.requestParamScopes].filter((s) => server.scopes.has(s));
      if (scopes.length > 0) grant.addResourceScope(indicator, scopes.join(' '));
    }
    await grant.save();
    return grant;
  };
}

/**
 * Auth0-style claims: `azp`, RBAC `permissions`, and what a Post-Login Action adds for a user:
 * `email`/`name`, and the namespaced `team` and `manages` claims from the user's app_metadata.
 * Machine tokens carry none of the user claims.
 */
export function accessTokenCustomizer({ directory, claimsNamespace }: ProviderOptions) {
  const claims = teamClaimNames(claimsNamespace);
  return (_ctx: unknown, token: TokenEntity, jwt: JwtStructuredToken) => {
    const { payload } = jwt;
    payload.azp = token.clientId;
    if (token.kind === 'ClientCredentials') {
      payload.sub = `${token.clientId}@clients`;
      payload.gty = 'client-credentials';
      payload.permissions = [...parseScopes(token.scope)];
      return;
    }
    const user = token.accountId ? directory.findUserBySub(token.accountId) : undefined;
    if (user) {
      payload.permissions = directory.permissionsOf(user);
      payload.email = user.email;
      payload.name = user.name;
      if (user.team !== undefined) payload[claims.team] = user.team;
      if (user.manages !== undefined) payload[claims.manages] = [...user.manages];
    }
  };
}
