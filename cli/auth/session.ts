import * as oidc from 'openid-client';
import { CliError, EXIT, SessionEndedError } from '../errors';
import type { CliSettings } from '../settings';
import type { Credentials, CredentialsStore } from './credentials-store';
import { describe, type Issuer } from './issuer';
import { matchesSettings, toCredentials } from './tokens';

/** A cached access token is used only while it has at least this long to live. */
export const EXPIRY_MARGIN_MS = 60_000;

/** Gives access tokens for the API, refreshing them silently. */
export interface Session {
  /** A valid access token; `fresh` skips the cached one (after the API answered 401). */
  accessToken(fresh?: boolean): Promise<string>;
}

export interface SessionOptions {
  settings: CliSettings;
  store: CredentialsStore;
  issuer: () => Promise<Issuer>;
  now: () => Date;
}

function cachedToken(credentials: Credentials, now: Date): string | undefined {
  const expiresAt = credentials.accessTokenExpiresAt ?? 0;
  return expiresAt - EXPIRY_MARGIN_MS > now.getTime() ? credentials.accessToken : undefined;
}

/** The refresh token grant (RFC 6749 §6); a refused refresh token ends the session. */
async function refresh(options: SessionOptions, credentials: Credentials): Promise<Credentials> {
  const issuer = await options.issuer();
  let tokens;
  try {
    tokens = await oidc.refreshTokenGrant(issuer, credentials.refreshToken);
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      // Expired, revoked, or already used (rotation): it will never work again.
      await options.store.remove();
      throw new SessionEndedError('ended', { cause: error });
    }
    throw new CliError(
      `Cannot refresh the session at ${options.settings.issuer} (${describe(error)})`,
      EXIT.failed,
      { cause: error },
    );
  }
  const next = toCredentials(options.settings, tokens, options.now(), credentials);
  // Store the rotated refresh token at once: the one just used is dead.
  await options.store.write(next);
  return next;
}

/**
 * The stored session for these settings: the cached access token while it lives, else a refresh.
 * No session (or one for another issuer, client or API) asks the person to sign in.
 */
export function createSession(options: SessionOptions): Session {
  return {
    accessToken: async (fresh = false) => {
      const credentials = await options.store.read();
      if (!credentials || !matchesSettings(credentials, options.settings)) {
        throw new SessionEndedError('none');
      }
      const cached = fresh ? undefined : cachedToken(credentials, options.now());
      if (cached) return cached;
      const next = await refresh(options, credentials);
      if (!next.accessToken) throw new CliError('The refresh gave no access token', EXIT.failed);
      return next.accessToken;
    },
  };
}
