import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { DEFAULT_CLAIMS_NAMESPACE, teamClaimNames } from '../core/claims';
import { DEFAULT_TENANT_FILE, IdpConfigError, loadIdpConfig } from './config';
import type { Idp } from './create-idp';
import { startTestIdp } from './test-idp';
import { parseTenant, TenantFileError } from './tenant';
import { clientCredentials, implicitLogin } from './testing';

const API = 'https://timesheets.abc-inc.example/api';
const SPA = { clientId: 'timesheets-spa', redirectUri: 'http://localhost:3000/callback/' };
const IMPORTER = { clientId: 'timesheets-importer', clientSecret: 'importer-dev-secret' };
const CLAIMS = teamClaimNames(DEFAULT_CLAIMS_NAMESPACE);
const SCOPES = 'openid read:timesheets create:timesheets delete:timesheets approve:timesheets';

let dataDir: string;
let idp: Idp;

const startIdp = (env: Record<string, string> = {}) => startTestIdp(dataDir, env);

/** Signs `nickname` in through the implicit grant and returns the verified access token claims. */
async function accessTokenOf(
  nickname: string,
  server: Idp = idp,
  scope = SCOPES,
): Promise<JWTPayload> {
  const result = await implicitLogin({
    issuer: server.issuer,
    ...SPA,
    audience: API,
    scope,
    email: `${nickname}@abc.example`,
    password: `${nickname}-dev-password`,
  });
  if (!result.accessToken) throw new Error(`no access token: ${result.error}`);
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', server.issuer));
  const { payload } = await jwtVerify(result.accessToken, jwks, {
    issuer: server.issuer,
    audience: API,
    typ: 'at+jwt',
  });
  return payload;
}

function defaultTenant(): { users: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(DEFAULT_TENANT_FILE, 'utf8')) as {
    users: Record<string, unknown>[];
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idp-teams-'));
  idp = await startIdp();
});

