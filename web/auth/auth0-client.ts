import type {
  Auth0DecodedHash,
  Auth0Error,
  Auth0UserProfile,
  CheckSessionOptions,
  WebAuth,
} from 'auth0-js';
import type { RuntimeConfig } from '../config/runtime-config';
import { webAuthOptions } from './web-auth-options';

/** The tokens of one sign-in or silent renewal. */
export interface TokenSet {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The scope the authorization server granted, when it says so. */
  scope: string | null;
  /** The id_token's `sub`. */
  sub: string | null;
  appState: unknown;
}

/** An error from the authorization server or auth0-js, with its OAuth 2.0 error code. */
export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

function toAuthError(error: Auth0Error | Error | null | undefined): AuthError {
  if (error instanceof Error) return new AuthError('error', error.message);
  const code = error?.error ?? error?.code ?? 'error';
  const description = error?.errorDescription ?? error?.error_description ?? error?.description;
  return new AuthError(code, description ?? code);
}

function toTokenSet(result: Auth0DecodedHash | null, now: number): TokenSet {
  if (!result?.accessToken) throw new AuthError('invalid_hash', 'The answer held no access token');
  const payload = result.idTokenPayload as { sub?: unknown } | undefined;
  return {
    accessToken: result.accessToken,
    expiresAt: now + (result.expiresIn ?? 0) * 1000,
    scope: result.scope ?? null,
    sub: typeof payload?.sub === 'string' ? payload.sub : null,
    appState: result.appState ?? null,
  };
}

/** An auth0-js callback that settles a promise with the tokens or an AuthError. */
function settle(resolve: (tokens: TokenSet) => void, reject: (error: Error) => void) {
  return (error: Auth0Error | null, result: Auth0DecodedHash | null | undefined) => {
    if (error) {
      reject(toAuthError(error));
      return;
    }
    try {
      resolve(toTokenSet(result ?? null, Date.now()));
    } catch (failure) {
      reject(failure instanceof Error ? failure : new AuthError('error', String(failure)));
    }
  };
}

/**
 * auth0-js behind promises, loaded on first use with a dynamic import so that it is not part of
 * any page's first bundle.
 */
export class Auth0Client {
  private webAuth: Promise<WebAuth> | null = null;

  constructor(
    private readonly config: RuntimeConfig,
    private readonly origin: string,
  ) {}

  private load(): Promise<WebAuth> {
    this.webAuth ??= import('auth0-js').then(
      ({ WebAuth }) => new WebAuth(webAuthOptions(this.config, this.origin)),
    );
    return this.webAuth;
  }

  /** Sends the browser to the authorization server's login page; `returnTo` comes back as appState. */
  async authorize(returnTo: string): Promise<void> {
    (await this.load()).authorize({ appState: { returnTo } });
  }

  /** Validates the answer in a redirect's fragment (state, nonce, id_token signature and claims). */
  async parseHash(hash: string): Promise<TokenSet> {
    const webAuth = await this.load();
    return new Promise((resolve, reject) => {
      webAuth.parseHash({ hash }, settle(resolve, reject));
    });
  }

  /**
   * Asks for fresh tokens in a hidden iframe (prompt=none, response_mode=web_message), relying on
   * the authorization server's session cookie. Fails with `login_required` once that session ended.
   */
  async checkSession(): Promise<TokenSet> {
    const webAuth = await this.load();
    return new Promise((resolve, reject) => {
      // `timeout` is honoured by auth0-js (web-message-handler) but missing from @types/auth0-js 9.
      const options = { redirectUri: `${this.origin}/`, timeout: 15_000 } as CheckSessionOptions;
      webAuth.checkSession(options, settle(resolve, reject));
    });
  }

  /** The profile behind an access token, from the `/userinfo` endpoint. */
  async userInfo(accessToken: string): Promise<Auth0UserProfile> {
    const webAuth = await this.load();
    return new Promise((resolve, reject) => {
      webAuth.client.userInfo(accessToken, (error, profile) => {
        if (error) reject(toAuthError(error));
        else resolve(profile);
      });
    });
  }

  /** Ends the authorization server's session and comes back to the landing page. */
  async logout(): Promise<void> {
    (await this.load()).logout({ returnTo: `${this.origin}/`, clientID: this.config.clientId });
  }
}
