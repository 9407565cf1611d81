import { InvalidTokenError } from './errors';

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Extracts the bearer token from the `Authorization` header, the only place this API accepts it
 * (RFC 6750 §2.1). Answers null when there is no header; a header that is present but is not a
 * well-formed bearer credential is an invalid token.
 */
export function getBearerToken(authorization: string | undefined | null): string | null {
  if (authorization === undefined || authorization === null || authorization === '') return null;
  const match = BEARER.exec(authorization);
  if (!match) throw new InvalidTokenError('Authorization header is not a Bearer credential');
  return match[1];
}
