import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_API_AUDIENCE } from '../core/api';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';

/** A signing key of the test issuer. */
export interface TestKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function createTestKey(kid: string, alg = 'RS256'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

export interface SignOptions {
  key?: TestKey;
  header?: Record<string, unknown>;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  issuer?: string;
  audience?: string | string[];
  now?: number;
}

/**
 * A real OAuth issuer for tests: RS256 keys made with jose, a JWKS served over HTTP on a loopback
 * port, and a signer for access tokens shaped like Auth0's. Nothing about tokens is mocked.
 */
export interface TestIssuer {
  issuer: string;
  audience: string;
  jwksUri: string;
  key: TestKey;
  /** How many times the JWKS was fetched. */
  jwksHits: () => number;
  /** Publish these keys in the JWKS from now on. */
  publish: (keys: TestKey[]) => void;
  /** Make the JWKS endpoint answer 503 (an outage) or serve again. */
  setOutage: (down: boolean) => void;
  sign: (claims: JWTPayload, options?: SignOptions) => Promise<string>;
  /** A user token with these scopes. */
  userToken: (sub: string, scopes: string[], extra?: JWTPayload) => Promise<string>;
  /** A machine client's token (client credentials, as Auth0 shapes it) with these scopes. */
  clientToken: (clientId: string, scopes: string[]) => Promise<string>;
  close: () => Promise<void>;
}

export const TEST_AUDIENCE = DEFAULT_API_AUDIENCE;

export async function startTestIssuer(): Promise<TestIssuer> {
  const key = await createTestKey('test-key-1');
  let keys: TestKey[] = [key];
  let hits = 0;
  let down = false;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    hits += 1;
    if (down) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/`;

  const sign = async (claims: JWTPayload, options: SignOptions = {}): Promise<string> => {
    const signingKey = options.key ?? key;
    const now = options.now ?? Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({
        alg: signingKey.alg,
        kid: signingKey.kid,
        typ: 'at+jwt',
        ...options.header,
      })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(signingKey.privateKey);
  };

  return {
    issuer,
    audience: TEST_AUDIENCE,
    jwksUri: `${issuer}.well-known/jwks.json`,
    key,
    jwksHits: () => hits,
    publish: (next) => {
      keys = next;
    },
    setOutage: (value) => {
      down = value;
    },
    sign,
    userToken: (sub, scopes, extra = {}) => sign({ sub, scope: scopes.join(' '), ...extra }),
    clientToken: (clientId, scopes) =>
      sign({
        sub: `${clientId}@clients`,
        azp: clientId,
        gty: 'client-credentials',
        scope: scopes.join(' '),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
