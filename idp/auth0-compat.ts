import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Provider } from 'oidc-provider';
import { sendErrorPage, sendPage, signedOutBody } from './html';
import { BodyTooLargeError, readBody, redirect, sendJson, withBody } from './http-utils';
import { COOKIE_OPTIONS, profileClaims, spaUrls } from './provider';
import type { TenantDirectory } from './tenant';

/** What the Auth0-compatible routes need from the running server. */
export interface CompatContext {
  issuer: string;
  directory: TenantDirectory;
  spaOrigins: readonly string[];
  provider(): Provider;
  /** The public keys of the current signing key set. */
  jwks(): JWTVerifyGetKey;
  /** Hands a request to oidc-provider. */
  forward(req: IncomingMessage, res: ServerResponse): void;
}

/** An OAuth 2.0 error response (RFC 6749 §5.2). */
function oauthError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) {
  sendJson(res, status, { error, error_description: description }, headers);
}

/** The Basic credentials of RFC 6749 §2.3.1 (each part form-urlencoded). */
function basicCredentials(header: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  return [unescape(decoded.slice(0, colon)), unescape(decoded.slice(colon + 1))];
}

/** The fields of a JSON token request as form parameters; throws unless it is a flat object. */
function formFromJson(body: string): URLSearchParams {
  const json: unknown = JSON.parse(body);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TypeError('not an object');
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') throw new TypeError(`${key} must be a string`);
    params.set(key, String(value as string | number | boolean));
  }
  return params;
}

/**
 * Reads an OAuth request body the way Auth0 takes it (a form or a JSON object), with client
 * credentials in the body or a Basic header. Answers an unreadable body itself (undefined).
 */
async function readOAuthForm(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ params: URLSearchParams; headers: IncomingMessage['headers'] } | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let params: URLSearchParams;
  try {
    const body = (await readBody(req)).toString('utf8');
    if (type === 'application/json') {
      params = formFromJson(body);
    } else if (type === 'application/x-www-form-urlencoded') {
      params = new URLSearchParams(body);
    } else {
      oauthError(
        res,
        400,
        'invalid_request',
        'the body must be application/x-www-form-urlencoded or application/json',
      );
      return undefined;
    }
  } catch (error) {
    const status = error instanceof BodyTooLargeError ? 413 : 400;
    oauthError(res, status, 'invalid_request', 'could not parse the request body');
    return undefined;
  }
  const headers = { ...req.headers, 'content-type': 'application/x-www-form-urlencoded' };
  const basic = basicCredentials(req.headers.authorization);
  if (basic && !params.has('client_secret')) {
    // Machine clients are registered for client_secret_post; accept Basic too, as Auth0 does.
    params.set('client_id', basic[0]);
    params.set('client_secret', basic[1]);
    delete headers.authorization;
  }
  return { params, headers };
}

/**
 * `POST /oauth/token` the way Auth0 takes it: a form or a JSON body, `audience` naming the API,
 * client credentials in the body or a Basic header, and no `scope` meaning "all the client may
 * have". The request then goes to oidc-provider as the form it expects.
 */
export async function handleTokenRequest(
  ctx: CompatContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const form = await readOAuthForm(req, res);
  if (!form) return;
  const { params, headers } = form;
  if (params.has('audience') && !params.has('resource')) {
    params.set('resource', params.get('audience') ?? '');
  }
  params.delete('audience');
  const client = ctx.directory.findClient(params.get('client_id') ?? '');
  if (
    params.get('grant_type') === 'client_credentials' &&
    !params.has('scope') &&
    client?.type === 'machine'
  ) {
    params.set('scope', client.allowedScopes.join(' '));
  }
  ctx.forward(withBody(req, Buffer.from(params.toString()), headers), res);
}

/** `POST /oauth/revoke` (RFC 7009) with a form or, as Auth0 takes it, a JSON body. */
export async function handleRevocationRequest(
  ctx: CompatContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const form = await readOAuthForm(req, res);
  if (!form) return;
  ctx.forward(withBody(req, Buffer.from(form.params.toString()), form.headers), res);
}

