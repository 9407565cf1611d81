import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createTestKey, startTestIssuer, type TestIssuer, type TestKey } from '../../test/issuer';
import { InvalidTokenError } from './errors';
import { createVerifier, type Verifier, type VerifierOptions } from './verifier';

let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());

const MINUTE = 60_000;

/** A verifier on a frozen clock that the test moves by hand. */
function verifierAt(clock: { now: number }, overrides: Partial<VerifierOptions> = {}): Verifier {
  return createVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    jwksUri: issuer.jwksUri,
    algorithms: ['RS256'],
    now: () => clock.now,
    ...overrides,
  });
}

function tokenAt(clock: { now: number }, sub: string, key?: TestKey): Promise<string> {
  return issuer.sign({ sub }, { key, now: Math.floor(clock.now / 1000), expiresIn: 7200 });
}

async function expectInvalid(token: string, verify: Verifier): Promise<InvalidTokenError> {
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

/** The promise's value, or 'still waiting' after `ms`: a failing case ends instead of hanging. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  const giveUp = new AbortController();
  try {
    return await Promise.race([
      promise,
      delay(ms, 'still waiting' as const, { signal: giveUp.signal }),
    ]);
  } finally {
    giveUp.abort();
  }
}

/**
 * A JWKS endpoint in front of the test issuer's that, once stalled, holds every answer until
 * `release()`: a slow issuer.
 */
async function startStallingJwks(upstreamUri: string) {
  let hits = 0;
  let stalled = false;
  let held: (() => void)[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((_req, res) => {
    hits += 1;
    const answer = () =>
      fetch(upstreamUri)
        .then((upstream) => upstream.text())
        .then(
          (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
          () => res.writeHead(502).end(),
        );
    if (stalled) held.push(() => void answer());
    else void answer();
    for (const waiter of waiters.filter((w) => hits >= w.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    hits: () => hits,
    /** How many answers are being held. */
    held: () => held.length,
    /** Resolves once the endpoint has received `count` requests in all. */
    receivedRequests: (count: number) =>
      new Promise<void>((resolve) => {
        if (hits >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    stall: () => {
      stalled = true;
    },
    release: () => {
      stalled = false;
      held.forEach((answer) => answer());
      held = [];
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the JWKS key set of the verifier', () => {
  it('does not delay a new token while a stale key set is at hand and the refresh stalls', async () => {
    const jwks = await startStallingJwks(issuer.jwksUri);
    try {
      const clock = { now: Date.now() };
      const verify = verifierAt(clock, { jwksUri: jwks.uri, jwksTimeoutMs: 60_000 });
      await verify(await tokenAt(clock, 'auth0|emma'));
      expect(jwks.hits()).toBe(1);

      jwks.stall();
      clock.now += 10 * MINUTE + 1;
      const verified = verify(await tokenAt(clock, 'auth0|eli')).then(({ sub }) => sub);
      expect(await settledWithin(verified, 5_000)).toBe('auth0|eli');
      // The background refresh has started, and its answer is still held.
      expect(await settledWithin(jwks.receivedRequests(2), 5_000)).toBeUndefined();
      expect(jwks.held()).toBe(1);
      for (const sub of ['auth0|a', 'auth0|b', 'auth0|c']) {
        const next = verify(await tokenAt(clock, sub)).then((principal) => principal.sub);
        expect(await settledWithin(next, 5_000)).toBe(sub);
      }
      jwks.release();

      // One refresh in flight at a time: the test's own request is the only other one.
      await fetch(jwks.uri).then((response) => response.text());
      expect(jwks.hits()).toBe(3);
    } finally {
      await jwks.close();
    }
  });

  it('verifies tokens of a rotated key once the background refresh has fetched it', async () => {
    const clock = { now: Date.now() };
    // The cooldown outlasts the max age: an unknown kid cannot refetch, only the refresh can.
    const verify = verifierAt(clock, { jwksMaxAgeMs: 10 * MINUTE, jwksCooldownMs: 60 * MINUTE });
    await verify(await tokenAt(clock, 'auth0|emma'));
    const next = await createTestKey('test-key-rotated');
    issuer.publish([issuer.key, next]);
    try {
      const before = issuer.jwksHits();
      await expectInvalid(await tokenAt(clock, 'auth0|early', next), verify);

      clock.now += 10 * MINUTE + 1;
      await expect(verify(await tokenAt(clock, 'auth0|eli'))).resolves.toMatchObject({
        sub: 'auth0|eli',
      });
      for (const sub of ['auth0|rotated', 'auth0|later']) {
        await expect(verify(await tokenAt(clock, sub, next))).resolves.toMatchObject({ sub });
      }
      expect(issuer.jwksHits() - before).toBe(1);
    } finally {
      issuer.publish([issuer.key]);
    }
  });

  it('refuses every token once the key set is older than the maximum stale age, until the JWKS answers again', async () => {
    const clock = { now: Date.now() };
    const verify = verifierAt(clock, { jwksMaxAgeMs: 10 * MINUTE, jwksMaxStaleMs: 60 * MINUTE });
    const seen = await tokenAt(clock, 'auth0|emma');
    await verify(seen);
    issuer.setOutage(true);
    try {
      clock.now += 60 * MINUTE - 1;
      await expect(verify(await tokenAt(clock, 'auth0|eli'))).resolves.toMatchObject({
        sub: 'auth0|eli',
      });

      clock.now += 1;
      const error = await expectInvalid(await tokenAt(clock, 'auth0|eli'), verify);
      expect(error.reason).toBe(
        'key set older than the maximum stale age; JWKS unavailable: HTTP 503',
      );
      expect((await expectInvalid(seen, verify)).reason).toMatch(/maximum stale age/);

      issuer.setOutage(false);
      await expect(verify(await tokenAt(clock, 'auth0|eli'))).resolves.toMatchObject({
        sub: 'auth0|eli',
      });
      await expect(verify(seen)).resolves.toMatchObject({ sub: 'auth0|emma' });
    } finally {
      issuer.setOutage(false);
    }
  });

  it('keeps verifying tokens of known keys through a JWKS outage', async () => {
    const clock = { now: Date.now() };
    const verify = verifierAt(clock, { jwksMaxAgeMs: 0 });
    await verify(await tokenAt(clock, 'auth0|emma'));
    issuer.setOutage(true);
    try {
      clock.now += 60 * MINUTE;
      await expect(verify(await tokenAt(clock, 'auth0|eli'))).resolves.toMatchObject({
        sub: 'auth0|eli',
      });
    } finally {
      issuer.setOutage(false);
    }
  });

  it('waits for a refetch when a kid is unknown, at most once per cooldown', async () => {
    const clock = { now: Date.now() };
    const verify = verifierAt(clock, { jwksCooldownMs: MINUTE });
    await verify(await tokenAt(clock, 'auth0|emma'));
    const next = await createTestKey('test-key-2');
    issuer.publish([issuer.key, next]);
    try {
      const before = issuer.jwksHits();
      clock.now += MINUTE;
      await expect(verify(await tokenAt(clock, 'auth0|rotated', next))).resolves.toMatchObject({
        sub: 'auth0|rotated',
      });
      expect(issuer.jwksHits() - before).toBe(1);

      const stranger = await createTestKey('unknown-kid');
      for (let i = 0; i < 3; i += 1) {
        await expectInvalid(await tokenAt(clock, `auth0|x${i}`, stranger), verify);
      }
      expect(issuer.jwksHits() - before).toBe(1);

      clock.now += MINUTE;
      await expectInvalid(await tokenAt(clock, 'auth0|x3', stranger), verify);
      expect(issuer.jwksHits() - before).toBe(2);
    } finally {
      issuer.publish([issuer.key]);
    }
  });

  it('refuses tokens when the first fetch of the JWKS times out', async () => {
    const jwks = await startStallingJwks(issuer.jwksUri);
    jwks.stall();
    try {
      const clock = { now: Date.now() };
      const verify = verifierAt(clock, { jwksUri: jwks.uri, jwksTimeoutMs: 200 });
      const token = await tokenAt(clock, 'auth0|emma');
      const error = await settledWithin(expectInvalid(token, verify), 5_000);
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect((error as InvalidTokenError).reason).toMatch(/^JWKS unavailable: .*timeout/i);
    } finally {
      await jwks.close();
    }
  });

  it('refuses a maximum stale age shorter than the maximum age at construction', () => {
    expect(() => verifierAt({ now: 0 }, { jwksMaxStaleMs: MINUTE })).not.toThrow();
    expect(() =>
      verifierAt({ now: 0 }, { jwksMaxAgeMs: 10 * MINUTE, jwksMaxStaleMs: MINUTE }),
    ).toThrow(/jwksMaxStaleMs \(60000\) must be at least jwksMaxAgeMs \(600000\)/);
  });
});
