import { createTestKey, startTestIssuer, type TestIssuer } from '../../test/issuer';
import { InvalidTokenError } from './errors';
import { failureReason } from './failure-reason';
import { createVerifier } from './verifier';

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());

/** The metrics label of the refusal of `token` by a fresh verifier trusting the test issuer. */
async function reasonFor(token: string): Promise<string> {
  const verify = createVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    jwksUri: issuer.jwksUri,
    algorithms: ['RS256'],
  });
  const error = await verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InvalidTokenError)) throw new Error('the token was not refused');
  return failureReason(error);
}

describe('failureReason', () => {
  it.each([
    ['an expired token', () => issuer.sign({ sub: 'u' }, { expiresIn: -600 }), 'expired'],
    [
      'another audience',
      () => issuer.sign({ sub: 'u' }, { audience: 'https://other/' }),
      'claim_aud',
    ],
    ['another issuer', () => issuer.sign({ sub: 'u' }, { issuer: 'https://evil/' }), 'claim_iss'],
    ['an id token', () => issuer.sign({ sub: 'u' }, { header: { typ: 'id+jwt' } }), 'type'],
    ['an empty sub', () => issuer.sign({ sub: '' }), 'claim_sub'],
    ['a malformed token', () => Promise.resolve('not.a.token'), 'malformed'],
  ])('labels %s', async (_case, token, reason) => {
    expect(await reasonFor(await token())).toBe(reason);
  });

  it('labels a forged signature and an unknown key', async () => {
    const forger = await createTestKey(issuer.key.kid);
    expect(await reasonFor(await issuer.sign({ sub: 'u' }, { key: forger }))).toBe('signature');
    const stranger = await createTestKey('unknown-kid');
    expect(await reasonFor(await issuer.sign({ sub: 'u' }, { key: stranger }))).toBe('unknown_key');
  });

  it('labels a token that cannot be checked because the issuer’s keys are unavailable', async () => {
    issuer.setOutage(true);
    try {
      expect(await reasonFor(await issuer.sign({ sub: 'u' }))).toBe('keys_unavailable');
    } finally {
      issuer.setOutage(false);
    }
  });
});
