import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { createTestKey, startTestIssuer, type TestIssuer } from '../../test/issuer';
import { InvalidTokenError } from './errors';
import { getBearerToken } from './get-token';
import { createVerifier, type VerifierOptions } from './verifier';

let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());

function verifierFor(overrides: Partial<VerifierOptions> = {}) {
  return createVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    jwksUri: issuer.jwksUri,
    algorithms: ['RS256'],
    ...overrides,
  });
}

async function expectInvalid(token: string, verify = verifierFor()): Promise<InvalidTokenError> {
  const error: unknown = await verify(token).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  const invalid = error as InvalidTokenError;
  expect(invalid.message).toBe('Missing or invalid token');
  expect(invalid.extensions.code).toBe('UNAUTHENTICATED');
  return invalid;
}

describe('createVerifier', () => {
  it('accepts a well-formed RS256 token and reads the principal from its claims', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets', 'create:timesheets'], {
      email: 'emma@abc.example',
      name: 'Emma Employee',
      azp: 'timesheets-spa',
    });
    const principal = await verifierFor()(token);
    expect(principal.sub).toBe('auth0|emma');
    expect(principal.kind).toBe('USER');
    expect([...principal.scopes]).toEqual(['read:timesheets', 'create:timesheets']);
    expect(principal.email).toBe('emma@abc.example');
    expect(principal.name).toBe('Emma Employee');
    expect(principal.clientId).toBe('timesheets-spa');
  });

  it('treats a client-credentials token as a CLIENT', async () => {
    const token = await issuer.sign({
      sub: 'timesheets-importer@clients',
      gty: 'client-credentials',
      azp: 'timesheets-importer',
      scope: 'batch:upload',
    });
    const principal = await verifierFor()(token);
    expect(principal.kind).toBe('CLIENT');
    expect(principal.clientId).toBe('timesheets-importer');
  });

  it('accepts typ JWT as Auth0 issues it', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { header: { typ: 'JWT' } });
    await expect(verifierFor()(token)).resolves.toMatchObject({ sub: 'auth0|emma' });
  });

  it('refuses an unexpected typ such as an id_token-style "JOSE"', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { header: { typ: 'JOSE' } });
    const error = await expectInvalid(token);
    expect(error.reason).toMatch(/token type/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ sub: 'auth0|emma', scope: 'read:timesheets' })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('1h')
      .encode();
    await expectInvalid(token);
  });

  it('refuses an HS256 token signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(issuer.key.publicJwk));
    const token = await new SignJWT({ sub: 'auth0|mallory', scope: 'approve:timesheets' })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.key.kid, typ: 'at+jwt' })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('1h')
      .sign(secret);
    const error = await expectInvalid(token);
    expect(error.reason).toMatch(/alg/i);
  });

  it('refuses a token from another issuer', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { issuer: 'https://evil.example/' });
    expect((await expectInvalid(token)).reason).toMatch(/iss/);
  });

  it('refuses a token signed for another audience', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { audience: 'https://other.example/' });
    expect((await expectInvalid(token)).reason).toMatch(/aud/);
  });

  it('refuses an expired token, beyond the clock tolerance', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { expiresIn: -60 });
    expect((await expectInvalid(token)).reason).toMatch(/exp/);
  });

  it('accepts a token expired by less than the clock tolerance', async () => {
    const token = await issuer.sign({ sub: 'auth0|emma' }, { expiresIn: -2 });
    await expect(verifierFor({ clockTolerance: 5 })(token)).resolves.toMatchObject({
      sub: 'auth0|emma',
    });
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await issuer.sign({ sub: 'auth0|emma', nbf: now + 600 });
    expect((await expectInvalid(token)).reason).toMatch(/nbf/);
  });

  it('refuses a token without sub', async () => {
    const token = await issuer.sign({ scope: 'read:timesheets' });
    expect((await expectInvalid(token)).reason).toMatch(/sub/);
  });

  it('refuses a token whose payload was tampered with', async () => {
    const token = await issuer.userToken('auth0|emma', ['read:timesheets']);
    const [header, , signature] = token.split('.');
    const forged = base64url.encode(
      JSON.stringify({
        sub: 'auth0|emma',
        scope: 'read:timesheets approve:timesheets',
        iss: issuer.issuer,
        aud: issuer.audience,
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    );
    expect((await expectInvalid(`${header}.${forged}.${signature}`)).reason).toMatch(/signature/);
  });

  it('refuses a token signed by a key the issuer does not publish, even with its key in the header', async () => {
    const attacker = await createTestKey('attacker');
    const token = await issuer.sign(
      { sub: 'auth0|mallory' },
      { key: attacker, header: { jwk: attacker.publicJwk, jku: 'http://127.0.0.1:1/jwks.json' } },
    );
    await expectInvalid(token);
  });

  it('refuses a token that reuses a published kid but is signed by another key', async () => {
    const attacker = await createTestKey(issuer.key.kid);
    const token = await issuer.sign({ sub: 'auth0|mallory' }, { key: attacker });
    expect((await expectInvalid(token)).reason).toMatch(/signature/);
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['two segments', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'],
    ['a header that is not JSON', 'bm90IGpzb24.eyJzdWIiOiJ4In0.c2ln'],
  ])('refuses %s', async (_name, token) => {
    await expectInvalid(token);
  });

  it('serves a repeated token from its cache until the token expires', async () => {
    let clock = Date.now();
    const verify = verifierFor({ now: () => clock, clockTolerance: 0 });
    const token = await issuer.sign({ sub: 'auth0|emma' }, { expiresIn: 60 });
    const first = await verify(token);
    expect(await verify(token)).toBe(first);
    clock += 61_000;
    expect((await expectInvalid(token, verify)).reason).toMatch(/exp/);
  });

  it('verifies a token once when many requests bring it at the same time', async () => {
    const verify = verifierFor();
    const token = await issuer.userToken('auth0|eli', ['read:timesheets']);
    const principals = await Promise.all(Array.from({ length: 20 }, () => verify(token)));
    // One verification makes one principal: every request shares it, none verified on its own.
    for (const principal of principals) expect(principal).toBe(principals[0]);
  });

  it('refuses every request waiting on a failed verification, and verifies anew afterwards', async () => {
    const verify = verifierFor();
    const token = await issuer.sign({ sub: 'auth0|emma' }, { expiresIn: -60 });
    const errors = await Promise.all([expectInvalid(token, verify), expectInvalid(token, verify)]);
    expect(errors[1]).toBe(errors[0]);
    const again = await expectInvalid(token, verify);
    expect(again).not.toBe(errors[0]);
    expect(again.reason).toMatch(/exp/);
  });

  it('refuses HS256 in its algorithm list at construction', () => {
    expect(() => verifierFor({ algorithms: ['HS256'] })).toThrow(/unsupported algorithms HS256/);
  });
});

describe('getBearerToken', () => {
  it('reads the token of a Bearer header, whatever the case of the scheme', () => {
    expect(getBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(getBearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('answers null when there is no header', () => {
    expect(getBearerToken(undefined)).toBeNull();
    expect(getBearerToken('')).toBeNull();
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Bearer <script>'])(
    'treats %j as an invalid token',
    (header) => {
      expect(() => getBearerToken(header)).toThrow(InvalidTokenError);
    },
  );
});
