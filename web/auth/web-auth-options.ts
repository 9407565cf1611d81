import type { AuthOptions } from 'auth0-js';
import { ALL_SCOPES, SCOPES } from '../../core';
import type { RuntimeConfig } from '../config/runtime-config';

/** The API scopes a person can hold (`batch:upload` is for the automated importer only). */
export const USER_SCOPES = ALL_SCOPES.filter((scope) => scope !== SCOPES.batchUpload);

/**
 * The scopes the app asks for. The authorization server grants the intersection with the user's
 * permissions, so a contractor's token comes back without `delete:timesheets`.
 */
export const REQUESTED_SCOPE = ['openid', 'profile', 'email', ...USER_SCOPES].join(' ');

/** Where the authorization server sends the browser back after `authorize()`. */
function callbackUrl(origin: string): string {
  return `${origin}/callback/`;
}

/**
 * The `WebAuth` options for a config. auth0-js builds its URLs from `domain` (a bare host gets
 * `https://`, a full `http://` URL is kept), but it derives the id_token issuer as
 * `https://<domain>/` and the tenant from the first label of the domain. The overrides state both
 * explicitly, and the JWKS address next to the issuer, so id_token validation (iss, RS256 signature
 * through the JWKS, nonce, aud) passes for the local server and a real Auth0 tenant alike.
 */
export function webAuthOptions(config: RuntimeConfig, origin: string): AuthOptions {
  const issuer = config.issuer.endsWith('/') ? config.issuer : `${config.issuer}/`;
  const host = new URL(
    /^https?:\/\//i.test(config.authDomain) ? config.authDomain : `https://${config.authDomain}`,
  ).hostname;
  return {
    domain: config.authDomain,
    clientID: config.clientId,
    audience: config.audience,
    responseType: 'token id_token',
    scope: REQUESTED_SCOPE,
    redirectUri: callbackUrl(origin),
    overrides: {
      __tenant: host.split('.')[0],
      __token_issuer: issuer,
      __jwks_uri: `${issuer}.well-known/jwks.json`,
    },
  };
}
