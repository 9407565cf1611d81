import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Idp } from './create-idp';
import { startTestIdp } from './test-idp';
import { clientCredentials } from './testing';
import { codeSignIn, refreshTokens, revokeToken } from './testing-code-flow';

const API = 'https://timesheets.abc-inc.example/api';
const CLI = 'timesheets-cli';
const IMPORTER = { clientId: 'timesheets-importer', clientSecret: 'importer-dev-secret' };

let dataDir: string;
let idp: Idp;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-revocation-'));
  idp = await startTestIdp(dataDir);
});

afterAll(async () => {
  await idp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Emma signs in to the terminal client: a fresh refresh token family. */
function signInEmma() {
  return codeSignIn({
    issuer: idp.issuer,
    clientId: CLI,
    redirectUri: 'http://127.0.0.1:50123/callback',
    audience: API,
    scope: 'openid offline_access read:timesheets',
    email: 'emma@abc.example',
    password: 'emma-dev-password',
  });
}

describe('token revocation at /oauth/revoke (RFC 7009)', () => {
  it('is advertised in discovery as the revocation endpoint', async () => {
    const response = await fetch(new URL('.well-known/openid-configuration', idp.issuer));
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc.revocation_endpoint).toBe(`${idp.issuer}oauth/revoke`);
  });

  it.each(['form', 'json'] as const)(
    'revokes a refresh token sent in a %s body: refreshing with it then fails with invalid_grant',
    async (encoding) => {
      const { refreshToken } = await signInEmma();
      const fields = { client_id: CLI, token: refreshToken, token_type_hint: 'refresh_token' };
      expect(await revokeToken(idp.issuer, fields, encoding)).toEqual({ status: 200, text: '' });
      const { status, body } = await refreshTokens(idp.issuer, CLI, refreshToken);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        error: 'invalid_grant',
        error_description: 'grant request is invalid',
      });
    },
  );

  it('ends the whole family: a token rotated from the same sign-in is revoked too', async () => {
    const { refreshToken } = await signInEmma();
    const rotated = await refreshTokens(idp.issuer, CLI, refreshToken);
    const newest = String(rotated.body.refresh_token);
    await revokeToken(idp.issuer, { client_id: CLI, token: newest });
    expect((await refreshTokens(idp.issuer, CLI, newest)).body.error).toBe('invalid_grant');
  });

  it("ignores a public client's attempt on another client's token, which keeps working", async () => {
    const { refreshToken } = await signInEmma();
    const attempt = await revokeToken(idp.issuer, {
      client_id: 'timesheets-spa',
      token: refreshToken,
    });
    expect(attempt).toEqual({ status: 200, text: '' });
    expect((await refreshTokens(idp.issuer, CLI, refreshToken)).status).toBe(200);
  });

  it("refuses a confidential client's attempt on another client's token with invalid_request", async () => {
    const { refreshToken } = await signInEmma();
    const { status, text } = await revokeToken(idp.issuer, {
      client_id: IMPORTER.clientId,
      client_secret: IMPORTER.clientSecret,
      token: refreshToken,
    });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      error: 'invalid_request',
      error_description: 'client is not authorized to revoke the presented token',
    });
    expect((await refreshTokens(idp.issuer, CLI, refreshToken)).status).toBe(200);
  });

  it('answers an unknown token with success, as RFC 7009 §2.2 asks', async () => {
    const attempt = await revokeToken(idp.issuer, { client_id: CLI, token: 'no-such-token' });
    expect(attempt).toEqual({ status: 200, text: '' });
  });

  it('refuses to revoke a JWT access token: it expires on its own', async () => {
    const { body } = await clientCredentials({ issuer: idp.issuer, ...IMPORTER, audience: API });
    const { status, text } = await revokeToken(idp.issuer, {
      client_id: IMPORTER.clientId,
      client_secret: IMPORTER.clientSecret,
      token: String(body.access_token),
    });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      error: 'unsupported_token_type',
      error_description: 'Structured JWT Tokens cannot be revoked via the revocation_endpoint',
    });
  });
});
