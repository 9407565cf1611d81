import type { TokenSet } from './auth0-client';
import { readAccessTokenClaims } from './token-claims';
import { safeReturnPath } from './return-path';
import { parseScopes } from '../../core';

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired';

/** Who is signed in, from the `/userinfo` endpoint. */
export interface Profile {
  sub: string | null;
  name: string;
  email: string | null;
  picture: string | null;
}

/** What the UI sees. The access token itself is not part of it: only the API link asks for it. */
export interface AuthState {
  status: AuthStatus;
  profile: Profile | null;
  /** The scopes granted to the current access token. */
  scopes: ReadonlySet<string>;
  /** Why the last sign-in or renewal failed, in words, when it did. */
  error: string | null;
}

/** The claims of `/userinfo` the app shows. */
export interface UserInfo {
  sub?: string;
  name?: string;
  email?: string;
  picture?: string;
}

/** The authorization server operations the store needs (auth0-js in the app, a fake in tests). */
export interface AuthBackend {
  authorize: (returnTo: string) => Promise<void>;
  parseHash: (hash: string) => Promise<TokenSet>;
  checkSession: () => Promise<TokenSet>;
  userInfo: (accessToken: string) => Promise<UserInfo>;
  logout: () => Promise<void>;
}

/** Errors after which only an interactive sign-in helps (OpenID Connect Core §3.1.2.6). */
const INTERACTION_REQUIRED = new Set([
  'login_required',
  'consent_required',
  'interaction_required',
  'account_selection_required',
]);

/** The key of the "has signed in here" hint. It holds `1`, never a token. */
export const SESSION_HINT_KEY = 'timesheets.session-hint';
const RETRY_DELAY_MS = 5_000;
/** A token this close to its expiry is renewed before it is sent. */
const EXPIRY_MARGIN_MS = 5_000;
/** How long before expiry a long-lived token is renewed. */
const RENEW_LEAD_MS = 60_000;

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : 'error';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Holds the session: the access token in memory only, the profile and the granted scopes, and
 * renews the token silently (checkSession) a little before it expires. A reload starts with no
 * token and asks the authorization server's session cookie for a new one.
 */
