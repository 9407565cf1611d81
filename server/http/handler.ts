import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import cors from 'cors';
import type { Logger } from 'pino';
import type { Context } from '../context';
import {
  admitBody,
  admitSearch,
  type DocumentsMode,
  type TrustedDocuments,
} from '../graphql/trusted-documents';
import { HttpError, readBody } from './read-body';

export interface HandlerOptions {
  apollo: ApolloServer<Context>;
  /** Builds the context of one GraphQL request; may throw an auth error to refuse it whole. */
  context: (req: IncomingMessage, requestId: string) => Promise<Context>;
  ready: () => Promise<boolean>;
  /** True once shutdown began: responses then ask clients to close their connection. */
  draining: () => boolean;
  corsOrigins: readonly string[];
  maxBodyBytes: number;
  /** Which documents may run; see trusted-documents.ts. */
  documents: { mode: DocumentsMode; trusted: TrustedDocuments };
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function handleGraphQL(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  options: HandlerOptions,
): Promise<void> {
  const { mode, trusted } = options.documents;
  const method = (req.method ?? 'GET').toUpperCase();
  const target = req.url ?? '/';
  const query = target.indexOf('?');
  const search = query === -1 ? '' : target.slice(query);
  const body = await readBody(req, options.maxBodyBytes);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method,
      headers: toHeaderMap(req),
      search: method === 'GET' ? admitSearch(search, mode, trusted) : search,
      body: method === 'GET' ? body : admitBody(body, mode, trusted),
    },
    context: () => options.context(req, requestId),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * The API's HTTP handler: `/graphql` (CORS allowlist, body limit, Apollo), `/healthz` (the
 * process answers) and `/readyz` (the database answers). Every response carries `x-request-id`;
 * one log line per request, never with a header or a query string (tokens stay out of logs).
 */
export function createHandler(options: HandlerOptions) {
  const corsMiddleware = cors({
    origin: [...options.corsOrigins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'],
    exposedHeaders: ['www-authenticate', 'x-request-id'],
    maxAge: 600,
  });

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const ready = await options.ready();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable' });
    }
    if (path !== '/graphql') return sendJson(res, 404, { error: 'Not found' });
    await new Promise<void>((resolve) => corsMiddleware(req, res, () => resolve()));
    if (req.method === 'OPTIONS') return;
    await handleGraphQL(req, res, requestId, options);
  }

  function fail(res: ServerResponse, requestId: string, error: unknown): void {
    if (error instanceof HttpError) {
      res.setHeader('connection', 'close');
      return sendJson(res, error.status, {
        errors: [{ message: error.message, extensions: { code: error.code } }],
      });
    }
    options.logger.error({ err: error, reqId: requestId }, 'request failed');
    if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
    else res.destroy();
  }

  function logWhenFinished(req: IncomingMessage, res: ServerResponse, requestId: string): void {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = (req.url ?? '/').split('?')[0];
      const entry = { reqId: requestId, method: req.method, path, status: res.statusCode, ms };
      options.logger.info(entry, 'request');
    });
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    if (options.draining()) res.setHeader('connection', 'close');
    if (options.logger.isLevelEnabled('info')) logWhenFinished(req, res, requestId);
    route(req, res, requestId).catch((error: unknown) => fail(res, requestId, error));
  };
}
