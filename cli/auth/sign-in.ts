import * as oidc from 'openid-client';
import { CliError, EXIT } from '../errors';
import type { CliSettings } from '../settings';
import { describe, type Issuer } from './issuer';
import { startLoopbackReceiver, type Callback } from './loopback';
import type { TokenResponse } from './tokens';

/** What the terminal client asks for: who you are, a refresh token, and the API's scopes. */
export const LOGIN_SCOPE = 'openid profile email offline_access read:timesheets create:timesheets';

export interface SignInOptions {
  issuer: Issuer;
  settings: CliSettings;
  /** Shows the authorization URL to the person (prints it, opens a browser). Must not wait. */
  present: (url: URL) => void;
  /** How long to wait for the browser to come back. */
  timeoutMs: number;
}

/** The PKCE secret and the state of one authorization request (RFC 7636, RFC 6749 §10.12). */
async function newChecks() {
  const verifier = oidc.randomPKCECodeVerifier();
  return {
    verifier,
    challenge: await oidc.calculatePKCECodeChallenge(verifier),
    state: oidc.randomState(),
  };
}

async function exchange(
  options: SignInOptions,
  callback: Callback,
  checks: { verifier: string; state: string },
): Promise<TokenResponse> {
  try {
    const tokens = await oidc.authorizationCodeGrant(options.issuer, callback.url, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      idTokenExpected: true,
    });
    callback.finish(true, 'Signed in to Timesheets. You can close this window.');
    return tokens;
  } catch (error) {
    callback.finish(false, 'Sign-in failed. See the terminal for details.');
    throw new CliError(`Sign-in failed: ${describe(error)}`, EXIT.failed, { cause: error });
  }
}

/**
 * The authorization code grant with PKCE (S256) for a native app (RFC 8252): a loopback redirect on
 * a port of the system's choosing, the authorize URL shown to the person, the code exchanged for
 * tokens once the browser comes back. Every OAuth step is openid-client's.
 */
export async function signIn(options: SignInOptions): Promise<TokenResponse> {
  const receiver = await startLoopbackReceiver();
  try {
    const checks = await newChecks();
    const url = oidc.buildAuthorizationUrl(options.issuer, {
      redirect_uri: receiver.redirectUri,
      scope: LOGIN_SCOPE,
      code_challenge: checks.challenge,
      code_challenge_method: 'S256',
      state: checks.state,
      // Auth0 picks the API the access token is for by `audience`.
      audience: options.settings.audience,
    });
    const waiting = receiver.callback(checks.state, options.timeoutMs);
    options.present(url);
    const callback = await waiting.catch((error: unknown) => {
      throw new CliError(`Sign-in did not finish: ${describe(error)}`, EXIT.failed);
    });
    return await exchange(options, callback, checks);
  } finally {
    receiver.close();
  }
}
