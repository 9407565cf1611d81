import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTHeaderParameters,
  type JWTVerifyGetKey,
} from 'jose';
import { teamClaimNames } from '../../core/claims';
import { InvalidTokenError } from './errors';
import { toPrincipal, type Principal } from './principal';
import { TokenCache } from './token-cache';

/** Asymmetric algorithms only: a symmetric one would let anyone holding the public key sign. */
export const SUPPORTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  jwksUri: string;
  algorithms: readonly string[];
  /** Seconds of leeway on exp and nbf. */
  clockTolerance?: number;
  /** How many verified tokens to remember. */
  cacheSize?: number;
  /** Minimum time between two JWKS refetches caused by an unknown `kid`, in ms. */
  jwksCooldownMs?: number;
  /** How long a fetched JWKS is trusted before it is refreshed, in ms. */
  jwksMaxAgeMs?: number;
  /** The namespace of the team claims (see core/claims.ts). */
  claimsNamespace?: string;
  /** The clock, for tests. */
  now?: () => number;
}

/** Verifies one access token into the Principal it describes. Throws InvalidTokenError. */
export type Verifier = (token: string) => Promise<Principal>;

const ACCEPTED_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);

function checkOptions(options: VerifierOptions): void {
  if (!options.issuer) throw new TypeError('verifier: issuer is required');
  if (!options.audience) throw new TypeError('verifier: audience is required');
  new URL(options.jwksUri);
  if (options.algorithms.length === 0) throw new TypeError('verifier: algorithms is empty');
  const unsupported = options.algorithms.filter(
    (alg) => !(SUPPORTED_ALGORITHMS as readonly string[]).includes(alg),
  );
  if (unsupported.length > 0) {
    throw new TypeError(`verifier: unsupported algorithms ${unsupported.join(', ')}`);
  }
}

/**
 * A key resolver that uses the issuer's JWKS and keeps working through a JWKS outage: when a
 * refresh fails, keys from the last good fetch still verify. An unknown `kid` refetches at most
 * once per cooldown (jose's `cooldownDuration`). Key material or URLs in a token's header
 * (`jwk`, `jku`, `x5u`, `x5c`) are never used: only `kid` and `alg` pick a key.
 */
function createKeyResolver(options: VerifierOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(options.jwksUri), {
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    cacheMaxAge: options.jwksMaxAgeMs ?? 600_000,
    timeoutDuration: 5_000,
  });
  return async (header: JWTHeaderParameters, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const lastGood = remote.jwks();
      const keyProblem =
        error instanceof joseErrors.JWKSNoMatchingKey ||
        error instanceof joseErrors.JWKSMultipleMatchingKeys;
      if (!lastGood || keyProblem) throw error;
      return createLocalJWKSet(lastGood)(header, token);
    }
  };
}

/**
 * Creates the access-token verifier: signature against the issuer's JWKS, algorithm allowlist,
 * `iss`, `aud`, `exp`, `nbf` (with a small clock tolerance), `sub` present, and header `typ`
 * `at+jwt` (RFC 9068) or `JWT`. Verified tokens are cached until they expire.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  checkOptions(options);
  const clockTolerance = options.clockTolerance ?? 5;
  const now = options.now ?? Date.now;
  const getKey = createKeyResolver(options);
  const cache = new TokenCache<Principal>(options.cacheSize ?? 10_000);
  const claims = teamClaimNames(options.claimsNamespace);

  return async function verify(token: string): Promise<Principal> {
    const cached = cache.get(token, now() - clockTolerance * 1000);
    if (cached) return cached;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...options.algorithms],
        clockTolerance,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(now()),
      });
      if (!ACCEPTED_TYPES.has((protectedHeader.typ ?? '').toLowerCase())) {
        throw new InvalidTokenError(`unexpected token type "${protectedHeader.typ ?? ''}"`);
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new InvalidTokenError('sub claim is empty');
      }
      const principal = toPrincipal(
        { ...payload, sub: payload.sub, exp: payload.exp as number },
        claims,
      );
      cache.set(token, principal, principal.expiresAt.getTime());
      return principal;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidTokenError(reason, { cause: error });
    }
  };
}
