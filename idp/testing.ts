/**
 * Drives the local authorization server over HTTP like a browser or a machine client would:
 * shared by the tests and `scripts/token.ts`. Nothing here signs a token itself.
 */
import * as crypto from 'node:crypto';

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** A one-origin browser: keeps cookies (by name and path) and follows redirects by hand. */
export class Browser {
  private cookies = new Map<string, Cookie>();
  readonly origin: string;

  constructor(base: string) {
    this.origin = new URL(base).origin;
  }

  /** Sends one request with the cookies that apply, and stores those set in the response. */
  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies.values()]
      .filter(
        (c) =>
          target.pathname === c.path ||
          target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.storeCookie(line);
    return response;
  }

  private storeCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key = '', val = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = val;
      if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
    }
    const key = `${name};${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }

  /**
   * Follows redirects within this origin. Stops at a page (returned as `response`) or at a
   * redirect leaving the origin, such as the application's redirect URI (returned as `location`).
   */
  async follow(
    url: string | URL,
    init: RequestInit = {},
  ): Promise<{ response: Response; location?: URL }> {
    let response = await this.request(url, init);
    for (let hops = 0; hops < 10; hops += 1) {
      const header = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !header) return { response };
      const next = new URL(header, response.url || this.origin);
      if (next.origin !== this.origin) return { response, location: next };
      response = await this.request(next);
    }
    throw new Error('too many redirects');
  }

  /** Submits the first form whose action matches `action`, with `fields` (form-urlencoded). */
  async submitForm(page: string, action: RegExp, fields: Record<string, string> = {}) {
    const forms = [...page.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find((f) => action.test(f[1] ?? ''));
    if (!form?.[1]) throw new Error(`no form posting to ${String(action)} on the page`);
    const body = new URLSearchParams();
    for (const hidden of (form[2] ?? '').matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    )) {
      body.set(hidden[1] ?? '', decodeEntities(hidden[2] ?? ''));
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.follow(decodeEntities(form[1]), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What `/authorize` sent back to the application, from the redirect fragment. */
export interface AuthorizationResponse {
  /** Every fragment parameter (access_token, id_token, expires_in, scope, state, error…). */
  params: Record<string, string>;
  accessToken?: string;
  idToken?: string;
  expiresIn?: number;
  scope?: string;
  error?: string;
  errorDescription?: string;
}

function toAuthorizationResponse(params: Record<string, string>): AuthorizationResponse {
  return {
    params,
    accessToken: params.access_token,
    idToken: params.id_token,
    expiresIn: params.expires_in ? Number(params.expires_in) : undefined,
    scope: params.scope,
    error: params.error,
    errorDescription: params.error_description,
  };
}

export interface AuthorizeOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  audience?: string;
  scope: string;
  nonce?: string;
  state?: string;
  prompt?: string;
  responseMode?: 'fragment' | 'web_message';
}

/** The `/authorize` URL auth0-js builds for the implicit grant (`token id_token`). */
export function authorizeUrl(options: AuthorizeOptions): URL {
  const url = new URL('authorize', options.issuer);
  const query: Record<string, string | undefined> = {
    client_id: options.clientId,
    response_type: 'token id_token',
    redirect_uri: options.redirectUri,
    scope: options.scope,
    audience: options.audience,
    nonce: options.nonce ?? crypto.randomUUID(),
    state: options.state ?? crypto.randomUUID(),
    prompt: options.prompt,
    response_mode: options.responseMode,
  };
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** Raised when a sign-in driven over HTTP does not end at the application's redirect URI. */
export class ImplicitFlowError extends Error {
  override name = 'ImplicitFlowError';
  constructor(
    message: string,
    readonly status?: number,
    readonly page?: string,
  ) {
    super(message);
  }
}

export interface ImplicitLoginOptions extends AuthorizeOptions, SignInOptions {
  /** Continue in this browser (keeps the session cookie for prompt=none and logout). */
  browser?: Browser;
}

export interface SignInOptions {
  email: string;
  password: string;
  /**
   * What to do on a consent page (native clients, third-party clients): press `allow` (default)
   * or `deny`, or `stop` there (the sign-in then fails with the page).
   */
  consent?: 'allow' | 'deny' | 'stop';
  /** Called with each login or consent page shown, before it is answered. */
  onPage?: (step: 'login' | 'consent', page: string) => void;
}

/**
 * Opens an `/authorize` URL in `browser`, posts the login form (and the consent form when asked)
 * and follows the redirects until they leave the server: returns where the application is sent.
 */
export async function signIn(browser: Browser, url: URL, options: SignInOptions): Promise<URL> {
  let step = await browser.follow(url);
  for (let pages = 0; !step.location && pages < 3; pages += 1) {
    const page = await step.response.text();
    const consent = options.consent ?? 'allow';
    if (/action="\/interaction\/[^"]+\/login"/.test(page)) {
      options.onPage?.('login', page);
      step = await browser.submitForm(page, /\/login$/, {
        email: options.email,
        password: options.password,
      });
      if (!step.location && step.response.status === 401) {
        throw new ImplicitFlowError('wrong email or password', 401, await step.response.text());
      }
    } else if (/action="\/interaction\/[^"]+\/confirm"/.test(page) && consent !== 'stop') {
      options.onPage?.('consent', page);
      step = await browser.submitForm(page, consent === 'allow' ? /\/confirm$/ : /\/abort$/);
    } else {
      throw new ImplicitFlowError(
        `unexpected page (HTTP ${step.response.status})`,
        step.response.status,
        page,
      );
    }
  }
  if (!step.location) throw new ImplicitFlowError('the flow did not return to the application');
  return step.location;
}

/**
 * The implicit grant over HTTP: GET /authorize, post the login form (and the consent form when
 * asked), follow the redirects and read the tokens from the redirect URI's fragment.
 */
export async function implicitLogin(
  options: ImplicitLoginOptions,
): Promise<AuthorizationResponse & { browser: Browser }> {
  const browser = options.browser ?? new Browser(options.issuer);
  const location = await signIn(browser, authorizeUrl(options), options);
  return { ...toAuthorizationResponse(readFragment(location)), browser };
}

/** Reads the parameters of an authorization response from a redirect URL's fragment. */
function readFragment(location: URL): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.hash.replace(/^#/, '')));
}

/** Reads the response out of a `response_mode=web_message` page (what auth0-js listens for). */
function readWebMessage(page: string): {
  type: string;
  response: Record<string, string>;
  redirectUri: string;
} {
  const match = /var data = (\{[\s\S]*?\});\s*\n/.exec(page);
  if (!match?.[1]) throw new Error('not a web_message response page');
  const data = JSON.parse(match[1]) as { response: Record<string, string>; redirect_uri: string };
  const type = /type: '([a-z_]+)'/.exec(page)?.[1] ?? '';
  return { type, response: data.response, redirectUri: data.redirect_uri };
}

/** auth0-js `checkSession`: prompt=none with response_mode=web_message, in the same browser. */
export async function checkSession(browser: Browser, options: AuthorizeOptions) {
  const { response } = await browser.follow(
    authorizeUrl({ ...options, prompt: 'none', responseMode: 'web_message' }),
  );
  const page = await response.text();
  const message = readWebMessage(page);
  return {
    status: response.status,
    page,
    ...message,
    result: toAuthorizationResponse(message.response),
  };
}

export interface ClientCredentialsOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  scope?: string;
  /** How to send the request body (Auth0 takes both). Default 'json'. */
  encoding?: 'json' | 'form';
}

/** The client credentials grant at `POST /oauth/token`; returns the status and JSON body. */
export async function clientCredentials(options: ClientCredentialsOptions) {
  const fields: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
    audience: options.audience,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
  };
  const json = (options.encoding ?? 'json') === 'json';
  const response = await fetch(new URL('oauth/token', options.issuer), {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, body };
}
