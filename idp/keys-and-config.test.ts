import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DEFAULT_TENANT_FILE, IdpConfigError, loadIdpConfig } from './config';
import { createIdp } from './create-idp';
import { prepareNextKey, promoteNextKey } from './keys';
import { parseTenant, TenantFileError } from './tenant';
import { checkSession, clientCredentials, implicitLogin } from './testing';

const API = 'https://timesheets.abc-inc.example/api';
const IMPORTER = { clientId: 'timesheets-importer', clientSecret: 'importer-dev-secret' };

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-keys-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function config(env: Record<string, string> = {}) {
  return loadIdpConfig({
    IDP_PORT: '0',
    DATA_DIR: dataDir,
    IDP_LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  });
}

async function machineToken(issuer: string): Promise<string> {
  const { body } = await clientCredentials({ issuer, ...IMPORTER, audience: API });
  return String(body.access_token);
}

async function jwks(issuer: string) {
  const response = await fetch(new URL('.well-known/jwks.json', issuer));
  return ((await response.json()) as { keys: { kid: string; d?: string }[] }).keys;
}

describe('signing keys', () => {
  it('keeps the key across a restart on the same DATA_DIR', async () => {
    const first = await createIdp(config());
    const before = await jwks(first.issuer);
    await first.close();
    const second = await createIdp(config());
    expect(await jwks(second.issuer)).toEqual(before);
    expect(before).toHaveLength(1);
    expect(before[0]?.d).toBeUndefined();
    expect(fs.statSync(path.join(dataDir, 'idp', 'keys.json')).mode & 0o777).toBe(0o600);
    await second.close();
  });

  it('publishes the next key before signing with it, and keeps the old one published after', async () => {
    const idp = await createIdp(config());
    const signedIn = await implicitLogin({
      issuer: idp.issuer,
      clientId: 'timesheets-spa',
      redirectUri: 'http://localhost:3000/',
      audience: API,
      scope: 'openid read:timesheets',
      email: 'emma@abc.example',
      password: 'emma-dev-password',
    });
    const oldToken = await machineToken(idp.issuer);
    const oldKid = decodeProtectedHeader(oldToken).kid;

    const next = await prepareNextKey(path.join(dataDir, 'idp'));
    await idp.reloadKeys();
    expect((await jwks(idp.issuer)).map((k) => k.kid)).toEqual([oldKid, next.kid]);
    expect(decodeProtectedHeader(await machineToken(idp.issuer)).kid).toBe(oldKid);

    await promoteNextKey(path.join(dataDir, 'idp'), 7200);
    await idp.reloadKeys();
    expect((await jwks(idp.issuer)).map((k) => k.kid)).toEqual([next.kid, oldKid]);
    const newToken = await machineToken(idp.issuer);
    expect(decodeProtectedHeader(newToken).kid).toBe(next.kid);

    const keySet = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
    const options = { issuer: idp.issuer, audience: API };
    await expect(jwtVerify(oldToken, keySet, options)).resolves.toBeDefined();
    await expect(jwtVerify(newToken, keySet, options)).resolves.toBeDefined();

    // Reloading the keys keeps the sessions: silent authentication still works.
    const silent = await checkSession(signedIn.browser, {
      issuer: idp.issuer,
      clientId: 'timesheets-spa',
      redirectUri: 'http://localhost:3000/',
      audience: API,
      scope: 'openid read:timesheets',
    });
    expect(decodeProtectedHeader(silent.result.accessToken ?? '').kid).toBe(next.kid);
    await idp.close();
  });

  it('drops a previous key once its tokens have expired', async () => {
    const keysDir = path.join(dataDir, 'idp');
    const idp = await createIdp(config());
    await idp.close();
    const promoted = await promoteNextKey(keysDir, 60, new Date(Date.now() - 120_000));
    const restarted = await createIdp(config());
    expect((await jwks(restarted.issuer)).map((k) => k.kid)).toEqual([promoted.kid]);
    await restarted.close();
  });
});

