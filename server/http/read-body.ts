import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { API_ERROR_CODES, type ApiErrorCode } from '../../core/api';

/** An HTTP-level refusal, answered before GraphQL runs. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ApiErrorCode,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Reads a request body of at most `limit` bytes, parsing JSON bodies. A larger body stops being
 * read at the limit (413); malformed JSON is a 400.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  let text: string;
  try {
    text = await getRawBody(req, { limit, encoding: 'utf8' });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      throw new HttpError(
        413,
        `Request body is larger than ${limit} bytes`,
        API_ERROR_CODES.payloadTooLarge,
      );
    }
    throw new HttpError(400, 'Request body could not be read', API_ERROR_CODES.badRequest);
  }
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().includes('json')) return text;
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON', API_ERROR_CODES.badRequest);
  }
}
