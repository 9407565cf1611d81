/**
 * The authorization code grant with PKCE (RFC 7636) driven over HTTP the way a native app runs
 * it (RFC 8252): for the tests. Nothing here signs or shortcuts a token.
 */
import * as crypto from 'node:crypto';
import { Browser, signIn, type SignInOptions } from './testing';

/** A fresh PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.hash('sha256', verifier, 'base64url') };
}

export interface CodeAuthorizeOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  audience?: string;
  state?: string;
  /** Leave out to send no challenge at all. */
  codeChallenge?: string;
  /** Default `S256` when a challenge is sent. */
  codeChallengeMethod?: string;
  /** Default `code`. */
  responseType?: string;
  /** OpenID Connect `prompt`, e.g. `none` for a silent request. */
  prompt?: string;
}

/** The `/authorize` URL of a native app's code flow. */
export function codeAuthorizeUrl(options: CodeAuthorizeOptions): URL {
  const url = new URL('authorize', options.issuer);
  const query: Record<string, string | undefined> = {
    client_id: options.clientId,
    response_type: options.responseType ?? 'code',
    redirect_uri: options.redirectUri,
    scope: options.scope,
    audience: options.audience,
    state: options.state ?? crypto.randomUUID(),
    code_challenge: options.codeChallenge,
    code_challenge_method: options.codeChallenge
      ? (options.codeChallengeMethod ?? 'S256')
      : options.codeChallengeMethod,
    prompt: options.prompt,
  };
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

export interface CodeLoginOptions extends CodeAuthorizeOptions, SignInOptions {
  /** Continue in this browser (an existing session skips the login form). */
  browser?: Browser;
}

/** Signs in through `/authorize` and returns where the app is sent, with its query parameters. */
export async function codeLogin(options: CodeLoginOptions) {
  const browser = options.browser ?? new Browser(options.issuer);
  const location = await signIn(browser, codeAuthorizeUrl(options), options);
  return { location, params: Object.fromEntries(location.searchParams), browser };
}

/** A `POST /oauth/token` with a form body; returns the status and the JSON body. */
export async function tokenRequest(issuer: string, fields: Record<string, string | undefined>) {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  const response = await fetch(new URL('oauth/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Exchanges an authorization code (RFC 6749 §4.1.3 with the PKCE `code_verifier`). */
export function exchangeCode(
  issuer: string,
  fields: { clientId: string; code: string; redirectUri: string; codeVerifier?: string },
) {
  return tokenRequest(issuer, {
    grant_type: 'authorization_code',
    client_id: fields.clientId,
    code: fields.code,
    redirect_uri: fields.redirectUri,
    code_verifier: fields.codeVerifier,
  });
}

/** Uses a refresh token (RFC 6749 §6). */
export function refreshTokens(issuer: string, clientId: string, refreshToken: string) {
  return tokenRequest(issuer, {
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: refreshToken,
  });
}

/** Signs in through the code flow with a fresh PKCE pair and exchanges the code for tokens. */
export async function codeSignIn(options: Omit<CodeLoginOptions, 'codeChallenge'>) {
  const { verifier, challenge } = pkcePair();
  const { params, browser } = await codeLogin({ ...options, codeChallenge: challenge });
  const tokens = await exchangeCode(options.issuer, {
    clientId: options.clientId,
    code: params.code ?? '',
    redirectUri: options.redirectUri,
    codeVerifier: verifier,
  });
  return { ...tokens, browser, refreshToken: String(tokens.body.refresh_token) };
}

/** `POST /oauth/revoke` (RFC 7009) with a form or a JSON body; returns the status and body text. */
export async function revokeToken(
  issuer: string,
  fields: Record<string, string>,
  encoding: 'form' | 'json' = 'form',
) {
  const json = encoding === 'json';
  const response = await fetch(new URL('oauth/revoke', issuer), {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
}
