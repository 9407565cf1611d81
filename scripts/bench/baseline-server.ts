import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InvalidTokenError } from '../../server/auth/errors';
import { getBearerToken } from '../../server/auth/get-token';
import { HttpError, readBody } from '../../server/http/read-body';
import { createVerifier, type VerifierOptions } from '../../server/auth/verifier';
import type { OpenDatabase } from '../../server/db/database';
import { decodeCursor, encodeCursor } from '../../server/timesheets/cursor';
import { findTimesheetPage } from '../../server/timesheets/timesheet.repository';
import { toTimesheet } from '../../server/timesheets/timesheet-rows';
import type { Timesheet } from '../../server/timesheets/timesheet';
import { NODE_FIELDS, PAGE_SIZE, READ_SCOPE } from './workload';

const MAX_BODY_BYTES = 1_048_576;

/** Refuses a request with a status and a GraphQL-shaped error body. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function selectNode(entry: Timesheet): Partial<Timesheet> {
  const node: Record<string, unknown> = {};
  for (const field of NODE_FIELDS) node[field] = entry[field];
  return node;
}

/**
 * The baseline the API is measured against: plain node:http answering the same page request with
 * the same work and nothing else: bearer header, the API's verifier (jose, same cache), the API's
 * repository query, cursors and row mapping, and the same JSON as the GraphQL response.
 */
export function createBaselineServer(auth: VerifierOptions, database: OpenDatabase): Server {
  const verify = createVerifier(auth);

  async function answer(req: IncomingMessage): Promise<string> {
    if (req.method !== 'POST' || req.url !== '/graphql') throw new Refusal(404, 'not found');
    const token = getBearerToken(req.headers.authorization);
    if (token === null) throw new Refusal(401, 'no token');
    const principal = await verify(token);
    if (!principal.scopes.has(READ_SCOPE)) throw new Refusal(403, 'insufficient scope');
    const body = (await readBody(req, MAX_BODY_BYTES)) as { variables?: Record<string, unknown> };
    const variables = body?.variables ?? {};
    const first = typeof variables.first === 'number' ? variables.first : PAGE_SIZE;
    const after = typeof variables.after === 'string' ? decodeCursor(variables.after) : null;
    const rows = await findTimesheetPage(database.db, { userId: principal.sub }, after, first + 1);
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor(row),
      node: selectNode(toTimesheet(row)),
    }));
    const pageInfo = { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null };
    return `${JSON.stringify({ data: { timesheets: { edges, pageInfo } } })}\n`;
  }

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  };

  const server = createServer((req, res) => {
    answer(req).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        const status =
          error instanceof Refusal || error instanceof HttpError
            ? error.status
            : error instanceof InvalidTokenError
              ? 401
              : 500;
        const message = error instanceof Error ? error.message : 'failed';
        send(res, status, JSON.stringify({ errors: [{ message }] }));
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
