import * as oidc from 'openid-client';
import { CliError, EXIT } from '../errors';
import { isLoopbackHttp, type CliSettings } from '../settings';

/** The authorization server as openid-client knows it after discovery. */
export type Issuer = oidc.Configuration;

/**
 * Discovers the issuer's metadata (OpenID Connect Discovery 1.0) for the native client, a public
 * client (RFC 8252 §8.5: no secret, `token_endpoint_auth_method=none`). Plain http is allowed only
 * for an issuer on loopback, the local authorization server.
 */
export async function discoverIssuer(settings: CliSettings): Promise<Issuer> {
  const options = isLoopbackHttp(settings.issuer)
    ? { execute: [oidc.allowInsecureRequests] }
    : undefined;
  try {
    return await oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      oidc.None(),
      options,
    );
  } catch (error) {
    throw new CliError(
      `Cannot use the authorization server at ${settings.issuer} (${describe(error)}): is it ` +
        'running, and is TIMESHEETS_ISSUER its issuer?',
      EXIT.failed,
      { cause: error },
    );
  }
}

/** Discovers once per run, on first use: commands served from the cached token never ask. */
export function lazyIssuer(settings: CliSettings): () => Promise<Issuer> {
  let issuer: Promise<Issuer> | undefined;
  return () => {
    issuer ??= discoverIssuer(settings);
    return issuer;
  };
}

/** A short reason from an openid-client or fetch error, for people. */
export function describe(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) {
    return [error.error, error.error_description].filter(Boolean).join(': ');
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return [error.error, error.error_description].filter(Boolean).join(': ');
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
