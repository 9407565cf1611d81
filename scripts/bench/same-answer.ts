import { deepStrictEqual } from 'node:assert/strict';
import type { ServerChild } from './server-child';
import {
  BENCH_DOCUMENTS,
  CREATE_DOCUMENT,
  FLOOR_DATA,
  FLOOR_DOCUMENT,
  PAGE_DOCUMENT,
  PAGE_SIZE,
  operationBody,
  registrationBody,
  type BenchDocument,
  type EntryInput,
} from './workload';

/** How the sides' answers compared with the API's. */
export interface SameAnswer {
  pages: number;
  writes: number;
  /** Answers to the floor's `{ __typename }`. */
  floors: number;
  /** Per side: byte-identical to the API's answers (see {@link comparable}). */
  byteIdentical: Record<string, boolean>;
}

async function post(url: string, token: string, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function ask(
  side: ServerChild,
  token: string,
  doc: BenchDocument,
  variables?: Record<string, unknown>,
) {
  const { status, text } = await post(
    side.url,
    token,
    operationBody(side.protocol, doc, variables),
  );
  if (status !== 200 || text.includes('"errors":[')) {
    throw new Error(`${side.kind} answered ${status} to ${doc.name}: ${text.slice(0, 300)}`);
  }
  return text;
}

/**
 * Apollo and the baseline end a response with a newline, Fastify does not: the one byte is not
 * part of the JSON compared. A new entry's id and instants differ by nature, so they are masked.
 */
const comparable = (text: string) =>
  text
    .replace(/\n$/, '')
    .replace(/"(id|createdAt|updatedAt)":"[^"]*"/g, (_, field: string) => `"${field}":"…"`);

function compare(api: string, other: string, side: ServerChild): boolean {
  deepStrictEqual(
    JSON.parse(comparable(other)),
    JSON.parse(comparable(api)),
    `${side.kind} answers other JSON`,
  );
  return comparable(other) === comparable(api);
}

/** How a document is registered: with whose token and variables, and what the answer holds. */
interface Registration {
  token: string;
  variables: Record<string, unknown> | undefined;
  expected: string;
}

/**
 * Registers the bench's documents ({@link BENCH_DOCUMENTS}) with the API the way Apollo clients
 * do (automatic persisted queries): the hash alone is unknown, the hash with the text registers
 * it. The write is registered with an entry the rules refuse (0 hours), so nothing is stored.
 * From then on the API is sent hashes only.
 */
export async function registerDocuments(api: ServerChild, reader: string, writer: string) {
  const refused: EntryInput = {
    date: '2000-01-03',
    project: 'Registration',
    hours: 0,
    notes: null,
    idempotencyKey: 'bench-registration',
  };
  const registrations: Record<BenchDocument['name'], Registration> = {
    Page: { token: reader, variables: { first: PAGE_SIZE }, expected: '"data":{' },
    Create: { token: writer, variables: { input: refused }, expected: 'BAD_USER_INPUT' },
    Floor: { token: reader, variables: undefined, expected: JSON.stringify({ data: FLOOR_DATA }) },
  };
  for (const doc of BENCH_DOCUMENTS) {
    const { token, variables, expected } = registrations[doc.name];
    const unknown = await post(api.url, token, operationBody('hash', doc, variables));
    if (!unknown.text.includes('PERSISTED_QUERY_NOT_FOUND')) {
      throw new Error(`the API knew ${doc.name} before registration: ${unknown.text}`);
    }
    const registered = await post(api.url, token, registrationBody(doc, variables));
    if (!registered.text.includes(expected)) {
      throw new Error(`registering ${doc.name} answered ${registered.text.slice(0, 300)}`);
    }
  }
}

/** The sides' answers to one request, compared with the API's: the bytes still equal so far. */
type Verdicts = Record<string, boolean>;

/** Asks the API and then every other side; throws unless their JSON is deep-equal to the API's. */
async function askAll(
  [api, ...others]: readonly ServerChild[],
  byteIdentical: Verdicts,
  token: string,
  doc: BenchDocument,
  variables?: Record<string, unknown>,
): Promise<string> {
  const fromApi = await ask(api, token, doc, variables);
  for (const side of others) {
    const same = compare(fromApi, await ask(side, token, doc, variables), side);
    byteIdentical[side.kind] &&= same;
  }
  return fromApi;
}

/**
 * Asks every side for the same pages (a first page, and the page after it) and the floor's
 * `{ __typename }` with several users' tokens, and for the same new entry, and throws unless
 * every answer is deep-equal to the API's, full pages without errors. A benchmark that compares
 * different work is worthless.
 */
export async function checkSameAnswer(
  sides: readonly ServerChild[],
  readers: readonly string[],
  writer: string,
  entry: EntryInput,
): Promise<SameAnswer> {
  if (sides.length === 0) throw new Error('no sides to compare');
  const byteIdentical: Verdicts = {};
  for (const side of sides.slice(1)) byteIdentical[side.kind] = true;
  let [pages, floors] = [0, 0];
  for (const token of readers) {
    let variables: Record<string, unknown> = { first: PAGE_SIZE };
    for (let page = 0; page < 2; page++) {
      const fromApi = await askAll(sides, byteIdentical, token, PAGE_DOCUMENT, variables);
      const parsed = JSON.parse(fromApi) as {
        data: { timesheets: { edges: unknown[]; pageInfo: { endCursor: string } } };
      };
      if (parsed.data.timesheets.edges.length !== PAGE_SIZE) {
        throw new Error(`the API did not answer a full page: ${fromApi.slice(0, 300)}`);
      }
      pages += 1;
      variables = { first: PAGE_SIZE, after: parsed.data.timesheets.pageInfo.endCursor };
    }
    await askAll(sides, byteIdentical, token, FLOOR_DOCUMENT);
    floors += 1;
  }
  await askAll(sides, byteIdentical, writer, CREATE_DOCUMENT, { input: entry });
  return { pages, writes: 1, floors, byteIdentical };
}
