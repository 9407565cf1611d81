import type * as oidc from 'openid-client';
import { CliError, EXIT } from '../errors';
import type { CliSettings } from '../settings';
import type { Credentials } from './credentials-store';

/** What a token response gives the client, with openid-client's helpers. */
export type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

function userOf(tokens: TokenResponse): Credentials['user'] | undefined {
  const claims = tokens.claims();
  if (!claims) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { sub: claims.sub, name: text(claims.name), email: text(claims.email) };
}

/**
 * The session to store after a token response: the new refresh token (rotation hands out a new
 * one on every use, and the old one must never be sent again), the access token and its expiry.
 */
export function toCredentials(
  settings: CliSettings,
  tokens: TokenResponse,
  now: Date,
  previous?: Credentials,
): Credentials {
  const refreshToken = tokens.refresh_token ?? previous?.refreshToken;
  const user = userOf(tokens) ?? previous?.user;
  if (!refreshToken || !user) {
    throw new CliError(
      `The authorization server gave no ${refreshToken ? 'ID token' : 'refresh token'}: allow ` +
        `offline access for ${settings.clientId} (Auth0: "Allow Offline Access" on the API and ` +
        'the Refresh Token grant on the application)',
      EXIT.failed,
    );
  }
  const expiresIn = tokens.expiresIn();
  return {
    issuer: settings.issuer,
    clientId: settings.clientId,
    audience: settings.audience,
    refreshToken,
    accessToken: tokens.access_token,
    ...(expiresIn !== undefined ? { accessTokenExpiresAt: now.getTime() + expiresIn * 1000 } : {}),
    user,
  };
}

/** Whether stored credentials were issued for these settings (same issuer, client and API). */
export function matchesSettings(credentials: Credentials, settings: CliSettings): boolean {
  return (
    credentials.issuer === settings.issuer &&
    credentials.clientId === settings.clientId &&
    credentials.audience === settings.audience
  );
}
