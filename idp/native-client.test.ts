import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEFAULT_CLAIMS_NAMESPACE, teamClaimNames } from '../core/claims';
import { DEFAULT_TENANT_FILE } from './config';
import type { Idp } from './create-idp';
import { startTestIdp } from './test-idp';
import { parseTenant, TenantFileError } from './tenant';
import { Browser } from './testing';
import {
  codeAuthorizeUrl,
  codeLogin,
  exchangeCode,
  pkcePair,
  refreshTokens,
  type CodeLoginOptions,
} from './testing-code-flow';

const API = 'https://timesheets.abc-inc.example/api';
const CLI = 'timesheets-cli';
const CLAIMS = teamClaimNames(DEFAULT_CLAIMS_NAMESPACE);
const EMMA = { email: 'emma@abc.example', password: 'emma-dev-password' };
const CARLOS = { email: 'carlos@contractor.example', password: 'carlos-dev-password' };
const SCOPE = 'openid profile email offline_access read:timesheets create:timesheets';
const DAY = 24 * 60 * 60 * 1000;

let dataDir: string;
let idp: Idp;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-native-'));
  idp = await startTestIdp(dataDir);
});

afterAll(async () => {
  await idp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A loopback redirect URI on a random port, as a terminal app listening there would send. */
function loopback(port = 49152 + crypto.randomInt(16_000)): string {
  return `http://127.0.0.1:${port}/callback`;
}

/** Signs Emma (or `options`' user) in with a fresh PKCE pair; returns the redirect and verifier. */
async function authorize(options: Partial<CodeLoginOptions> = {}) {
  const { verifier, challenge } = pkcePair();
  const redirectUri = options.redirectUri ?? loopback();
  const result = await codeLogin({
    issuer: idp.issuer,
    clientId: CLI,
    redirectUri,
    audience: API,
    scope: SCOPE,
    codeChallenge: challenge,
    ...EMMA,
    ...options,
  });
  return { ...result, verifier, redirectUri };
}

/** Signs in and exchanges the code: the token response of a fresh refresh token family. */
async function signIn(options: Partial<CodeLoginOptions> = {}) {
  const { params, verifier, redirectUri, browser } = await authorize(options);
  const { status, body } = await exchangeCode(idp.issuer, {
    clientId: CLI,
    code: params.code ?? '',
    redirectUri,
    codeVerifier: verifier,
  });
  expect(status).toBe(200);
  return { body, browser, refreshToken: String(body.refresh_token) };
}

function verifyAccessToken(token: unknown) {
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
  return jwtVerify(String(token), jwks, {
    issuer: idp.issuer,
    audience: API,
    typ: 'at+jwt',
    algorithms: ['RS256'],
  });
}

/** Follows an `/authorize` URL expected to fail, returning the redirect's or the page's error. */
async function authorizeError(url: URL) {
  const { response, location } = await new Browser(idp.issuer).follow(url);
  if (!location) return { status: response.status, page: await response.text() };
  const params = new URLSearchParams(location.search || location.hash.replace(/^#/, ''));
  return { status: response.status, location, params: Object.fromEntries(params) };
}

describe('authorization code with PKCE (timesheets-cli)', () => {
  it('signs in over a loopback redirect and returns an access token the API accepts', async () => {
    const { params, location, verifier, redirectUri } = await authorize({ state: 'st-1' });
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri.split('?')[0]);
    expect(params).toMatchObject({ state: 'st-1', iss: idp.issuer });

    const { status, body } = await exchangeCode(idp.issuer, {
      clientId: CLI,
      code: params.code ?? '',
      redirectUri,
      codeVerifier: verifier,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
    expect(typeof body.refresh_token).toBe('string');

    const { payload, protectedHeader } = await verifyAccessToken(body.access_token);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: API,
      sub: 'auth0|emma',
      azp: CLI,
      scope: 'read:timesheets create:timesheets',
      permissions: ['read:timesheets', 'create:timesheets', 'delete:timesheets'],
      email: 'emma@abc.example',
      name: 'Emma Employee',
      [CLAIMS.team]: 'engineering',
    });

    const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
    const id = await jwtVerify(String(body.id_token), jwks, { issuer: idp.issuer, audience: CLI });
    expect(id.payload).toMatchObject({ sub: 'auth0|emma', email: 'emma@abc.example' });
  });

  it('grants only the requested scopes the user holds (RBAC, as for the SPA)', async () => {
    const { body } = await signIn({
      ...CARLOS,
      scope: 'openid offline_access read:timesheets create:timesheets delete:timesheets',
    });
    const { payload } = await verifyAccessToken(body.access_token);
    expect(payload.scope).toBe('read:timesheets create:timesheets');
    expect(payload.permissions).toEqual(['read:timesheets', 'create:timesheets']);
  });

  it('gives no refresh token without offline_access', async () => {
    const { body } = await signIn({ scope: 'openid read:timesheets' });
    expect(body.access_token).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refresh_token');
  });

  it.each([49152, 50_000, 65_535])('accepts the loopback redirect on port %i', async (port) => {
    const { params } = await authorize({ redirectUri: loopback(port) });
    expect(params.code).toEqual(expect.any(String));
  });

  it('accepts the IPv6 loopback redirect http://[::1]:<port>/callback and exchanges its code', async () => {
    const redirectUri = 'http://[::1]:53682/callback';
    const { location } = await authorize({ redirectUri });
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    const { body } = await signIn({ redirectUri });
    expect((await verifyAccessToken(body.access_token)).payload.sub).toBe('auth0|emma');
  });

  it('accepts the private-use scheme redirect and exchanges its code', async () => {
    const redirectUri = 'com.abcinc.timesheets:/callback';
    const { location } = await authorize({ redirectUri });
    expect(location.protocol).toBe('com.abcinc.timesheets:');
    expect(location.pathname).toBe('/callback');
    const { body } = await signIn({ redirectUri });
    expect((await verifyAccessToken(body.access_token)).payload.sub).toBe('auth0|emma');
  });

  it.each([
    ['a non-loopback http URI', 'http://evil.example/callback'],
    ['localhost instead of the loopback IP', 'http://localhost:53682/callback'],
    ['another path on the loopback', 'http://127.0.0.1:53682/other'],
  ])('refuses %s as redirect URI, without redirecting', async (_name, redirectUri) => {
    const url = codeAuthorizeUrl({
      issuer: idp.issuer,
      clientId: CLI,
      redirectUri,
      scope: SCOPE,
      codeChallenge: pkcePair().challenge,
    });
    const result = await authorizeError(url);
    expect(result.status).toBe(400);
    expect(result.page).toContain('redirect_uri did not match any of the client');
  });

  it('refuses an authorization request without a code challenge', async () => {
    const redirectUri = loopback();
    const url = codeAuthorizeUrl({ issuer: idp.issuer, clientId: CLI, redirectUri, scope: SCOPE });
    const { params } = await authorizeError(url);
    expect(params).toMatchObject({
      error: 'invalid_request',
      error_description: 'Authorization Server policy requires PKCE to be used for this request',
    });
  });

  it('refuses code_challenge_method=plain', async () => {
    const { verifier } = pkcePair();
    const url = codeAuthorizeUrl({
      issuer: idp.issuer,
      clientId: CLI,
      redirectUri: loopback(),
      scope: SCOPE,
      codeChallenge: verifier,
      codeChallengeMethod: 'plain',
    });
    const { params } = await authorizeError(url);
    expect(params).toMatchObject({
      error: 'invalid_request',
      error_description: 'not supported value of code_challenge_method',
    });
  });

  it.each([
    ['token', 'unsupported_response_type', 'unsupported response_type requested'],
    ['id_token token', 'invalid_request', 'requested response_type is not allowed for this client'],
  ])(
    'refuses response_type=%s: no implicit grant for this client',
    async (responseType, error, description) => {
      const url = codeAuthorizeUrl({
        issuer: idp.issuer,
        clientId: CLI,
        redirectUri: loopback(),
        scope: SCOPE,
        responseType,
      });
      url.searchParams.set('nonce', crypto.randomUUID());
      const { params } = await authorizeError(url);
      expect(params).toMatchObject({ error, error_description: description });
      expect(params).not.toHaveProperty('access_token');
    },
  );

  it.each([
    ['without a code verifier', undefined],
    ['with a wrong code verifier', pkcePair().verifier],
  ])('refuses the code %s', async (_name, codeVerifier) => {
    const { params, redirectUri } = await authorize();
    const { status, body } = await exchangeCode(idp.issuer, {
      clientId: CLI,
      code: params.code ?? '',
      redirectUri,
      codeVerifier,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    });
    expect(body).not.toHaveProperty('access_token');
  });
});

describe('consent for native sign-in (RFC 8252 §8.6)', () => {
  it('shows the consent page: the app, on whose behalf, the described scopes, staying signed in', async () => {
    const pages: string[] = [];
    const redirectUri = loopback(53_682);
    const { params } = await authorize({
      redirectUri,
      onPage: (step, page) => step === 'consent' && pages.push(page),
    });
    expect(params.code).toEqual(expect.any(String));
    expect(pages).toHaveLength(1);
    const page = pages[0] ?? '';
    expect(page).toContain('<h1>Authorize Timesheets CLI</h1>');
    expect(page).toMatch(/act on behalf of Emma Employee \(<code>emma@abc\.example<\/code>\)/);
    for (const [description, scope] of [
      ['Know who you are', 'openid'],
      ['See your email address', 'email'],
      ['Read your timesheet entries', 'read:timesheets'],
      ['Log time on your timesheet', 'create:timesheets'],
    ]) {
      expect(page).toContain(`<li>${description} <code>${scope}</code></li>`);
    }
    expect(page).toMatch(/It will stay signed in<\/strong> \(<code>offline_access<\/code>\)/);
    expect(page).toMatch(/for up to 30 days\s+\(15 days unused\)/);
    expect(page).toContain(`<code>${redirectUri}</code>, a program on this computer`);
    expect(page).toMatch(/<button class="primary" type="submit" autofocus>Allow<\/button>/);
    expect(page).toMatch(/<button class="secondary" type="submit">Deny<\/button>/);
  });

  it('asks again at every sign-in, even with a live browser session', async () => {
    const first = await signIn();
    let consentPages = 0;
    const second = await signIn({
      browser: first.browser,
      onPage: (step) => (consentPages += step === 'consent' ? 1 : 0),
    });
    expect(consentPages).toBe(1);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('refuses a silent sign-in (prompt=none) with a live browser session and gives no code', async () => {
    const { browser } = await signIn();
    const redirectUri = loopback();
    const url = codeAuthorizeUrl({
      issuer: idp.issuer,
      clientId: CLI,
      redirectUri,
      audience: API,
      scope: SCOPE,
      codeChallenge: pkcePair().challenge,
      state: 'silent',
      prompt: 'none',
    });
    const { location } = await browser.follow(url);
    expect(`${location?.origin}${location?.pathname}`).toBe(redirectUri);
    const params = Object.fromEntries(location?.searchParams ?? []);
    expect(params).toEqual({
      error: 'interaction_required',
      error_description: 'native clients require End-User interaction',
      state: 'silent',
      iss: idp.issuer,
    });
  });

  it('answers Deny with access_denied at the redirect URI and no code', async () => {
    const { params } = await authorize({ consent: 'deny', state: 'denied' });
    expect(params).toEqual({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state: 'denied',
      iss: idp.issuer,
    });
  });
});

describe('refresh tokens (rotation and reuse detection)', () => {
  it('rotates on every use: the new refresh token works and gives the same access', async () => {
    const first = await signIn();
    const second = await refreshTokens(idp.issuer, CLI, first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toEqual(expect.any(String));
    expect(second.body.refresh_token).not.toBe(first.refreshToken);
    const { payload } = await verifyAccessToken(second.body.access_token);
    expect(payload).toMatchObject({
      sub: 'auth0|emma',
      aud: API,
      azp: CLI,
      scope: 'read:timesheets create:timesheets',
      permissions: ['read:timesheets', 'create:timesheets', 'delete:timesheets'],
      [CLAIMS.team]: 'engineering',
    });

    const third = await refreshTokens(idp.issuer, CLI, String(second.body.refresh_token));
    expect(third.status).toBe(200);
  });

  it('refuses an old refresh token and then revokes its whole family', async () => {
    const first = await signIn();
    const rotated = await refreshTokens(idp.issuer, CLI, first.refreshToken);
    const newest = String(rotated.body.refresh_token);

    const reuse = await refreshTokens(idp.issuer, CLI, first.refreshToken);
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: 'invalid_grant' });

    const afterReuse = await refreshTokens(idp.issuer, CLI, newest);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes only the reused family: another sign-in in the same browser keeps working', async () => {
    const one = await signIn();
    const two = await signIn({ browser: one.browser });
    await refreshTokens(idp.issuer, CLI, one.refreshToken);
    await refreshTokens(idp.issuer, CLI, one.refreshToken);

    const other = await refreshTokens(idp.issuer, CLI, two.refreshToken);
    expect(other.status).toBe(200);
  });

  it('keeps refresh tokens valid after the browser session signs out (/v2/logout)', async () => {
    const { browser, refreshToken } = await signIn();
    const logout = await browser.request('/v2/logout');
    expect(logout.status).toBe(200);
    expect((await refreshTokens(idp.issuer, CLI, refreshToken)).status).toBe(200);
  });
});

describe('refresh token lifetimes (30 days absolute, 15 days idle)', () => {
  afterEach(() => jest.useRealTimers());

  /** Moves the clock `days` ahead of when the test started (timers stay real). */
  function travel(start: number, days: number) {
    jest.useFakeTimers({
      now: start + days * DAY,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  }

  it('expires a refresh token left unused for longer than the idle lifetime', async () => {
    const start = Date.now();
    const { refreshToken } = await signIn();
    travel(start, 15.1);
    const { status, body } = await refreshTokens(idp.issuer, CLI, refreshToken);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('keeps a family in use past the idle lifetime, but not past the absolute lifetime', async () => {
    const start = Date.now();
    const { refreshToken } = await signIn();
    travel(start, 10);
    const day10 = await refreshTokens(idp.issuer, CLI, refreshToken);
    expect(day10.status).toBe(200);
    travel(start, 20);
    const day20 = await refreshTokens(idp.issuer, CLI, String(day10.body.refresh_token));
    expect(day20.status).toBe(200);
    travel(start, 29.9);
    const day29 = await refreshTokens(idp.issuer, CLI, String(day20.body.refresh_token));
    expect(day29.status).toBe(200);
    travel(start, 30.1);
    const day30 = await refreshTokens(idp.issuer, CLI, String(day29.body.refresh_token));
    expect(day30.status).toBe(400);
    expect(day30.body.error).toBe('invalid_grant');
  });
});

describe('tenant file: native clients', () => {
  const tenant = () =>
    JSON.parse(fs.readFileSync(DEFAULT_TENANT_FILE, 'utf8')) as {
      clients: Record<string, unknown>[];
    };
  const withCli = (changes: Record<string, unknown>) => {
    const document = tenant();
    document.clients = document.clients.map((c) => (c.clientId === CLI ? { ...c, ...changes } : c));
    return () => parseTenant(document, 'tenant.json');
  };

  it('reads the shipped native client with its refresh token settings', () => {
    const cli = parseTenant(tenant()).clients.find((c) => c.clientId === CLI);
    expect(cli).toMatchObject({
      type: 'native',
      firstParty: true,
      callbacks: [
        'http://127.0.0.1/callback',
        'http://[::1]/callback',
        'com.abcinc.timesheets:/callback',
      ],
      grantTypes: ['authorization_code', 'refresh_token'],
      refreshToken: {
        rotation: 'rotating',
        tokenLifetime: 2_592_000,
        idleTokenLifetime: 1_296_000,
      },
    });
  });

  it.each([
    ['http://localhost/callback', 'an http redirect must be a loopback IP literal'],
    ['http://127.0.0.1:8080/callback', 'register a loopback redirect without a port'],
    ['timesheets:/callback', 'a private-use scheme must be a reverse domain name'],
    ['com.abcinc.timesheets://callback', 'a private-use scheme URI has one slash after the colon'],
  ])('refuses the callback %s, naming the field', (callback, message) => {
    const parse = withCli({ callbacks: [callback] });
    expect(parse).toThrow(TenantFileError);
    expect(parse).toThrow(`clients[1].callbacks[0]: ${message}`);
  });

  it('refuses the implicit grant for a native client', () => {
    expect(withCli({ grantTypes: ['authorization_code', 'implicit'] })).toThrow(
      /clients\[1\]\.grantTypes\[1\]: Invalid option/,
    );
  });

  it('refuses an idle lifetime longer than the absolute one', () => {
    const parse = withCli({ refreshToken: { tokenLifetime: 3600, idleTokenLifetime: 7200 } });
    expect(parse).toThrow('clients[1].refreshToken.idleTokenLifetime: idleTokenLifetime must not');
  });
});
