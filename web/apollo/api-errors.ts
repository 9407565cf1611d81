import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { API_ERROR_CODES } from '../../core/api';

/** An API failure sorted by what the person can do about it. */
export type ApiProblem =
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'forbidden'; message: string; scope: string | null }
  | { kind: 'badInput'; message: string; field: string | null }
  | { kind: 'notFound'; message: string }
  | {
      kind: 'conflict';
      message: string;
      currentVersion: number | null;
      /** The week's status that forbids the change (`extensions.weekStatus`). */
      weekStatus: string | null;
      /** The close date of the payroll period that forbids it (`extensions.closedThrough`). */
      closedThrough: string | null;
    }
  | { kind: 'network'; message: string }
  | { kind: 'unknown'; message: string };

interface FormattedError {
  message: string;
  extensions?: Record<string, unknown>;
}

function errorsOf(error: unknown): readonly FormattedError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    // A non-2xx answer sent as application/json still carries the GraphQL errors in its body.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: FormattedError[] };
      return Array.isArray(body.errors) ? body.errors : [];
    } catch {
      return [];
    }
  }
  return [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Sorts an Apollo Client error by the API's stable `extensions` (`code`: UNAUTHENTICATED,
 * FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT; `scope`, `field`, `currentVersion`,
 * `weekStatus`, `closedThrough`), the HTTP
 * status, or a failure to reach the API at all. Messages are for people and never parsed.
 */
export function describeApiError(error: unknown): ApiProblem {
  const [first] = errorsOf(error);
  const extensions = first?.extensions ?? {};
  const code = extensions.code;
  const message = first?.message ?? (error instanceof Error ? error.message : String(error));
  const status = ServerError.is(error) ? error.statusCode : null;
  if (code === API_ERROR_CODES.unauthenticated || status === 401)
    return { kind: 'unauthenticated', message };
  if (code === API_ERROR_CODES.forbidden || status === 403) {
    return { kind: 'forbidden', message, scope: stringOrNull(extensions.scope) };
  }
  if (code === API_ERROR_CODES.badUserInput) {
    return { kind: 'badInput', message, field: stringOrNull(extensions.field) };
  }
  if (code === API_ERROR_CODES.notFound) return { kind: 'notFound', message };
  if (code === API_ERROR_CODES.conflict) {
    const version = extensions.currentVersion;
    return {
      kind: 'conflict',
      message,
      currentVersion: typeof version === 'number' && Number.isInteger(version) ? version : null,
      weekStatus: stringOrNull(extensions.weekStatus),
      closedThrough: stringOrNull(extensions.closedThrough),
    };
  }
  if (first === undefined && (status === null || status >= 500)) {
    return { kind: 'network', message };
  }
  return { kind: 'unknown', message };
}
