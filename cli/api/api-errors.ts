import { API_ERROR_CODES } from '../../core/api';
import { CliError, ConflictError, EXIT, InputError, type ConflictDetails } from '../errors';

/** A GraphQL error as the API sends it: `extensions` is the contract, the message is for people. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: {
    code?: unknown;
    field?: unknown;
    scope?: unknown;
    tokenKind?: unknown;
    currentVersion?: unknown;
    weekStatus?: unknown;
    closedThrough?: unknown;
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const integer = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** The CONFLICT's details; a field that does not hold what the contract says is left out. */
function conflictDetails(extensions: GraphQLErrorBody['extensions']): ConflictDetails {
  return {
    currentVersion: integer(extensions?.currentVersion),
    weekStatus: text(extensions?.weekStatus),
    closedThrough: text(extensions?.closedThrough),
  };
}

/** What a CONFLICT means, from its details, for any command. */
function conflictMessage(operation: string, message: string, details: ConflictDetails): string {
  if (details.closedThrough !== undefined) {
    const closed = `The payroll period is closed through ${details.closedThrough}`;
    return `${closed}: nothing on or before it can change (${operation})`;
  }
  if (details.weekStatus === 'APPROVED') {
    return `The week is approved, so it is frozen: nothing in it can change (${operation})`;
  }
  if (details.currentVersion !== undefined) {
    const now = `now version ${details.currentVersion}`;
    return `It changed in the meantime (${now}): read it again and retry (${operation})`;
  }
  return `The API refused ${operation} (CONFLICT): ${message}`;
}

/** Codes meaning the API does not hold this client's documents (trusted documents, APQ). */
const UNKNOWN_DOCUMENT_CODES = new Set<unknown>([
  API_ERROR_CODES.persistedQueryNotFound,
  API_ERROR_CODES.unknownDocument,
  API_ERROR_CODES.trustedDocumentRequired,
]);

/**
 * Turns the API's refusal of `operation` into the error the person reads, chosen by
 * `extensions.code` (and `field` / `scope`), never by the message text.
 */
export function toCliError(operation: string, error: GraphQLErrorBody | undefined): CliError {
  const code = text(error?.extensions?.code);
  const message = error?.message ?? 'no error given';
  if (code === API_ERROR_CODES.badUserInput) {
    const field = text(error?.extensions?.field);
    return new InputError(`The API refused the entry: ${message}`, field, message);
  }
  if (code === API_ERROR_CODES.conflict) {
    const details = conflictDetails(error?.extensions);
    return new ConflictError(conflictMessage(operation, message, details), details);
  }
  if (code === API_ERROR_CODES.forbidden) {
    const scope = text(error?.extensions?.scope);
    const why = scope ? `your account lacks the permission ${scope}` : message;
    return new CliError(`Not allowed: ${why}`, EXIT.failed);
  }
  if (code !== undefined && UNKNOWN_DOCUMENT_CODES.has(code)) {
    return new CliError(
      `The API does not know this version of the terminal client (${operation}, ${code}): ` +
        'its trusted documents must include cli/gql/persisted-documents.json',
      EXIT.failed,
    );
  }
  if (code === API_ERROR_CODES.rateLimited) {
    return new CliError('The API is busy with your requests: try again in a minute', EXIT.failed);
  }
  return new CliError(
    `The API refused ${operation} (${code ?? 'no code'}): ${message}`,
    EXIT.failed,
  );
}
