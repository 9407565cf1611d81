/**
 * The consent step: what an application will get on the user's behalf, with Allow and Deny.
 * Native apps always come here (RFC 8252 §8.6: a program on the user's computer could claim the
 * app's identity), so the page shows everything the app gets, not only what is newly asked.
 */
import type { Interaction } from 'oidc-provider';
import { parseScopes } from '../core/scopes';
import { html, type SafeHtml } from './html';
import type { NativeClient, TenantDirectory, TenantUser } from './tenant';

const OIDC_SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Know who you are',
  profile: 'See your name and nickname',
  email: 'See your email address',
};

/** What oidc-provider's consent prompt found missing in the grant. */
export interface ConsentDetails {
  missingOIDCScope?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

/** The name of a tenant client for people, or its id. */
export function clientName(directory: TenantDirectory, clientId: string | undefined): string {
  return (clientId && directory.findClient(clientId)?.name) || clientId || 'the application';
}

const days = (seconds: number) => `${Math.round(seconds / 86_400)} days`;

/** The "stays signed in" paragraph, when the request will get a refresh token. */
function offlineNote(client: NativeClient, scopes: Set<string>, directory: TenantDirectory) {
  const issues =
    scopes.has('offline_access') &&
    client.grantTypes.includes('refresh_token') &&
    directory.tenant.api.allowOfflineAccess;
  if (!issues) return '';
  const { tokenLifetime, idleTokenLifetime } = client.refreshToken;
  return html`<p id="offline-access">
    <strong>It will stay signed in</strong> (<code>offline_access</code>): it gets a refresh token
    and can get new access tokens without asking you again, for up to ${days(tokenLifetime)}
    (${days(idleTokenLifetime)} unused), until it signs out.
  </p>`;
}

/** A native app's redirect URI, so the user can tell whether they started this sign-in. */
function returnNote(redirectUri: string | undefined) {
  if (!redirectUri) return '';
  const loopback = /^http:\/\/(127\.0\.0\.1|\[::1\])[:/]/.test(redirectUri);
  return html`<p class="note" id="redirect-uri">
    Your browser then goes back to <code>${redirectUri}</code>${
      loopback ? ', a program on this computer' : ''
    }.
    Allow only if you have just started this sign-in yourself.
  </p>`;
}

/**
 * Of `listed`, the scopes the request will get (OIDC scopes, the user's API permissions); of
 * `requested`, the API scopes the user lacks (RBAC drops them).
 */
function grantedScopes(
  directory: TenantDirectory,
  user: TenantUser | undefined,
  listed: string[],
  requested: string[],
) {
  const permitted = new Set(user ? directory.permissionsOf(user) : []);
  const apiScopes = directory.tenant.api.scopes;
  const isApiScope = (s: string) => apiScopes.some((a) => a.value === s);
  return {
    granted: listed.filter((s) => s in OIDC_SCOPE_DESCRIPTIONS || permitted.has(s)),
    unavailable: requested.filter((s) => isApiScope(s) && !permitted.has(s)),
    describe: (s: string) =>
      OIDC_SCOPE_DESCRIPTIONS[s] ?? apiScopes.find((a) => a.value === s)?.description ?? s,
  };
}

/** The scopes to list: everything requested for a native app, what is missing for the others. */
function listedScopes(interaction: Interaction, native: boolean): string[] {
  const details = interaction.prompt.details as ConsentDetails;
  const requested = [...parseScopes(interaction.params.scope)];
  if (native) return requested.filter((s) => s !== 'offline_access');
  return [
    ...(details.missingOIDCScope ?? []),
    ...Object.values(details.missingResourceScopes ?? {}).flat(),
  ];
}

/** The consent page of an interaction: the app, the user, the scopes, Allow and Deny. */
export function consentBody(directory: TenantDirectory, interaction: Interaction): SafeHtml {
  const { uid, params } = interaction;
  const tenantClient = params.client_id ? directory.findClient(params.client_id) : undefined;
  const native = tenantClient?.type === 'native' ? tenantClient : undefined;
  const accountId = interaction.session?.accountId;
  const user = accountId ? directory.findUserBySub(accountId) : undefined;
  const requested = [...parseScopes(params.scope)];
  const listed = listedScopes(interaction, native !== undefined);
  const { granted, unavailable, describe } = grantedScopes(directory, user, listed, requested);
  const client = clientName(directory, params.client_id);
  const who = user ? html`${user.name} (<code>${user.email}</code>)` : 'you';
  return html`<h1>Authorize ${client}</h1>
    <p><strong>${client}</strong> is asking to act on behalf of ${who} and to:</p>
    <ul id="scopes">
      ${granted.map((s) => html`<li>${describe(s)} <code>${s}</code></li>`)}
    </ul>
    ${native ? offlineNote(native, new Set(requested), directory) : ''}
    ${unavailable.length ? html`<p class="note">Not available to your account, so not granted: ${unavailable.map((s) => html`<code>${s}</code> `)}</p>` : ''}
    ${native ? returnNote(params.redirect_uri) : ''}
    <form method="post" action="/interaction/${uid}/confirm">
      <button class="primary" type="submit" autofocus>Allow</button>
    </form>
    <form method="post" action="/interaction/${uid}/abort">
      <button class="secondary" type="submit">Deny</button>
    </form>`;
}
