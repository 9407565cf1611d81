import { GraphQLError } from 'graphql';
import { API_ERROR_CODES, type ApiErrorCode } from '../core/api';
import { WriteConflictError } from './db/errors';

/**
 * Errors that reach API clients. Each carries a stable `extensions.code` from a closed set and the
 * HTTP status Apollo Server should answer with when the error ends the whole request.
 */
export type ErrorCode = Extract<
  ApiErrorCode,
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT'
>;

interface ClientErrorOptions {
  cause?: unknown;
  extensions?: Record<string, unknown>;
}

abstract class ClientError extends GraphQLError {
  protected constructor(
    message: string,
    code: ErrorCode,
    status: number,
    options: ClientErrorOptions,
  ) {
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: { ...options.extensions, code, http: { status } },
    });
  }
}

/** Input broke a rule; `field` names the input field at fault (see core/timesheet-rules). */
export class BadUserInputError extends ClientError {
  constructor(message: string, field?: string, options: ClientErrorOptions = {}) {
    super(message, 'BAD_USER_INPUT', 400, {
      ...options,
      extensions: { ...options.extensions, ...(field ? { field } : {}) },
    });
    this.name = 'BadUserInputError';
  }
}

/** The thing asked for does not exist, or the caller may not know it exists. */
export class NotFoundError extends ClientError {
  constructor(message: string, options: ClientErrorOptions = {}) {
    super(message, 'NOT_FOUND', 404, options);
    this.name = 'NotFoundError';
  }
}

/** The request is valid but the current state forbids it (an approved entry, a decided entry). */
export class ConflictError extends ClientError {
  constructor(message: string, options: ClientErrorOptions = {}) {
    super(message, API_ERROR_CODES.conflict, 409, options);
    this.name = 'ConflictError';
  }
}

/** The caller is known but may not do this, for a reason other than a missing scope. */
export class ForbiddenError extends ClientError {
  constructor(message: string, options: ClientErrorOptions = {}) {
    super(message, 'FORBIDDEN', 403, options);
    this.name = 'ForbiddenError';
  }
}

/**
 * Maps errors of lower layers that a client can act on to the API's own, keeping where they were
 * raised: a write that kept colliding with concurrent ones (db/) is CONFLICT, try again. Any other
 * error is returned as it is (and masked later if it is not one of ours).
 */
export function toClientError(error: GraphQLError): GraphQLError {
  if (!(error.originalError instanceof WriteConflictError)) return error;
  return new GraphQLError(error.originalError.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError,
    extensions: { code: API_ERROR_CODES.conflict, http: { status: 409 } },
  });
}
