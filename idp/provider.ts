import {
  Provider,
  type Account,
  type ClientEntity,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { errorPageBody, html, layout, PAGE_CSP, SafeHtml, signedOutBody } from './html';
import { toProviderJwks, type StoredKey } from './keys';
import {
  grantTtl,
  interactionPolicyFor,
  nativeClientMetadata,
  refreshTokenIssuer,
  refreshTokenTtl,
  rotateRefreshToken,
} from './native-clients';
import { accessTokenCustomizer, existingGrantLoader, resourceServerInfo } from './rbac';
import { revocationAllowedPolicy } from './revocation';
import { SPA_RESPONSE_MODES } from './spa-response-modes';
import type { SpaClient, TenantDirectory, TenantUser } from './tenant';

/** Auth0's endpoint paths (the rest are oidc-provider's). */
export const ROUTES = {
  authorization: '/authorize',
  token: '/oauth/token',
  revocation: '/oauth/revoke',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  end_session: '/oidc/logout',
} as const;

/** Options of oidc-provider's cookies (signed with per-process keys). */
export const COOKIE_OPTIONS = { signed: true, httpOnly: true, sameSite: 'lax' } as const;

/** Auth0's default ID token lifetime (10 hours). */
export const ID_TOKEN_TTL = 36_000;

export interface ProviderOptions {
  issuer: string;
  directory: TenantDirectory;
  keys: StoredKey[];
  /** Access token lifetime in seconds (the API's, or the IDP_ACCESS_TOKEN_TTL override). */
  accessTokenTtl: number;
  spaOrigins: readonly string[];
  /** The URL prefix of the team claims added to users' access tokens. */
  claimsNamespace: string;
  /** Keys signing the session and interaction cookies. */
  cookieKeys: string[];
  /** oidc-provider's `adapter`: where sessions, grants and interactions are kept. */
  adapter: (model: string) => object;
}

/** Where a SPA client may be sent back to, including the IDP_SPA_ORIGINS extras. */
export function spaUrls(client: SpaClient, spaOrigins: readonly string[]) {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    callbacks: unique([
      ...client.callbacks,
      ...spaOrigins.flatMap((o) => [`${o}/`, `${o}/callback/`]),
    ]),
    logoutUrls: unique([...client.allowedLogoutUrls, ...spaOrigins.map((o) => `${o}/`)]),
    webOrigins: unique([...client.webOrigins, ...spaOrigins]),
  };
}

/** The OpenID Connect profile claims of a user (what Auth0's /userinfo returns). */
export function profileClaims(user: TenantUser): Record<string, unknown> {
  return {
    sub: user.sub,
    name: user.name,
    nickname: user.nickname ?? user.email.split('@')[0],
    ...(user.picture ? { picture: user.picture } : {}),
    email: user.email,
    email_verified: user.emailVerified,
  };
}

function oidcClients({ directory, spaOrigins }: ProviderOptions) {
  return directory.tenant.clients.map((client) => {
    if (client.type === 'native') return nativeClientMetadata(client);
    if (client.type === 'machine') {
      return {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: client.name,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post',
      };
    }
    const urls = spaUrls(client, spaOrigins);
    return {
      client_id: client.clientId,
      client_name: client.name,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['implicit'],
      response_types: ['id_token token'],
      // Also checked before oidc-provider (handleAuthorizeRequest), to show the error page.
      response_modes: [...SPA_RESPONSE_MODES],
      redirect_uris: urls.callbacks,
      post_logout_redirect_uris: urls.logoutUrls,
    };
  });
}

function renderPage(ctx: KoaContextWithOIDC, title: string, body: ReturnType<typeof html>) {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.body = layout(title, body);
}