function allowedOrigin(ctx: CompatContext, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  const allowed = ctx.directory.tenant.clients.some(
    (c) => c.type === 'spa' && spaUrls(c, ctx.spaOrigins).webOrigins.includes(origin),
  );
  return allowed ? origin : undefined;
}

/** True when the request carries a JWT bearer token (three dot-separated parts). */
export function hasJwtBearer(req: IncomingMessage): boolean {
  return /^Bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i.test(req.headers.authorization ?? '');
}

/**
 * `GET|POST /userinfo` with an access token for the API (Auth0 accepts those when `openid` was
 * asked for). oidc-provider's own userinfo only takes its opaque tokens, which still go there.
 */
export async function handleApiTokenUserinfo(
  ctx: CompatContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const origin = allowedOrigin(ctx, req.headers.origin);
  const cors: Record<string, string> = origin
    ? {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Expose-Headers': 'WWW-Authenticate',
        Vary: 'Origin',
      }
    : {};
  const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  try {
    const { payload } = await jwtVerify(token, ctx.jwks(), {
      issuer: ctx.issuer,
      audience: ctx.directory.tenant.api.identifier,
      typ: 'at+jwt',
      algorithms: ['RS256'],
    });
    const user = payload.sub ? ctx.directory.findUserBySub(payload.sub) : undefined;
    if (!user) throw new Error('the token is not for a user');
    sendJson(res, 200, profileClaims(user), cors);
  } catch (error) {
    const description = error instanceof Error ? error.message : 'invalid token';
    oauthError(res, 401, 'invalid_token', description, {
      ...cors,
      'WWW-Authenticate': `Bearer realm="${ctx.issuer}", error="invalid_token", error_description="${description.replace(/["\\]/g, '')}"`,
    });
  }
}

function sameUrl(a: string, b: string): boolean {
  const parse = (value: string) => URL.parse(value)?.href;
  return parse(a) !== undefined && parse(a) === parse(b);
}

/**
 * `GET /v2/logout?returnTo=…&client_id=…`: ends the session at once (as Auth0 does), then
 * redirects to `returnTo` when it is an allowed logout URL of the client (of any client when no
 * client_id is given, standing in for Auth0's tenant-level list).
 */
export async function handleAuth0Logout(
  ctx: CompatContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', ctx.issuer);
  const returnTo = url.searchParams.get('returnTo') ?? undefined;
  const clientId = url.searchParams.get('client_id') ?? undefined;
  const client = clientId ? ctx.directory.findClient(clientId) : undefined;
  if (clientId && !client) {
    sendErrorPage(res, 400, 'invalid_request', `Unknown client_id "${clientId}".`);
    return;
  }
  if (returnTo) {
    const candidates = client ? [client] : ctx.directory.tenant.clients;
    const allowed = candidates.flatMap((c) =>
      c.type === 'spa' ? spaUrls(c, ctx.spaOrigins).logoutUrls : [],
    );
    if (!allowed.some((u) => sameUrl(u, returnTo))) {
      const owner = client ? `of the client ${client.clientId}` : 'of this tenant';
      sendErrorPage(
        res,
        400,
        'invalid_request',
        `"${returnTo}" is not an allowed logout URL ${owner}.`,
      );
      return;
    }
  }
  await endSession(ctx, req, res);
  if (returnTo) redirect(res, returnTo);
  else sendPage(res, 200, 'Signed out', signedOutBody());
}

/**
 * Destroys oidc-provider's session of this browser, its grants, and its cookie. Grants with offline
 * access (a native app's refresh tokens) outlive it, as on Auth0 and at oidc-provider's logout.
 */
async function endSession(ctx: CompatContext, req: IncomingMessage, res: ServerResponse) {
  const provider = ctx.provider();
  const koa = provider.createContext(req, res);
  const session = await provider.Session.get(koa);
  for (const { grantId, persistsLogout } of Object.values(session.authorizations ?? {})) {
    if (grantId && !persistsLogout) await (await provider.Grant.find(grantId))?.destroy();
  }
  await session.destroy();
  koa.cookies.set(provider.cookieName('session'), null, { ...COOKIE_OPTIONS });
}
