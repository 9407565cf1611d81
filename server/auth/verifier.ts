import { jwtVerify } from 'jose';
import { teamClaimNames } from '../../core/claims';
import { InvalidTokenError } from './errors';
import { createJwksCache, type JwksCacheOptions } from './jwks-cache';
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
  /**
   * Minimum time between a JWKS fetch and a refetch caused by an unknown `kid`, and between a
   * failed background refresh and the next one, in ms (default 30 seconds).
   */
  jwksCooldownMs?: number;
  /**
   * Age after which the JWKS is refreshed in the background, in ms (default 10 minutes, or half
   * of `jwksMaxStaleMs` if that is shorter).
   */
  jwksMaxAgeMs?: number;
  /**
   * Age after which a JWKS without a successful refresh is no longer used: tokens are refused
   * until the issuer answers again. In ms (default 24 hours).
   */
  jwksMaxStaleMs?: number;
  /** How long one JWKS fetch may take, in ms (default 5 seconds). */
  jwksTimeoutMs?: number;
  /** The namespace of the team claims (see core/claims.ts). */
  claimsNamespace?: string;
  /**
   * Told once per verified token whose team claims are present but unusable (see
   * Principal.claimProblems), to log and count them; such claims never widen reach.
   */
  onClaimProblems?: (problems: readonly string[], sub: string) => void;
  /** The clock, for tests. */
  now?: () => number;
}

/** Verifies one access token into the Principal it describes. Throws InvalidTokenError. */
export type Verifier = (token: string) => Promise<Principal>;

const ACCEPTED_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);
const DEFAULT_JWKS_MAX_AGE_MS = 600_000;
const DEFAULT_JWKS_MAX_STALE_MS = 86_400_000;

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

/** The JWKS settings with their defaults; a setting out of range throws, naming it. */
function jwksSettings(options: VerifierOptions, now: () => number): JwksCacheOptions {
  for (const name of [
    'jwksCooldownMs',
    'jwksMaxAgeMs',
    'jwksMaxStaleMs',
    'jwksTimeoutMs',
  ] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new TypeError(`verifier: ${name} must be a whole number of ms >= 0 (got ${value})`);
    }
  }
  const maxStaleMs = options.jwksMaxStaleMs ?? DEFAULT_JWKS_MAX_STALE_MS;
  const maxAgeMs = options.jwksMaxAgeMs ?? Math.min(DEFAULT_JWKS_MAX_AGE_MS, maxStaleMs / 2);
  if (maxStaleMs < maxAgeMs) {
    throw new TypeError(
      `verifier: jwksMaxStaleMs (${maxStaleMs}) must be at least jwksMaxAgeMs (${maxAgeMs})`,
    );
  }
  return {
    jwksUri: options.jwksUri,
    maxAgeMs,
    maxStaleMs,
    cooldownMs: options.jwksCooldownMs ?? 30_000,
    timeoutMs: options.jwksTimeoutMs ?? 5_000,
    now,
  };
}

/**
 * Creates the access-token verifier: signature against the issuer's JWKS, algorithm allowlist,
 * `iss`, `aud`, `exp`, `nbf` (with a small clock tolerance), `sub` present, and header `typ`
 * `at+jwt` (RFC 9068) or `JWT`. Keys come from the issuer's JWKS (see createJwksCache). Verified
 * tokens are cached until they expire, or until their key set is too old to use.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  checkOptions(options);
  const clockTolerance = options.clockTolerance ?? 5;
  const now = options.now ?? Date.now;
  const jwks = createJwksCache(jwksSettings(options, now));
  const cache = new TokenCache<Principal>(options.cacheSize ?? 10_000);
  const verifying = new Map<string, Promise<Principal>>();
  const claims = teamClaimNames(options.claimsNamespace);

  async function verifyUncached(token: string): Promise<Principal> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, jwks.getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...options.algorithms],
        clockTolerance,
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(now()),
      });
      if (!ACCEPTED_TYPES.has((protectedHeader.typ ?? '').toLowerCase())) {
        throw new InvalidTokenError(`unexpected token type "${protectedHeader.typ ?? ''}"`, {
          failure: 'type',
        });
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new InvalidTokenError('sub claim is empty', { failure: 'claim_sub' });
      }
      const principal = toPrincipal(
        { ...payload, sub: payload.sub, exp: payload.exp as number },
        claims,
      );
      if (principal.claimProblems.length > 0) {
        options.onClaimProblems?.(principal.claimProblems, principal.sub);
      }
      // Remembered no longer than the key set that verified it may be used (the cache reads
      // with the clock tolerance, which does not apply to the key set's age).
      const keysUsableUntil = jwks.usableUntil() - clockTolerance * 1000;
      cache.set(token, principal, Math.min(principal.expiresAt.getTime(), keysUsableUntil));
      return principal;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidTokenError(reason, { cause: error });
    }
  }

  return function verify(token: string): Promise<Principal> {
    const cached = cache.get(token, now() - clockTolerance * 1000);
    if (cached) return Promise.resolve(cached);
    // One verification per token at a time: the requests that bring a token while it is being
    // verified wait for that verification instead of starting their own.
    let pending = verifying.get(token);
    if (!pending) {
      pending = verifyUncached(token).finally(() => verifying.delete(token));
      verifying.set(token, pending);
    }
    return pending;
  };
}
