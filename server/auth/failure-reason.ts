import type { InvalidTokenError } from './errors';

const BY_JOSE_CODE: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown_key',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm',
  ERR_JOSE_NOT_SUPPORTED: 'algorithm',
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
  ERR_JWKS_TIMEOUT: 'keys_unavailable',
  ERR_JWKS_INVALID: 'keys_unavailable',
  ERR_KEY_SET_UNAVAILABLE: 'keys_unavailable',
};
const CLAIMS = new Set(['iss', 'aud', 'nbf', 'sub', 'exp', 'iat']);

/**
 * Why a token was refused, as one word of a small closed set (a metrics label): the verifier's
 * own reason stays in logs, never in a label or a response.
 */
export function failureReason(error: InvalidTokenError): string {
  if (error.failure !== undefined) return error.failure;
  const cause = (error.originalError ?? error.cause) as
    { code?: unknown; claim?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = typeof cause?.claim === 'string' ? cause.claim : '';
    return CLAIMS.has(claim) ? `claim_${claim}` : 'claim_other';
  }
  return code === undefined ? 'other' : (BY_JOSE_CODE[code] ?? 'other');
}
