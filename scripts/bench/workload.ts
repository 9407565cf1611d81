/**
 * The operations every side answers, and the request bodies each side receives: the API by hash
 * (as a production client sends a trusted document), the baseline and mercurius as query text.
 */
import { createHash } from 'node:crypto';

/** Every scalar field of `Timesheet`, in the order the responses list them. */
export const NODE_FIELDS = [
  'id',
  'userId',
  'date',
  'project',
  'hours',
  'notes',
  'status',
  'rejectionReason',
  'decidedBy',
  'decidedAt',
  'createdAt',
  'source',
  'version',
  'updatedAt',
] as const;

export const PAGE_SIZE = 50;

/** The scopes the page and the write need (the floor needs none). */
export const READ_SCOPE = 'read:timesheets';
export const CREATE_SCOPE = 'create:timesheets';

/** A GraphQL document the bench sends, with the hex sha256 of its text (its trusted-document id). */
export interface BenchDocument {
  /** What the bench's messages call it. */
  name: 'Page' | 'Create' | 'Floor';
  /** Its operation's name, sent as `operationName`; the floor's operation is anonymous. */
  operationName: 'Page' | 'Create' | undefined;
  text: string;
  hash: string;
}

const document = (
  name: BenchDocument['name'],
  operationName: BenchDocument['operationName'],
  text: string,
): BenchDocument => ({
  name,
  operationName,
  text,
  hash: createHash('sha256').update(text).digest('hex'),
});

/** Read: the caller's first page with every entry field, and the total over all pages. */
export const PAGE_DOCUMENT: BenchDocument = document(
  'Page',
  'Page',
  `query Page($first: Int!, $after: String) {
  timesheets(first: $first, after: $after) {
    edges { cursor node { ${NODE_FIELDS.join(' ')} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
);

/** Write: one new entry for the caller, answered with every field. */
export const CREATE_DOCUMENT: BenchDocument = document(
  'Create',
  'Create',
  `mutation Create($input: CreateTimesheetInput!) {
  createTimesheet(input: $input) { ${NODE_FIELDS.join(' ')} }
}`,
);

/**
 * The floor: no field of ours, so no resolver and no SQL. What a server spends on it is its own
 * pipeline: HTTP, GraphQL request handling, the token check (from cache) and the context.
 */
export const FLOOR_DOCUMENT: BenchDocument = document('Floor', undefined, '{ __typename }');

/** The floor's `data` on every side: the answer is `{"data":{"__typename":"Query"}}`. */
export const FLOOR_DATA = { __typename: 'Query' } as const;

export const BENCH_DOCUMENTS: readonly BenchDocument[] = [
  PAGE_DOCUMENT,
  CREATE_DOCUMENT,
  FLOOR_DOCUMENT,
];

/** How a side receives documents: `hash` only (trusted documents), or the query `text`. */
export type DocumentProtocol = 'hash' | 'text';

/** The POST body of one operation, in the side's protocol (no variables: none sent). */
export function operationBody(
  protocol: DocumentProtocol,
  doc: BenchDocument,
  variables?: Record<string, unknown>,
): string {
  if (protocol === 'text') {
    return JSON.stringify({ operationName: doc.operationName, query: doc.text, variables });
  }
  const extensions = { persistedQuery: { version: 1, sha256Hash: doc.hash } };
  return JSON.stringify({ operationName: doc.operationName, variables, extensions });
}

/** Apollo's automatic persisted query registration: the hash and the text, once per document. */
export function registrationBody(doc: BenchDocument, variables?: Record<string, unknown>): string {
  const extensions = { persistedQuery: { version: 1, sha256Hash: doc.hash } };
  return JSON.stringify({
    operationName: doc.operationName,
    query: doc.text,
    variables,
    extensions,
  });
}

/** The variables of the read. */
export const PAGE_VARIABLES = { first: PAGE_SIZE };

/** The input of a new entry; `date` and `idempotencyKey` make each one distinct. */
export interface EntryInput {
  date: string;
  project: string;
  hours: number;
  notes: string | null;
  idempotencyKey: string;
}
