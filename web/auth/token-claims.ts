import { parseScopes } from '../../core';

/** What the app reads from an access token for display. The API verifies it; the app never trusts it for security. */
export interface AccessTokenClaims {
  sub: string | null;
  scopes: Set<string>;
  /** Expiry in milliseconds since the epoch, or null when the token has no `exp`. */
  expiresAt: number | null;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads the payload of a JWT access token (RFC 9068) without verifying it: the scopes decide which
 * actions the UI offers, while the API enforces them. Opaque tokens give empty claims.
 */
export function readAccessTokenClaims(token: string): AccessTokenClaims {
  try {
    const payload = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as Record<
      string,
      unknown
    >;
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : null,
      scopes: parseScopes(payload.scope),
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
    };
  } catch {
    return { sub: null, scopes: new Set(), expiresAt: null };
  }
}