afterAll(async () => {
  await idp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('team claims in access tokens', () => {
  it("gives a manager's token her team and the teams she manages", async () => {
    const payload = await accessTokenOf('maria');
    expect(payload).toMatchObject({
      sub: 'auth0|maria',
      [CLAIMS.team]: 'management',
      [CLAIMS.manages]: ['engineering'],
    });
    expect(CLAIMS.team).toBe('https://timesheets.abc-inc.example/team');
  });

  it('gives an employee only her team', async () => {
    const payload = await accessTokenOf('emma');
    expect(payload[CLAIMS.team]).toBe('engineering');
    expect(payload).not.toHaveProperty([CLAIMS.manages]);
  });

  it('gives payroll no manages claim, and approve:all-teams and close:periods only when asked for', async () => {
    const payload = await accessTokenOf('paula');
    expect(payload).toMatchObject({
      sub: 'auth0|paula',
      scope: 'read:timesheets approve:timesheets',
      permissions: ['read:timesheets', 'approve:timesheets', 'approve:all-teams', 'close:periods'],
      [CLAIMS.team]: 'payroll',
    });
    expect(payload).not.toHaveProperty([CLAIMS.manages]);
    const asked = await accessTokenOf('paula', idp, `${SCOPES} approve:all-teams`);
    expect(asked.scope).toBe('read:timesheets approve:timesheets approve:all-teams');
    const closing = await accessTokenOf('paula', idp, `${SCOPES} close:periods`);
    expect(closing.scope).toBe('read:timesheets approve:timesheets close:periods');
  });

  it('gives managers their manages claim but not approve:all-teams, even when asked', async () => {
    for (const [nickname, team] of [
      ['maria', 'engineering'],
      ['omar', 'operations'],
    ] as const) {
      const payload = await accessTokenOf(nickname, idp, `${SCOPES} approve:all-teams`);
      expect(payload.scope).toBe(
        'read:timesheets create:timesheets delete:timesheets approve:timesheets',
      );
      expect(payload.permissions).not.toContain('approve:all-teams');
      expect(payload[CLAIMS.manages]).toEqual([team]);
    }
  });

  it('signs in the operations team: Omar manages it, Olivia is in it', async () => {
    const omar = await accessTokenOf('omar');
    expect(omar).toMatchObject({ [CLAIMS.team]: 'management', [CLAIMS.manages]: ['operations'] });
    const olivia = await accessTokenOf('olivia');
    expect(olivia).toMatchObject({ sub: 'auth0|olivia', [CLAIMS.team]: 'operations' });
    expect(olivia).not.toHaveProperty([CLAIMS.manages]);
  });

  it('names the claims under AUTH_CLAIMS_NAMESPACE when it is set', async () => {
    const custom = await startIdp({ AUTH_CLAIMS_NAMESPACE: 'https://claims.example.com/' });
    try {
      const payload = await accessTokenOf('maria', custom);
      expect(payload).toMatchObject({
        'https://claims.example.com/team': 'management',
        'https://claims.example.com/manages': ['engineering'],
      });
      expect(payload).not.toHaveProperty([CLAIMS.team]);
      expect(payload).not.toHaveProperty([CLAIMS.manages]);
    } finally {
      await custom.close();
    }
  });

  it("puts no team claims in the importer's client-credentials token", async () => {
    const { status, body } = await clientCredentials({
      issuer: idp.issuer,
      ...IMPORTER,
      audience: API,
    });
    expect(status).toBe(200);
    const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', idp.issuer));
    const { payload } = await jwtVerify(String(body.access_token), jwks, {
      issuer: idp.issuer,
      audience: API,
    });
    expect(payload.gty).toBe('client-credentials');
    const teamClaims = Object.keys(payload).filter((claim) =>
      claim.startsWith(DEFAULT_CLAIMS_NAMESPACE),
    );
    expect(teamClaims).toEqual([]);
  });
});

describe('team settings', () => {
  it('refuses an AUTH_CLAIMS_NAMESPACE that is not a URL ending with a slash, naming it', () => {
    const load = (value: string) => () =>
      loadIdpConfig({ DATA_DIR: dataDir, AUTH_CLAIMS_NAMESPACE: value });
    expect(load('timesheets')).toThrow(IdpConfigError);
    expect(load('timesheets')).toThrow(/AUTH_CLAIMS_NAMESPACE/);
    expect(load('https://claims.example.com')).toThrow(
      /Invalid setting AUTH_CLAIMS_NAMESPACE: must end with "\/"/,
    );
  });

  it.each([
    ['an empty team', { team: '' }, /users\[0\]\.team: /],
    ['a team with surrounding spaces', { team: ' engineering' }, /users\[0\]\.team: must not/],
    ['manages that is not a list', { manages: 'engineering' }, /users\[0\]\.manages: /],
    ['an empty manages list', { manages: [] }, /users\[0\]\.manages: must name at least one/],
    ['a repeated managed team', { manages: ['ops', 'ops'] }, /users\[0\]\.manages: must not/],
    ['a too long team name', { team: 'x'.repeat(101) }, /users\[0\]\.team: /],
  ])('refuses a tenant file with %s, naming the field', (_name, fields, message) => {
    const tenant = defaultTenant();
    tenant.users[0] = { ...tenant.users[0], ...fields };
    expect(() => parseTenant(tenant, 'tenant.json')).toThrow(TenantFileError);
    expect(() => parseTenant(tenant, 'tenant.json')).toThrow(message);
  });

  it('reads the teams of the default tenant', () => {
    const { users } = parseTenant(defaultTenant());
    expect(users.map((u) => [u.sub, u.team, u.manages])).toEqual([
      ['auth0|emma', 'engineering', undefined],
      ['auth0|eli', 'engineering', undefined],
      ['auth0|carlos', 'engineering', undefined],
      ['auth0|maria', 'management', ['engineering']],
      ['auth0|omar', 'management', ['operations']],
      ['auth0|olivia', 'operations', undefined],
      ['auth0|paula', 'payroll', undefined],
    ]);
  });
});
