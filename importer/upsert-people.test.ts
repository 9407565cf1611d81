import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchRefusedError, type BatchOptions } from './api-client';
import type { PersonRow } from './people-file';
import manifest from './gql/persisted-documents.json';
import { upsertPeople } from './upsert-people';

/** The hash the importer shipped for its UpsertPeople document (trusted-documents/importer.json). */
const upsertPeopleHash = Object.entries(manifest as Record<string, string>)
  .find(([, text]) => text.startsWith('mutation UpsertPeople('))?.[0]
  .slice('sha256:'.length);

/** What the stand-in API received: the bearer token and the GraphQL body of each request. */
interface Received {
  token: string;
  body: Record<string, unknown>;
  people: { id: string }[];
}

type Answer = (received: Received, count: number) => { status: number; body?: unknown };

let server: Server;
let apiUrl: string;
let received: Received[];
let answer: Answer;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as { variables: { people: { id: string }[] } };
      const entry = {
        token: (req.headers.authorization ?? '').replace(/^Bearer /, ''),
        body,
        people: body.variables.people,
      };
      received.push(entry);
      const { status, body: reply } = answer(entry, received.length);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(reply === undefined ? '' : JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
});

const rows = (n: number): PersonRow[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    person: {
      id: `auth0|p${i}`,
      name: `P ${i}`,
      email: null,
      team: 'ops',
      schedule: i === 0 ? [6, 6, 6, 6, 6, 0, 0] : null,
      employedFrom: i === 0 ? '2026-01-05' : null,
      employedUntil: null,
    },
  }));

const stored = (people: { id: string }[]) => ({
  status: 200,
  body: {
    data: {
      upsertPeople: {
        created: people.length,
        updated: 0,
        unchanged: 0,
        ignoredFields: [],
      },
    },
  },
});

function options(overrides: Partial<BatchOptions> = {}): BatchOptions {
  let issued = 0;
  return {
    apiUrl,
    getToken: (fresh) => Promise.resolve(`token-${fresh ? (issued += 1) : issued}`),
    batchSize: 2,
    retryDelayMs: 1,
    ...overrides,
  };
}

describe('upsertPeople (the importer side)', () => {
  it('sends the people in batches through the upsertPeople mutation and adds up the counts', async () => {
    answer = ({ people }) => stored(people);
    const progress: number[] = [];
    const summary = await upsertPeople(
      rows(5),
      options({ onProgress: (done) => progress.push(done) }),
    );
    expect(summary).toEqual({ created: 5, updated: 0, unchanged: 0, ignoredFields: [] });
    expect(received.map((r) => r.people.map((p) => p.id))).toEqual([
      ['auth0|p0', 'auth0|p1'],
      ['auth0|p2', 'auth0|p3'],
      ['auth0|p4'],
    ]);
    expect(received[0]?.people[0]).toEqual({
      id: 'auth0|p0',
      name: 'P 0',
      email: null,
      team: 'ops',
      schedule: [6, 6, 6, 6, 6, 0, 0],
      employedFrom: '2026-01-05',
      employedUntil: null,
    });
    expect(received[0]?.body).toEqual({
      operationName: 'UpsertPeople',
      variables: { people: rows(2).map((r) => r.person) },
      extensions: { persistedQuery: { version: 1, sha256Hash: upsertPeopleHash } },
    });
    expect(progress).toEqual([2, 4, 5]);
  });

  it('sends a batch again after a failure in transit, and gets a fresh token after a 401', async () => {
    answer = (r, count) => {
      if (count === 1) return { status: 503 };
      if (count === 2) return { status: 401 };
      return stored(r.people);
    };
    const summary = await upsertPeople(rows(1), options());
    expect(summary.created).toBe(1);
    expect(received.map((r) => r.token)).toEqual(['token-0', 'token-0', 'token-1']);
  });

  it('names the file line of the person the API refused, from extensions.field, and what was stored before', async () => {
    answer = ({ people }, count) =>
      count === 1
        ? stored(people)
        : {
            status: 200,
            body: {
              data: null,
              errors: [
                {
                  message: 'people[1].email: email "x@" is not an email address',
                  extensions: { code: 'BAD_USER_INPUT', field: 'people[1].email' },
                },
              ],
            },
          };
    const attempt = upsertPeople(rows(4), options());
    await expect(attempt).rejects.toBeInstanceOf(BatchRefusedError);
    await expect(attempt).rejects.toThrow(
      'the API refused line 5 (auth0|p3): people[1].email: email "x@" is not an email address; ' +
        'the 2 people of earlier batches were stored',
    );
    expect(received).toHaveLength(2);
  });

  it('stops at a refusal that names no person, with the API message and code', async () => {
    answer = () => ({
      status: 200,
      body: {
        data: null,
        errors: [
          {
            message: 'upsertPeople needs a machine token (client credentials)',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      },
    });
    const error = (await upsertPeople(rows(3), options()).catch((e: unknown) => e)) as
      BatchRefusedError | undefined;
    expect(error).toBeInstanceOf(BatchRefusedError);
    expect(error?.message).toBe(
      'the API refused the batch: upsertPeople needs a machine token (client credentials)',
    );
    expect(error?.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(received).toHaveLength(1);
  });
});
