import * as oidc from 'openid-client';
import type { CliSettings } from '../settings';
import type { Credentials } from './credentials-store';
import { describe, type Issuer } from './issuer';
import { matchesSettings } from './tokens';

/** What became of the refresh token on the server at sign-out. */
export type RevocationOutcome =
  | { kind: 'revoked' }
  /** Nothing to do on the server: it offers no revocation, or the session is another issuer's. */
  | { kind: 'skipped'; reason: string }
  /** The server could not be asked, or refused: the token stays valid there until it expires. */
  | { kind: 'failed'; reason: string };

/**
 * Revokes a stored session's refresh token (RFC 7009, openid-client's `tokenRevocation`): on the
 * issuer this ends the whole refresh token family. Never throws: the caller deletes the local
 * credentials whatever the outcome.
 */
export async function revokeRefreshToken(
  issuer: () => Promise<Issuer>,
  settings: CliSettings,
  credentials: Credentials,
): Promise<RevocationOutcome> {
  if (!matchesSettings(credentials, settings)) {
    return {
      kind: 'skipped',
      reason: `the session is from ${credentials.issuer}, not TIMESHEETS_ISSUER`,
    };
  }
  try {
    const configuration = await issuer();
    if (!configuration.serverMetadata().revocation_endpoint) {
      return { kind: 'skipped', reason: 'the authorization server offers no revocation endpoint' };
    }
    await oidc.tokenRevocation(configuration, credentials.refreshToken, {
      token_type_hint: 'refresh_token',
    });
    return { kind: 'revoked' };
  } catch (error) {
    return { kind: 'failed', reason: describe(error) };
  }
}