describe('configuration', () => {
  it.each([
    ['unset', undefined, 'NODE_ENV is not set'],
    ['production', 'production', 'NODE_ENV=production'],
    ['Production', 'Production', 'NODE_ENV=Production'],
    ['staging', 'staging', 'NODE_ENV=staging'],
  ])(
    'refuses to start when NODE_ENV is %s, naming NODE_ENV and the opt-in',
    async (_name, nodeEnv, given) => {
      const env = { IDP_PORT: '0', DATA_DIR: dataDir, IDP_LOG_LEVEL: 'silent', NODE_ENV: nodeEnv };
      const start = createIdp(loadIdpConfig(env));
      await expect(start).rejects.toBeInstanceOf(IdpConfigError);
      await expect(start).rejects.toThrow(
        `Refusing to start: ${given}. This authorization server is for development and tests ` +
          'only (in-memory sessions, development passwords printed at start). Set ' +
          'NODE_ENV=development (or test) to run it, or IDP_ALLOW_PRODUCTION=true to override.',
      );
    },
  );

  it.each([
    ['NODE_ENV=development', { NODE_ENV: 'development' }],
    ['NODE_ENV=test', { NODE_ENV: 'test' }],
    [
      'NODE_ENV=staging and IDP_ALLOW_PRODUCTION=true',
      { NODE_ENV: 'staging', IDP_ALLOW_PRODUCTION: 'true' },
    ],
  ])('starts with %s', async (_name, env) => {
    const idp = await createIdp(config(env));
    await idp.close();
  });

  it('names the setting that is wrong', () => {
    expect(() => config({ IDP_SPA_ORIGINS: 'http://localhost:3001/app' })).toThrow(IdpConfigError);
    expect(() => config({ IDP_SPA_ORIGINS: 'http://localhost:3001/app' })).toThrow(
      /IDP_SPA_ORIGINS/,
    );
    expect(() => config({ IDP_ACCESS_TOKEN_TTL: 'soon' })).toThrow(/IDP_ACCESS_TOKEN_TTL/);
    expect(config({ IDP_ISSUER: 'http://localhost:4400' }).issuer).toBe('http://localhost:4400/');
  });

  it('names the field of the tenant file that is wrong', () => {
    const tenant = JSON.parse(fs.readFileSync(DEFAULT_TENANT_FILE, 'utf8')) as {
      users: { permissions: string[] }[];
    };
    tenant.users[2]?.permissions.push('fly:planes');
    expect(() => parseTenant(tenant, 'tenant.json')).toThrow(TenantFileError);
    expect(() => parseTenant(tenant, 'tenant.json')).toThrow(
      /users\[2\]\.permissions\[2\]: "fly:planes" is not a scope/,
    );
  });

  it('stops at start when IDP_TENANT_FILE is unreadable', async () => {
    await expect(
      createIdp(config({ IDP_TENANT_FILE: path.join(dataDir, 'missing.json') })),
    ).rejects.toThrow(/Cannot read the tenant file .*missing\.json \(IDP_TENANT_FILE\)/);
  });

  it('accepts the extra SPA origins of IDP_SPA_ORIGINS and a short IDP_ACCESS_TOKEN_TTL', async () => {
    const idp = await createIdp(
      config({ IDP_SPA_ORIGINS: 'http://localhost:3100', IDP_ACCESS_TOKEN_TTL: '5' }),
    );
    const result = await implicitLogin({
      issuer: idp.issuer,
      clientId: 'timesheets-spa',
      redirectUri: 'http://localhost:3100/callback/',
      audience: API,
      scope: 'openid read:timesheets',
      email: 'eli@abc.example',
      password: 'eli-dev-password',
    });
    expect(result.expiresIn).toBe(5);
    expect(result.scope).toBe('read:timesheets');
    await idp.close();
  });
});

describe('consent for a third-party application', () => {
  it('asks once, lists the scopes, and grants what the user allowed', async () => {
    const tenant = JSON.parse(fs.readFileSync(DEFAULT_TENANT_FILE, 'utf8')) as {
      clients: { type: string; firstParty?: boolean }[];
    };
    for (const client of tenant.clients) if (client.type === 'spa') client.firstParty = false;
    const file = path.join(dataDir, 'tenant.json');
    fs.writeFileSync(file, JSON.stringify(tenant));
    const idp = await createIdp(config({ IDP_TENANT_FILE: file }));
    const options = {
      issuer: idp.issuer,
      clientId: 'timesheets-spa',
      redirectUri: 'http://localhost:3000/',
      audience: API,
      scope: 'openid read:timesheets delete:timesheets',
      email: 'carlos@contractor.example',
      password: 'carlos-dev-password',
    };
    await expect(implicitLogin({ ...options, consent: 'stop' })).rejects.toMatchObject({
      page: expect.stringMatching(
        /Authorize Timesheets SPA[\s\S]*read:timesheets[\s\S]*Not available to your account[\s\S]*delete:timesheets/,
      ),
    });
    const result = await implicitLogin(options);
    expect(result.scope).toBe('read:timesheets');
    await idp.close();
  });
});
