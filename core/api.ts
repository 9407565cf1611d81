/** Facts about the Timesheets API that its clients need too. */

/** The API identifier (OAuth 2.0 audience) of the local tenant, and every client's default. */
export const DEFAULT_API_AUDIENCE = 'https://timesheets.abc-inc.example/api';

/** The largest page of entries the API answers (`first` of `timesheets`, `approvals`). */
export const MAX_PAGE_SIZE = 200;

/** The largest page of person-weeks (`first` of `approvalWeeks`). */
export const MAX_WEEKS_PER_PAGE = 50;
/** How many people one page of `teamWeeks` may hold (a team, or the whole company of ~100). */
export const MAX_TEAM_WEEKS_PAGE = 100;

/**
 * Every `extensions.code` an API error can carry: the closed set clients switch on. Anything else
 * the server meets is answered as INTERNAL_SERVER_ERROR, with no detail. The last four are
 * answered before GraphQL runs, for the body itself.
 */
export const API_ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  badUserInput: 'BAD_USER_INPUT',
  conflict: 'CONFLICT',
  rateLimited: 'RATE_LIMITED',
  /** The request itself is malformed (an unknown operationName, a body that is no request). */
  badRequest: 'BAD_REQUEST',
  /** The document does not parse, or does not validate against the schema. */
  parseFailed: 'GRAPHQL_PARSE_FAILED',
  validationFailed: 'GRAPHQL_VALIDATION_FAILED',
  /** A document sent by hash that the server does not hold (Apollo's automatic persisted queries). */
  persistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  internal: 'INTERNAL_SERVER_ERROR',
  /** Query text sent to an API that runs only trusted documents. */
  trustedDocumentRequired: 'TRUSTED_DOCUMENT_REQUIRED',
  /** A hash of no trusted document. */
  unknownDocument: 'UNKNOWN_DOCUMENT',
  /** A body over MAX_BODY_BYTES (HTTP 413). */
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
} as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];