export class SessionStore {
  private state: AuthState = { status: 'loading', profile: null, scopes: new Set(), error: null };
  private token: { value: string; expiresAt: number } | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private renewing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * @param hints where the "has signed in here" hint lives (localStorage)
   * @param unsent what the page keeps between redirects (sessionStorage: the unsent draft),
   *   cleared on sign-out so the next person on this browser does not see it
   */
  constructor(
    private readonly backend: AuthBackend,
    private readonly hints: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly now: () => number = Date.now,
    private readonly unsent: Pick<Storage, 'clear'> | null = null,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AuthState => this.state;

  private update(patch: Partial<AuthState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Restores a session after a reload, when this browser signed in before; else signs out. */
  async start(): Promise<void> {
    if (this.hints?.getItem(SESSION_HINT_KEY) !== '1') {
      this.update({ status: 'signedOut' });
      return;
    }
    try {
      await this.establish(await this.backend.checkSession());
    } catch (error) {
      this.hints?.removeItem(SESSION_HINT_KEY);
      const interaction = INTERACTION_REQUIRED.has(errorCode(error));
      this.update({
        status: 'signedOut',
        error: interaction ? null : `Could not restore your session: ${errorMessage(error)}`,
      });
    }
  }

  /**
   * Finishes a redirect sign-in from the fragment; answers the path to go back to, on the app's
   * `origin` only.
   */
  async completeSignIn(hash: string, origin: string): Promise<string> {
    try {
      const tokens = await this.backend.parseHash(hash);
      await this.establish(tokens);
      const appState = tokens.appState as { returnTo?: unknown } | null;
      return safeReturnPath(appState?.returnTo, origin);
    } catch (error) {
      this.update({ status: 'signedOut', error: `Sign-in failed: ${errorMessage(error)}` });
      throw error;
    }
  }

  private async establish(tokens: TokenSet): Promise<void> {
    this.setToken(tokens);
    this.hints?.setItem(SESSION_HINT_KEY, '1');
    // The profile is for display: without it the session still works.
    const info: UserInfo = await this.backend.userInfo(tokens.accessToken).catch(() => ({}));
    const name = info.name ?? info.email ?? 'Signed-in user';
    this.update({
      status: 'signedIn',
      error: null,
      profile: {
        sub: info.sub ?? tokens.sub,
        name,
        email: info.email ?? null,
        picture: info.picture ?? null,
      },
    });
  }

  private setToken(tokens: TokenSet): void {
    const claims = readAccessTokenClaims(tokens.accessToken);
    const expiresAt = claims.expiresAt ?? tokens.expiresAt;
    this.token = { value: tokens.accessToken, expiresAt };
    const scopes = claims.scopes.size > 0 ? claims.scopes : parseScopes(tokens.scope);
    this.update({ scopes });
    this.scheduleRenewal(expiresAt);
  }

  private scheduleRenewal(expiresAt: number): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const left = expiresAt - this.now();
    // Renew a minute early, or a third of the lifetime early for short-lived tokens.
    const lead = Math.min(RENEW_LEAD_MS, Math.max(left, 0) / 3);
    this.renewTimer = setTimeout(() => void this.renew(), Math.max(left - lead, 0));
  }

  /** Renews the access token silently; answers whether a valid token is held afterwards. */
  renew(): Promise<boolean> {
    this.renewing ??= this.backend
      .checkSession()
      .then((tokens) => {
        this.setToken(tokens);
        if (this.state.status === 'expired') this.update({ status: 'signedIn', error: null });
        return true;
      })
      .catch((error: unknown) => this.renewalFailed(error))
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }

  private renewalFailed(error: unknown): boolean {
    const stillValid = this.token !== null && this.token.expiresAt - EXPIRY_MARGIN_MS > this.now();
    if (!INTERACTION_REQUIRED.has(errorCode(error)) && stillValid) {
      // A network hiccup: the token still works, so try again shortly.
      this.renewTimer = setTimeout(() => void this.renew(), RETRY_DELAY_MS);
      return true;
    }
    this.token = null;
    if (this.state.status === 'signedIn' || this.state.status === 'expired') {
      this.update({
        status: 'expired',
        error: `Your session has ended (${errorMessage(error)}).`,
      });
    }
    return false;
  }

  /** The access token for an API call, renewed first when it is about to expire; null if none. */
  async getAccessToken(): Promise<string | null> {
    if (this.token && this.token.expiresAt - EXPIRY_MARGIN_MS > this.now()) return this.token.value;
    if (this.state.status !== 'signedIn') return null;
    return (await this.renew()) ? (this.token?.value ?? null) : null;
  }

  /** Renews early when the tab comes back after its timers were throttled in the background. */
  renewIfDue(): void {
    if (this.state.status !== 'signedIn' || !this.token) return;
    if (this.token.expiresAt - RENEW_LEAD_MS <= this.now()) void this.renew();
  }

  /**
   * The API answered 401 to a token we thought valid (revoked, keys rotated, clock skew): renew
   * silently; answers whether a fresh token is held, so the request can be sent once more.
   */
  handleUnauthorized(): Promise<boolean> {
    if (this.state.status !== 'signedIn') return Promise.resolve(false);
    return this.renew();
  }

  /** Starts an interactive sign-in; the browser leaves the app. */
  signIn(returnTo: string): Promise<void> {
    return this.backend.authorize(returnTo);
  }

  /**
   * Forgets the tokens, the hint and the unsent draft, and ends the authorization server's session
   * (the browser leaves the app).
   */
  async signOut(): Promise<void> {
    this.token = null;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.hints?.removeItem(SESSION_HINT_KEY);
    this.unsent?.clear();
    this.update({ status: 'signedOut', profile: null, scopes: new Set(), error: null });
    await this.backend.logout();
  }

  /** Stops the renewal timer (tests, unmount). */
  dispose(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
  }
}
