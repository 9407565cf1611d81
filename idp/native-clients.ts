/**
 * Native applications (RFC 8252) the way Auth0 runs them: the authorization code grant with PKCE
 * (S256), loopback and private-use scheme redirects, and rotating refresh tokens with absolute and
 * idle lifetimes.
 *
 * oidc-provider already does most of it for `application_type: native` public clients: PKCE is
 * required and `plain` is refused, a loopback redirect matches on any port, and a refresh token
 * used twice revokes its whole grant, and every native request shows the consent screen. What is
 * added here is policy: lifetimes from the tenant file, and `offline_access` without
 * `prompt=consent` for first-party apps (as Auth0 does).
 */
import {
  interactionPolicy,
  type ClientEntity,
  type KoaContextWithOIDC,
  type TokenEntity,
} from 'oidc-provider';
import { parseScopes } from '../core/scopes';
import type { NativeClient, TenantDirectory } from './tenant';

/** oidc-provider's default lifetime of grants and refresh tokens (14 days), for other clients. */
const DEFAULT_TTL = 14 * 24 * 60 * 60;

/** oidc-provider's client metadata for a tenant's native client (a public client). */
export function nativeClientMetadata(client: NativeClient) {
  return {
    client_id: client.clientId,
    client_name: client.name,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: [...client.grantTypes],
    response_types: ['code'],
    redirect_uris: [...client.callbacks],
  };
}

function nativeClient(directory: TenantDirectory, clientId: string | undefined) {
  const client = clientId ? directory.findClient(clientId) : undefined;
  return client?.type === 'native' ? client : undefined;
}

/** True for a first-party native client of the tenant. */
export function isFirstPartyNative(directory: TenantDirectory, clientId: string | undefined) {
  return nativeClient(directory, clientId)?.firstParty === true;
}

/**
 * `ttl.RefreshToken`: each token lives the idle lifetime, and never past the absolute lifetime of
 * its family, counted from sign-in (`iiat` survives rotation).
 */
export function refreshTokenTtl(directory: TenantDirectory) {
  return (_ctx: unknown, token: TokenEntity & { iiat?: number }): number => {
    const settings = nativeClient(directory, token.clientId)?.refreshToken;
    if (!settings) return DEFAULT_TTL;
    const now = Math.floor(Date.now() / 1000);
    const left = settings.tokenLifetime - (now - (token.iiat ?? now));
    const ttl = settings.rotation === 'rotating' ? settings.idleTokenLifetime : left;
    return Math.max(1, Math.min(ttl, left));
  };
}

/** `ttl.Grant`: a native client's grant (one refresh token family) lasts the absolute lifetime. */
export function grantTtl(directory: TenantDirectory) {
  return (_ctx: unknown, grant: { clientId?: string }): number =>
    nativeClient(directory, grant.clientId)?.refreshToken.tokenLifetime ?? DEFAULT_TTL;
}

/** `rotateRefreshToken`: rotate on every use when the client's rotation is `rotating`. */
export function rotateRefreshToken(directory: TenantDirectory) {
  return (ctx: KoaContextWithOIDC): boolean =>
    nativeClient(directory, ctx.oidc.client?.clientId)?.refreshToken.rotation === 'rotating';
}

/**
 * `issueRefreshToken`: for `offline_access`, when the client may use refresh tokens and the API
 * allows offline access (Auth0's "Allow Offline Access").
 */
export function refreshTokenIssuer(directory: TenantDirectory) {
  return (_ctx: unknown, client: ClientEntity, code: TokenEntity & { resource?: unknown }) => {
    const { api } = directory.tenant;
    const forApi = code.resource === api.identifier;
    return (
      client.grantTypeAllowed('refresh_token') &&
      parseScopes(code.scope).has('offline_access') &&
      (!forApi || api.allowOfflineAccess)
    );
  };
}

/** The `scope` of the authorization request as the client sent it. */
function requestedScope(ctx: KoaContextWithOIDC): string | undefined {
  const raw = ctx.method === 'POST' ? ctx.oidc.body?.scope : ctx.query.scope;
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * OpenID Connect lets a provider drop `offline_access` unless `prompt=consent` is asked for, and
 * oidc-provider does. Auth0 keeps it for first-party applications without asking: this puts it
 * back into the request of a first-party native client using the code flow. Idempotent.
 */
export function keepOfflineAccess(ctx: KoaContextWithOIDC, directory: TenantDirectory): void {
  const { client, params } = ctx.oidc;
  const applies =
    ctx.oidc.route === 'authorization' &&
    client !== undefined &&
    isFirstPartyNative(directory, client.clientId) &&
    client.grantTypeAllowed('refresh_token') &&
    params.response_type === 'code';
  if (!applies || !parseScopes(requestedScope(ctx)).has('offline_access')) return;
  const scopes = parseScopes(params.scope);
  if (!scopes.has('offline_access')) params.scope = [...scopes, 'offline_access'].join(' ');
}

/**
 * oidc-provider's interaction policy, with one addition: a first-party native client's
 * `offline_access` is kept (see `keepOfflineAccess`; a prompt placed first that never asks the
 * user anything, so it runs before the request is saved for the login step).
 *
 * oidc-provider's `native_client_prompt` check stays as it is: every native authorization request
 * gets an interactive consent screen, first-party or not, and `prompt=none` is refused with
 * `interaction_required` (RFC 8252 §8.6: any program on the computer can listen on a loopback port
 * and claim to be the app; only the user, shown the request, can tell).
 */
export function interactionPolicyFor(directory: TenantDirectory) {
  const { Check, Prompt, base } = interactionPolicy;
  const policy = base();
  const keep = new Check('first_party_offline_access', 'keeps offline_access', (ctx) => {
    keepOfflineAccess(ctx, directory);
    return Check.NO_NEED_TO_PROMPT;
  });
  policy.add(new Prompt({ name: 'first_party_offline_access', requestable: false }, keep), 0);
  return policy;
}