function configuration(options: ProviderOptions): Configuration {
  const { directory } = options;
  const webOrigins = (clientId: string) => {
    const client = directory.findClient(clientId);
    return client?.type === 'spa' ? spaUrls(client, options.spaOrigins).webOrigins : [];
  };
  return {
    adapter: options.adapter,
    clients: oidcClients(options),
    jwks: toProviderJwks(options.keys),
    cookies: {
      keys: options.cookieKeys,
      long: { ...COOKIE_OPTIONS },
      short: { ...COOKIE_OPTIONS },
    },
    routes: ROUTES,
    // Auth0's `audience` picks the API (resource indicator) the access token is for.
    extraParams: ['audience'],
    // `code` is for native clients only (PKCE, S256, required for public clients by default).
    responseTypes: ['code', 'id_token token', 'id_token'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'nickname', 'picture'],
      email: ['email', 'email_verified'],
    },
    // Auth0 puts the profile claims in the ID token even when an access token is issued.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string): Account | undefined => {
      const user = directory.findUserBySub(sub);
      return user ? { accountId: user.sub, claims: () => profileClaims(user) } : undefined;
    },
    loadExistingGrant: existingGrantLoader(options),
    clientBasedCORS: (_ctx: unknown, origin: string, client: ClientEntity) =>
      webOrigins(client.clientId).includes(origin),
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      policy: interactionPolicyFor(directory),
    },
    issueRefreshToken: refreshTokenIssuer(directory),
    rotateRefreshToken: rotateRefreshToken(directory),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true, allowedPolicy: revocationAllowedPolicy },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx: KoaContextWithOIDC, _client: unknown, oneOf?: string | string[]) => {
          if (oneOf) return oneOf;
          const { audience } = ctx.oidc.params;
          return typeof audience === 'string' && audience.length > 0 ? audience : undefined;
        },
        useGrantedResource: () => true,
        getResourceServerInfo: resourceServerInfo(options),
      },
      // Experimental in oidc-provider 9: the version acknowledged here is the one pinned.
      webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          renderPage(
            ctx,
            'Sign out',
            html`<h1>Sign out of ${ctx.host}?</h1>
              <p>You will have to sign in again to use the timesheets.</p>
              ${new SafeHtml(form)}
              <button
                class="primary"
                autofocus
                type="submit"
                form="op.logoutForm"
                name="logout"
                value="yes"
              >
                Yes, sign me out
              </button>
              <button class="secondary" type="submit" form="op.logoutForm">
                No, stay signed in
              </button>`,
          );
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) =>
          renderPage(ctx, 'Signed out', signedOutBody()),
      },
    },
    formats: { customizers: { jwt: accessTokenCustomizer(options) } },
    ttl: {
      // One lifetime for every access token: the API's JWTs and the opaque /userinfo-only ones.
      AccessToken: options.accessTokenTtl,
      ClientCredentials: options.accessTokenTtl,
      IdToken: ID_TOKEN_TTL,
      Interaction: 60 * 60,
      Session: 3 * 24 * 60 * 60,
      // A native client's grant is one refresh token family: it lasts the absolute lifetime.
      Grant: grantTtl(directory),
      RefreshToken: refreshTokenTtl(directory),
    },
    renderError: (ctx: KoaContextWithOIDC, out: { error?: string; error_description?: string }) => {
      renderPage(ctx, 'Error', errorPageBody(out.error ?? 'server_error', out.error_description));
    },
  };
}

/** Builds the oidc-provider instance for a tenant and a set of signing keys. */
export function buildProvider(options: ProviderOptions): Provider {
  const provider = new Provider(options.issuer, configuration(options));
  // oidc-provider refuses http:// and localhost redirect URIs for implicit clients (OIDC Core says
  // https). For this development server, relax exactly those two checks, for the tenant's SPAs only.
  const spaIds = new Set(
    options.directory.tenant.clients.filter((c) => c.type === 'spa').map((c) => c.clientId),
  );
  const schema = provider.Client.Schema.prototype;
  const invalidate = schema.invalidate;
  schema.invalidate = function relaxedInvalidate(this: unknown, message, code) {
    const clientId = (this as { client_id?: unknown }).client_id;
    const relaxed = code === 'implicit-force-https' || code === 'implicit-forbid-localhost';
    if (relaxed && typeof clientId === 'string' && spaIds.has(clientId)) return;
    invalidate.call(this, message, code);
  };
  return provider;
}
