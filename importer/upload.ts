import type { ImportRow, LocalRejection } from './csv';

const UPLOAD = `mutation Upload($entries: [UploadTimesheetInput!]!) {
  uploadTimesheets(entries: $entries) {
    results { index status field reason }
  }
}`;

export interface UploadOptions {
  apiUrl: string;
  /** Gets a token; called again (fresh) once after a 401. */
  getToken: (fresh: boolean) => Promise<string>;
  batchSize?: number;
  /** How many times a batch is sent at most when the network or the server fails. */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time. */
  retryDelayMs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  created: number;
  unchanged: number;
  rejected: LocalRejection[];
}

interface UploadResponse {
  data?: {
    uploadTimesheets: {
      results: { index: number; status: string; field: string | null; reason: string | null }[];
    };
  } | null;
  errors?: { message: string }[];
}

/** The batch could not be delivered; retrying may help. */
class TransientError extends Error {}

/** The API refused the batch as a whole (not one entry); retrying will not help. */
export class BatchRefusedError extends Error {}

async function post(options: UploadOptions, token: string, rows: ImportRow[]): Promise<Response> {
  try {
    return await fetch(options.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: UPLOAD, variables: { entries: rows.map((r) => r.entry) } }),
    });
  } catch (error) {
    throw new TransientError(`the API did not answer (${(error as Error).message})`);
  }
}

async function sendOnce(
  options: UploadOptions,
  rows: ImportRow[],
  fresh: boolean,
): Promise<UploadResponse> {
  const response = await post(options, await options.getToken(fresh), rows);
  if (response.status === 401 && !fresh) return sendOnce(options, rows, true);
  if (response.status >= 500 || response.status === 429) {
    throw new TransientError(`the API answered HTTP ${response.status}`);
  }
  const body = (await response.json().catch(() => null)) as UploadResponse | null;
  if (!body?.data?.uploadTimesheets) {
    const message = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
    throw new BatchRefusedError(`the API refused the batch: ${message}`);
  }
  return body;
}

async function sendWithRetries(options: UploadOptions, rows: ImportRow[]): Promise<UploadResponse> {
  const attempts = options.attempts ?? 5;
  let delay = options.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(options, rows, false);
    } catch (error) {
      // Safe to resend: the API skips entries whose externalId it already stored.
      if (!(error instanceof TransientError) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}

/**
 * Pushes rows through `uploadTimesheets` in batches. A batch that fails in transit is sent again
 * (idempotent by externalId, so nothing is created twice); the answer for every entry is kept with
 * its line number.
 */
export async function uploadRows(
  rows: ImportRow[],
  options: UploadOptions,
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 200;
  const summary: ImportSummary = { created: 0, unchanged: 0, rejected: [] };
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const body = await sendWithRetries(options, batch);
    for (const result of body.data?.uploadTimesheets.results ?? []) {
      const row = batch[result.index];
      if (result.status === 'CREATED') summary.created += 1;
      else if (result.status === 'UNCHANGED') summary.unchanged += 1;
      else {
        const reason = result.reason ?? 'rejected';
        summary.rejected.push({ line: row.line, externalId: row.entry.externalId, reason });
      }
    }
    options.onProgress?.(Math.min(start + batchSize, rows.length), rows.length);
  }
  return summary;
}
