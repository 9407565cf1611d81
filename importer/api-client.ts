/**
 * How the importer calls the API: one GraphQL mutation per batch, named by the hash of a document
 * the importer shipped (trusted documents), resent when it fails in transit.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { persistedRequest } from '../core/persisted-request';

export interface ApiCallOptions {
  apiUrl: string;
  /** Gets a token; called again (fresh) once after a 401. */
  getToken: (fresh: boolean) => Promise<string>;
  /** How many times a batch is sent at most when the network or the server fails. */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time. */
  retryDelayMs?: number;
}

/** Items sent per call unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 200;

export interface BatchOptions extends ApiCallOptions {
  batchSize?: number;
  /** Called after each batch with how many items were sent so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** A GraphQL error as the API sends it; `extensions` is the contract, the message is for people. */
export interface ApiError {
  message: string;
  extensions?: { code?: string; field?: string; scope?: string };
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: ApiError[];
}

/** The batch could not be delivered; retrying may help. */
class TransientError extends Error {}

/** The API refused the batch as a whole; retrying will not help. `errors` are the API's own. */
export class BatchRefusedError extends Error {
  constructor(
    message: string,
    readonly errors: readonly ApiError[] = [],
  ) {
    super(message);
    this.name = 'BatchRefusedError';
  }
}

async function post(options: ApiCallOptions, token: string, body: string): Promise<Response> {
  try {
    return await fetch(options.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
  } catch (error) {
    throw new TransientError(`the API did not answer (${(error as Error).message})`);
  }
}

async function sendOnce(
  options: ApiCallOptions,
  body: string,
  field: string,
  fresh: boolean,
): Promise<unknown> {
  const response = await post(options, await options.getToken(fresh), body);
  if (response.status === 401 && !fresh) return sendOnce(options, body, field, true);
  if (response.status >= 500 || response.status === 429) {
    throw new TransientError(`the API answered HTTP ${response.status}`);
  }
  const json = (await response.json().catch(() => null)) as GraphQLResponse | null;
  const result = json?.data?.[field];
  if (result === undefined || result === null) {
    const errors = json?.errors ?? [];
    const message =
      errors.length > 0 ? errors.map((e) => e.message).join('; ') : `HTTP ${response.status}`;
    throw new BatchRefusedError(`the API refused the batch: ${message}`, errors);
  }
  return result;
}

/**
 * Sends one generated mutation by its hash (never its text) and returns its root `field`. A
 * failure in transit (no answer, HTTP 5xx or 429) is retried with exponential back-off, so the
 * mutation must be idempotent; a 401 gets a fresh token once. Any other refusal throws a
 * BatchRefusedError carrying the API's errors.
 */
export async function sendMutation<TResult, TVariables, TField extends keyof TResult & string>(
  options: ApiCallOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  field: TField,
): Promise<NonNullable<TResult[TField]>> {
  const body = JSON.stringify(persistedRequest(document, variables));
  const attempts = options.attempts ?? 5;
  let delay = options.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await sendOnce(options, body, field, false)) as NonNullable<TResult[TField]>;
    } catch (error) {
      if (!(error instanceof TransientError) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

/** Hands `items` to `send` in batches of `options.batchSize`, one after the other, reporting progress. */
export async function sendInBatches<T>(
  items: readonly T[],
  options: BatchOptions,
  send: (batch: T[], start: number) => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  for (let start = 0; start < items.length; start += batchSize) {
    await send(items.slice(start, start + batchSize), start);
    options.onProgress?.(Math.min(start + batchSize, items.length), items.length);
  }
}

/** A line of the file, in a batch: its line number and how a person names what it holds. */
export interface BatchLine {
  line: number;
  label: string;
}

/**
 * Names the line behind a refusal of a batch: the API points at an item with `extensions.field`,
 * such as `people[3].email`, an index into the list `list` of the batch. `stored` says what
 * earlier batches stored (the API is all or nothing per call, not per file).
 */
export function refusalOfBatch(
  error: BatchRefusedError,
  list: string,
  batch: readonly BatchLine[],
  stored: string | null,
): BatchRefusedError {
  const first = error.errors[0];
  const index = new RegExp(`^${list}\\[(\\d+)\\]`).exec(first?.extensions?.field ?? '')?.[1];
  const row = index === undefined ? undefined : batch[Number(index)];
  const earlier = stored === null ? '' : `; ${stored}`;
  if (!first || !row) return new BatchRefusedError(`${error.message}${earlier}`, error.errors);
  return new BatchRefusedError(
    `the API refused line ${row.line} (${row.label}): ${first.message}${earlier}`,
    error.errors,
  );
}
