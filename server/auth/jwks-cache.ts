import {
  createLocalJWKSet,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

export interface JwksCacheOptions {
  jwksUri: string;
  /** Age after which a key set is refreshed in the background, in ms. */
  maxAgeMs: number;
  /** Age after which a key set is no longer used at all (fail closed), in ms. */
  maxStaleMs: number;
  /** Minimum time between a fetch and a refetch caused by an unknown `kid`, or a retry after a
   * failed refresh, in ms. */
  cooldownMs: number;
  /** How long one fetch may take, in ms. */
  timeoutMs: number;
  now: () => number;
}

/** The issuer's keys as a jose key resolver, and until when tokens they verify may be trusted. */
export interface JwksCache {
  getKey: JWTVerifyGetKey;
  /** When the key set at hand becomes too old to use (ms since the epoch); -Infinity if none. */
  usableUntil: () => number;
}

interface KeySet {
  getKey: JWTVerifyGetKey;
  fetchedAt: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function requestKeySet(uri: string, timeoutMs: number): Promise<JWTVerifyGetKey> {
  const response = await fetch(uri, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'manual',
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  // createLocalJWKSet checks the shape and throws JWKSInvalid on anything else.
  return createLocalJWKSet((await response.json()) as JSONWebKeySet);
}

/** The issuer's keys could not be had (or only stale ones); `code` names it for metrics. */
export class KeySetUnavailableError extends Error {
  readonly code = 'ERR_KEY_SET_UNAVAILABLE';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'KeySetUnavailableError';
  }
}

/** Fetches the key set; every failure (status, timeout, network, shape) says "JWKS unavailable". */
async function downloadKeySet(uri: string, timeoutMs: number): Promise<JWTVerifyGetKey> {
  try {
    return await requestKeySet(uri, timeoutMs);
  } catch (cause) {
    throw new KeySetUnavailableError(`JWKS unavailable: ${messageOf(cause)}`, { cause });
  }
}

/**
 * The issuer's JWKS, refreshed with stale-while-revalidate (RFC 5861 §3 applied to a key set):
 * - no usable key set (none yet, or older than `maxStaleMs`): the request waits for a fetch, and
 *   if that fails the token is refused; keys older than `maxStaleMs` are never used;
 * - older than `maxAgeMs`: the request verifies with the keys at hand while a refresh runs in the
 *   background (after a failed refresh, the next one waits `cooldownMs`);
 * - an unknown `kid` (key rotation) waits for a refetch, at most once per `cooldownMs`.
 * One fetch at a time. Only `kid` and `alg` pick a key: key material or URLs in a token's header
 * (`jwk`, `jku`, `x5u`, `x5c`) are never used.
 */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  const { now } = options;
  let current: KeySet | undefined;
  let pending: Promise<KeySet> | undefined;
  let lastFetchAt = -Infinity;
  let retryAt = -Infinity;

  const fetchKeySet = (): Promise<KeySet> => {
    pending ??= (async () => {
      const startedAt = (lastFetchAt = now());
      try {
        current = {
          getKey: await downloadKeySet(options.jwksUri, options.timeoutMs),
          fetchedAt: startedAt,
        };
        return current;
      } catch (error) {
        retryAt = now() + options.cooldownMs;
        throw error;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  const usableKeySet = (): KeySet | Promise<KeySet> => {
    if (!current) return fetchKeySet();
    const age = now() - current.fetchedAt;
    if (age >= options.maxStaleMs) {
      return fetchKeySet().catch((cause: unknown) => {
        throw new KeySetUnavailableError(
          `key set older than the maximum stale age; ${messageOf(cause)}`,
          { cause },
        );
      });
    }
    if (age >= options.maxAgeMs && !pending && now() >= retryAt) {
      // Failures are remembered in retryAt; the request goes on with the keys at hand.
      fetchKeySet().catch(() => undefined);
    }
    return current;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const keySet = await usableKeySet();
    try {
      return await keySet.getKey(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
      if (!pending && now() - lastFetchAt < options.cooldownMs) throw error;
      return (await fetchKeySet()).getKey(header, token);
    }
  };

  return {
    getKey,
    usableUntil: () => (current ? current.fetchedAt + options.maxStaleMs : -Infinity),
  };
}
