import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Session } from '../auth/session';
import { CliError, EXIT } from '../errors';
import { toCliError, type GraphQLErrorBody } from './api-errors';
import { persistedRequest, type PersistedRequest } from '../../core/persisted-request';

/** Runs the client's generated documents against the API. */
export interface ApiClient {
  execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult>;
}

export interface ApiClientOptions {
  apiUrl: string;
  session: Session;
  /** How many times a request is sent when the network or the server fails (default 3). */
  attempts?: number;
  /** Milliseconds before the first resend; doubles each time. */
  retryDelayMs?: number;
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
}

/** Failed in transit (no answer, 5xx, 429): sending the same request again may help. */
class TransientError extends Error {}

async function post(options: ApiClientOptions, token: string, body: string): Promise<Response> {
  try {
    return await fetch(options.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    throw new TransientError(
      `Cannot reach the API at ${options.apiUrl}${reason && ` (${reason})`}`,
    );
  }
}

/** One request; a 401 gets a fresh access token once (RFC 6750 §3.1 invalid_token). */
async function sendOnce(options: ApiClientOptions, request: PersistedRequest, fresh = false) {
  const body = JSON.stringify(request);
  const response = await post(options, await options.session.accessToken(fresh), body);
  if (response.status === 401 && !fresh) return sendOnce(options, request, true);
  if (response.status === 401) {
    throw new CliError(
      'The API refused a freshly refreshed access token: check TIMESHEETS_ISSUER and ' +
        'TIMESHEETS_AUDIENCE against the API',
      EXIT.failed,
    );
  }
  if (response.status >= 500 || response.status === 429) {
    throw new TransientError(`The API answered HTTP ${response.status}`);
  }
  const json = (await response.json().catch(() => null)) as GraphQLResponseBody | null;
  if (!json?.data || (json.errors?.length ?? 0) > 0) {
    throw toCliError(request.operationName, json?.errors?.[0]);
  }
  return json.data;
}

async function sendWithRetries(options: ApiClientOptions, request: PersistedRequest) {
  const attempts = options.attempts ?? 3;
  let delay = options.retryDelayMs ?? 300;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(options, request);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (attempt >= attempts) throw new CliError(error.message, EXIT.failed);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

/**
 * The API over HTTP with trusted documents: each request names its document by hash only.
 * Failures in transit are resent (mutations must carry an idempotency key); refusals become
 * CliErrors chosen by `extensions.code`.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  return {
    execute: async (document, variables) => {
      const data = await sendWithRetries(options, persistedRequest(document, variables));
      return data as never;
    },
  };
}
