import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';

/** The message every token failure answers with, as the scenario prescribes. */
export const INVALID_TOKEN_MESSAGE = 'Missing or invalid token';

function bearerChallenge(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([key, value]) => `${key}="${value}"`);
  return pairs.length > 0 ? `Bearer ${pairs.join(', ')}` : 'Bearer';
}

/**
 * The request carried no bearer token but asked for a protected field (RFC 6750 §3.1: no error
 * code in the challenge). HTTP 401.
 */
export class MissingTokenError extends GraphQLError {
  constructor() {
    super(INVALID_TOKEN_MESSAGE, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: new HeaderMap([['www-authenticate', bearerChallenge({})]]) },
      },
    });
    this.name = 'MissingTokenError';
  }
}

/**
 * The bearer token is malformed, forged, expired or meant for someone else (RFC 6750 §3.1
 * `invalid_token`). HTTP 401. The reason is kept for logs, never sent to the client.
 */
export class InvalidTokenError extends GraphQLError {
  /** Why, as a word of a small closed set for metrics, when the verifier itself decided. */
  readonly failure: string | undefined;

  constructor(
    readonly reason: string,
    options: { cause?: unknown; failure?: string } = {},
  ) {
    super(INVALID_TOKEN_MESSAGE, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code: 'UNAUTHENTICATED',
        http: {
          status: 401,
          headers: new HeaderMap([
            ['www-authenticate', bearerChallenge({ error: 'invalid_token' })],
          ]),
        },
      },
    });
    this.name = 'InvalidTokenError';
    this.failure = options.failure;
  }
}

/** The token is valid but lacks the scope an operation needs (RFC 6750 §3.1 `insufficient_scope`). */
export class InsufficientScopeError extends GraphQLError {
  constructor(readonly scope: string) {
    super(`This operation needs the "${scope}" scope, which the access token does not carry`, {
      extensions: { code: 'FORBIDDEN', scope },
    });
    this.name = 'InsufficientScopeError';
  }
}

/** The `WWW-Authenticate` value for a request refused for lack of these scopes. */
export function insufficientScopeChallenge(scopes: readonly string[]): string {
  return bearerChallenge({ error: 'insufficient_scope', scope: scopes.join(' ') });
}

const KIND_NAMES = {
  USER: "a person's token (an interactive sign-in)",
  CLIENT: "a machine client's token (client credentials)",
} as const;

/**
 * The token is valid but of the wrong kind for the field: a machine client's token for a
 * person's operation, or the other way round. `extensions.tokenKind` names the kind needed.
 */
export class WrongTokenKindError extends GraphQLError {
  constructor(readonly needed: keyof typeof KIND_NAMES) {
    const other = needed === 'USER' ? 'CLIENT' : 'USER';
    super(`This operation needs ${KIND_NAMES[needed]}, not ${KIND_NAMES[other]}`, {
      extensions: { code: 'FORBIDDEN', tokenKind: needed },
    });
    this.name = 'WrongTokenKindError';
  }
}
