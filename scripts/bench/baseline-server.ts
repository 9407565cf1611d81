import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { InvalidTokenError } from '../../server/auth/errors';
import { getBearerToken } from '../../server/auth/get-token';
import { sourceOf, type Principal } from '../../server/auth/principal';
import { createVerifier, type VerifierOptions } from '../../server/auth/verifier';
import type { OpenDatabase } from '../../server/db/database';
import { HttpError, readBody } from '../../server/http/read-body';
import { createPersonService } from '../../server/people/person.service';
import type { CreateTimesheetInput, Timesheet } from '../../server/timesheets/timesheet';
import { createTimesheetService } from '../../server/timesheets/timesheet.service';
import { CREATE_SCOPE, FLOOR_DATA, NODE_FIELDS, PAGE_SIZE, READ_SCOPE } from './workload';

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

interface Body {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The entry with the selected fields, in the order the document selects them. */
function selectNode(entry: Timesheet): Partial<Timesheet> {
  const node: Record<string, unknown> = {};
  for (const field of NODE_FIELDS) node[field] = entry[field];
  return node;
}

function requireScope(principal: Principal, scope: string): void {
  if (principal.kind !== 'USER' || !principal.scopes.has(scope)) {
    throw new Refusal(403, 'insufficient scope');
  }
}

/**
 * The baseline the API is measured against: plain node:http answering the bench's three
 * operations (told apart by operationName, no GraphQL; the floor's `{ __typename }` is the one
 * sent without) with the same work and nothing else: bearer header, the API's verifier (jose,
 * same cache), the people directory learning from the token, the API's services (same SQL: the
 * page and its totals, or the checked insert; none for the floor), and the same JSON as the
 * GraphQL response.
 */
export function createBaselineServer(auth: VerifierOptions, database: OpenDatabase): Server {
  const verify = createVerifier({ ...auth });
  const timesheets = createTimesheetService(database.db);
  const people = createPersonService(database.db);

  async function page(principal: Principal, variables: Record<string, unknown>) {
    requireScope(principal, READ_SCOPE);
    const first = typeof variables.first === 'number' ? variables.first : PAGE_SIZE;
    const after = typeof variables.after === 'string' ? variables.after : null;
    const result = await timesheets.listOwn(principal.sub, { first, after });
    const edges = result.edges.map(({ cursor, node }) => ({ cursor, node: selectNode(node) }));
    const { count } = await result.totals();
    return { timesheets: { edges, pageInfo: result.pageInfo, totalCount: count } };
  }

  async function create(principal: Principal, variables: Record<string, unknown>) {
    requireScope(principal, CREATE_SCOPE);
    const input = variables.input as CreateTimesheetInput;
    const writer = { userId: principal.sub, source: sourceOf(principal) };
    return { createTimesheet: selectNode(await timesheets.create(writer, input)) };
  }

  async function answer(req: IncomingMessage): Promise<string> {
    if (req.method !== 'POST' || req.url !== '/graphql') throw new Refusal(404, 'not found');
    const token = getBearerToken(req.headers.authorization);
    if (token === null) throw new Refusal(401, 'no token');
    const principal = await verify(token);
    if (principal.kind === 'USER') await people.learnFromToken(principal);
    const body = ((await readBody(req, MAX_BODY_BYTES)) ?? {}) as Body;
    const variables = body.variables ?? {};
    const data = await operation(body.operationName, principal, variables);
    return `${JSON.stringify({ data })}\n`;
  }

  function operation(
    name: string | undefined,
    principal: Principal,
    variables: Record<string, unknown>,
  ): Promise<object> {
    if (name === 'Page') return page(principal, variables);
    if (name === 'Create') return create(principal, variables);
    if (name === undefined) return Promise.resolve(FLOOR_DATA);
    throw new Refusal(400, `unknown operation ${name}`);
  }

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  };

  const statusOf = (error: unknown) =>
    error instanceof Refusal || error instanceof HttpError
      ? error.status
      : error instanceof InvalidTokenError
        ? 401
        : error instanceof GraphQLError
          ? 400
          : 500;

  const server = createServer((req, res) => {
    answer(req).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : 'failed';
        send(res, statusOf(error), JSON.stringify({ errors: [{ message }] }));
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
