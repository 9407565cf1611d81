import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ALL_SCOPES, SCOPE_DESCRIPTIONS, type Scope } from '../core/scopes';
import type { Idp } from './create-idp';
import { startTestIdp } from './test-idp';
import {
  authorizeUrl,
  Browser,
  checkSession,
  clientCredentials,
  implicitLogin,
  ImplicitFlowError,
} from './testing';

const API = 'https://timesheets.abc-inc.example/api';
const SPA = { clientId: 'timesheets-spa', redirectUri: 'http://localhost:3000/callback/' };
const IMPORTER = { clientId: 'timesheets-importer', clientSecret: 'importer-dev-secret' };
const EMMA = { email: 'emma@abc.example', password: 'emma-dev-password' };
const CARLOS = { email: 'carlos@contractor.example', password: 'carlos-dev-password' };

let dataDir: string;
let idp: Idp;

const startIdp = (env: Record<string, string> = {}) => startTestIdp(dataDir, env);

function login(
  user: { email: string; password: string },
  scope: string,
  extra: { nonce?: string; browser?: Browser } = {},
) {
  return implicitLogin({ issuer: idp.issuer, ...SPA, audience: API, scope, ...user, ...extra });
}

function verifyAccessToken(token: string) {
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
  return jwtVerify(token, jwks, {
    issuer: idp.issuer,
    audience: API,
    typ: 'at+jwt',
    algorithms: ['RS256'],
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-test-'));
  idp = await startIdp();
});

afterAll(async () => {
  await idp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('discovery', () => {
  it("serves Auth0's paths under an issuer with a trailing slash", async () => {
    const response = await fetch(new URL('.well-known/openid-configuration', idp.issuer));
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}authorize`,
      token_endpoint: `${idp.issuer}oauth/token`,
      userinfo_endpoint: `${idp.issuer}userinfo`,
      jwks_uri: `${idp.issuer}.well-known/jwks.json`,
    });
    expect(doc.response_modes_supported).toContain('web_message');
    expect(idp.issuer).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  it('defines exactly the API scopes of core/scopes.ts in the default tenant', () => {
    expect(idp.directory.tenant.api.scopes.map((s) => s.value)).toEqual([...ALL_SCOPES]);
  });

  it('describes each API scope in the default tenant as core/scopes.ts does', () => {
    for (const { value, description } of idp.directory.tenant.api.scopes) {
      expect([value, description]).toEqual([value, SCOPE_DESCRIPTIONS[value as Scope]]);
    }
  });
});

describe('implicit grant (response_type=token id_token)', () => {
  it('returns a verifiable RS256 access token for the API and an ID token for the SPA', async () => {
    const nonce = crypto.randomUUID();
    const result = await login(EMMA, 'openid profile email read:timesheets create:timesheets', {
      nonce,
    });
    expect(result.error).toBeUndefined();
    expect(result.expiresIn).toBe(7200);
    expect(result.params.token_type).toBe('Bearer');

    const { payload, protectedHeader } = await verifyAccessToken(result.accessToken ?? '');
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      sub: 'auth0|emma',
      aud: API,
      scope: 'read:timesheets create:timesheets',
      permissions: ['read:timesheets', 'create:timesheets', 'delete:timesheets'],
      azp: 'timesheets-spa',
      email: 'emma@abc.example',
      name: 'Emma Employee',
    });

    const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
    const id = await jwtVerify(result.idToken ?? '', jwks, {
      issuer: idp.issuer,
      audience: SPA.clientId,
    });
    const digest = crypto
      .createHash('sha256')
      .update(result.accessToken ?? '')
      .digest();
    expect(id.payload).toMatchObject({
      sub: 'auth0|emma',
      nonce,
      at_hash: digest.subarray(0, 16).toString('base64url'),
      name: 'Emma Employee',
      email: 'emma@abc.example',
    });
  });

  it('grants only the requested scopes the user holds (a contractor asking for delete gets none)', async () => {
    const result = await login(
      CARLOS,
      'openid read:timesheets create:timesheets delete:timesheets',
    );
    const { payload } = await verifyAccessToken(result.accessToken ?? '');
    expect(payload.scope).toBe('read:timesheets create:timesheets');
    expect(payload.permissions).toEqual(['read:timesheets', 'create:timesheets']);
  });

  it('shows the form again with an announced error after a wrong password, and issues no token', async () => {
    const attempt = login(
      { email: EMMA.email, password: 'not-her-password' },
      'openid read:timesheets',
    );
    await expect(attempt).rejects.toBeInstanceOf(ImplicitFlowError);
    const error = (await attempt.catch((e: unknown) => e)) as ImplicitFlowError;
    expect(error.status).toBe(401);
    expect(error.page).toContain('role="alert"');
    expect(error.page).toContain('Wrong email or password.');
    expect(error.page).toMatch(/<label for="password">/);
    expect(error.page).not.toContain('access_token');
  });

  it('answers a login page with labels, autofocus and no external resources', async () => {
    const browser = new Browser(idp.issuer);
    const url = authorizeUrl({ issuer: idp.issuer, ...SPA, audience: API, scope: 'openid' });
    const { response } = await browser.follow(url);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<label for="email">Email<\/label>\s*<input\s+id="email"[^>]*autofocus/);
    expect(page).not.toMatch(/https?:\/\/(?!localhost)[^"\s]*\.(css|js|woff2?)/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('response modes of the SPA', () => {
  it.each(['form_post', 'query', 'fragment.jwt'])(
    'refuses response_mode=%s with invalid_request on the error page, issuing no token',
    async (mode) => {
      const url = authorizeUrl({ issuer: idp.issuer, ...SPA, audience: API, scope: 'openid' });
      url.searchParams.set('response_mode', mode);
      const { response, location } = await new Browser(idp.issuer).follow(url);
      const page = await response.text();
      expect(location).toBeUndefined();
      expect(response.status).toBe(400);
      expect(page).toContain('<h1>Something went wrong</h1>');
      expect(page).toContain('<strong>invalid_request</strong>');
      expect(page).toContain(
        `response_mode=${mode} is not allowed for timesheets-spa: use fragment or web_message.`,
      );
      expect(page).not.toContain('access_token');
    },
  );
});

describe('silent authentication and logout', () => {
  it('answers prompt=none with a web_message page posting the tokens, then login_required after /v2/logout', async () => {
    const first = await login(EMMA, 'openid profile read:timesheets');
    const options = {
      issuer: idp.issuer,
      clientId: SPA.clientId,
      redirectUri: 'http://localhost:3000/',
      audience: API,
      scope: 'openid profile read:timesheets',
      state: 'silent-1',
    };

    const silent = await checkSession(first.browser, options);
    expect(silent.status).toBe(200);
    expect(silent.page).toContain('postMessage');
    expect(silent.type).toBe('authorization_response');
    expect(silent.redirectUri).toBe('http://localhost:3000/');
    expect(silent.response.state).toBe('silent-1');
    expect((await verifyAccessToken(silent.result.accessToken ?? '')).payload.sub).toBe(
      'auth0|emma',
    );

    const logout = await first.browser.request(
      `/v2/logout?returnTo=${encodeURIComponent('http://localhost:3000')}&client_id=${SPA.clientId}`,
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://localhost:3000');

    const after = await checkSession(first.browser, { ...options, state: 'silent-2' });
    expect(after.response).toMatchObject({ error: 'login_required', state: 'silent-2' });
    expect(after.result.accessToken).toBeUndefined();
  });

  it('answers prompt=none without a session with login_required', async () => {
    const browser = new Browser(idp.issuer);
    const result = await checkSession(browser, {
      issuer: idp.issuer,
      ...SPA,
      audience: API,
      scope: 'openid',
      state: 's',
    });
    expect(result.response.error).toBe('login_required');
  });

  it('refuses a returnTo that is not an allowed logout URL of the client', async () => {
    const response = await fetch(
      new URL(
        `v2/logout?returnTo=${encodeURIComponent('https://evil.example/')}&client_id=${SPA.clientId}`,
        idp.issuer,
      ),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('is not an allowed logout URL');
  });
});

describe('/userinfo', () => {
  it('returns the profile for an access token issued for the API', async () => {
    const { accessToken } = await login(EMMA, 'openid profile email read:timesheets');
    const response = await fetch(new URL('userinfo', idp.issuer), {
      headers: { authorization: `Bearer ${accessToken}`, origin: 'http://localhost:3000' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(await response.json()).toEqual({
      sub: 'auth0|emma',
      name: 'Emma Employee',
      nickname: 'emma',
      email: 'emma@abc.example',
      email_verified: true,
    });
  });

  it('rejects a tampered token with 401 invalid_token', async () => {
    const { accessToken = '' } = await login(EMMA, 'openid read:timesheets');
    const [header, payload] = accessToken.split('.');
    const response = await fetch(new URL('userinfo', idp.issuer), {
      headers: { authorization: `Bearer ${header}.${payload}.${'A'.repeat(342)}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

describe('client credentials (POST /oauth/token)', () => {
  it.each(['json', 'form'] as const)(
    'issues the machine client its allowed scopes from a %s body',
    async (encoding) => {
      const { status, body } = await clientCredentials({
        issuer: idp.issuer,
        ...IMPORTER,
        audience: API,
        encoding,
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', scope: 'batch:upload', expires_in: 7200 });
      const { payload } = await verifyAccessToken(String(body.access_token));
      expect(payload).toMatchObject({
        sub: 'timesheets-importer@clients',
        gty: 'client-credentials',
        azp: 'timesheets-importer',
        scope: 'batch:upload',
        permissions: ['batch:upload'],
      });
    },
  );

  it('accepts the client secret in a Basic header', async () => {
    const response = await fetch(new URL('oauth/token', idp.issuer), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${IMPORTER.clientId}:${IMPORTER.clientSecret}`).toString('base64')}`,
      },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        audience: API,
        scope: 'batch:upload',
      }),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a scope the client is not granted with invalid_scope', async () => {
    const { status, body } = await clientCredentials({
      issuer: idp.issuer,
      ...IMPORTER,
      audience: API,
      scope: 'batch:upload read:timesheets',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'invalid_scope',
      error_description: 'Client has not been granted scopes: read:timesheets',
    });
  });

  it('answers a wrong secret with 401 invalid_client', async () => {
    const { status, body } = await clientCredentials({
      issuer: idp.issuer,
      ...IMPORTER,
      clientSecret: 'wrong',
      audience: API,
    });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });

  it('answers an unknown audience with an error', async () => {
    const { status, body } = await clientCredentials({
      issuer: idp.issuer,
      ...IMPORTER,
      audience: 'https://other.example/api',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
  });
});
