import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { Kind, parse } from 'graphql';
import { API_ERROR_CODES, type ApiErrorCode } from '../../core/api';
import { HttpError } from '../http/read-body';

/**
 * `trusted`: only documents of the store run (the production default). `any`: query text too,
 * for Apollo Sandbox and development.
 */
export type DocumentsMode = 'trusted' | 'any';

/** Every manifest ever shipped, one file per client, append-only (see scripts/documents.ts). */
export const TRUSTED_DOCUMENTS_DIR = join(__dirname, '..', '..', 'trusted-documents');

const HASH = /^[0-9a-f]{64}$/;
const MAX_REGISTERED = 1_000;

/** The trusted documents, by the hex sha256 of their text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads every manifest of the store (`{ "sha256:<hex>": "<document>" }`) and checks that each key
 * is the hash of its text: a store edited by hand fails at start, naming the entry.
 */
export function loadTrustedDocuments(dir: string = TRUSTED_DOCUMENTS_DIR): TrustedDocuments {
  const documents = new Map<string, string>();
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  for (const file of files.sort()) {
    const manifest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(manifest)) {
      const hash = key.replace(/^sha256:/, '');
      if (!HASH.test(hash) || sha256(text) !== hash) {
        throw new Error(`Trusted documents: ${file} entry ${key} is not the sha256 of its text`);
      }
      documents.set(hash, text);
    }
  }
  return documents;
}

/** The names of the operations of the trusted documents (metrics label only these). */
export function operationNamesOf(documents: TrustedDocuments): Set<string> {
  const names = new Set<string>();
  for (const text of documents.values()) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        names.add(definition.name.value);
      }
    }
  }
  return names;
}

/**
 * Apollo Server's persisted-query cache over the store: a request carrying only a trusted hash is
 * answered from it, and Apollo keeps that document parsed and validated under the same hash, so a
 * known document is looked up, never parsed, validated or hashed again. In `any` mode, clients may
 * also register documents by hash (automatic persisted queries), kept in a small bounded map.
 */
export function trustedDocumentsCache(
  documents: TrustedDocuments,
  mode: DocumentsMode,
): KeyValueCache<string> {
  const registered = new Map<string, string>();
  const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    get: (key) => Promise.resolve(documents.get(hashOf(key)) ?? registered.get(hashOf(key))),
    set: (key, value) => {
      if (mode === 'any') {
        if (registered.size >= MAX_REGISTERED) registered.clear();
        registered.set(hashOf(key), value);
      }
      return Promise.resolve();
    },
    delete: (key) => Promise.resolve(registered.delete(hashOf(key))),
  };
}

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

const refuse = (message: string, code: ApiErrorCode) => new HttpError(400, message, code);

function hashOfBody(body: GraphQLBody): string | undefined {
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Admits a GraphQL request body before anything parses it. A hash of the store runs the stored
 * document (query text sent along is dropped, so a client's own printing of it cannot mismatch).
 * In `trusted` mode nothing else runs: query text, or an unknown hash, is a 400 naming the rule.
 */
export function admitBody(
  body: unknown,
  mode: DocumentsMode,
  documents: TrustedDocuments,
): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (mode === 'trusted')
      throw refuse('Send one GraphQL request as a JSON object', API_ERROR_CODES.badRequest);
    return body;
  }
  const request = body as GraphQLBody;
  const hash = hashOfBody(request);
  if (hash !== undefined && documents.has(hash)) {
    const admitted = { ...request };
    delete admitted.query;
    return admitted;
  }
  if (mode === 'any') return body;
  if (hash === undefined) {
    throw refuse(
      'This API runs only trusted documents: send extensions.persistedQuery.sha256Hash of a ' +
        'document your client shipped, not query text',
      API_ERROR_CODES.trustedDocumentRequired,
    );
  }
  throw refuse(
    `Unknown document ${hash}: this API runs only the documents its clients shipped`,
    API_ERROR_CODES.unknownDocument,
  );
}

/** The same for a GET request's search string (`?extensions=…&query=…`); answers the new one. */
export function admitSearch(
  search: string,
  mode: DocumentsMode,
  documents: TrustedDocuments,
): string {
  const params = new URLSearchParams(search);
  let extensions: GraphQLBody['extensions'];
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null') as GraphQLBody['extensions'];
  } catch {
    throw refuse('extensions is not valid JSON', API_ERROR_CODES.badRequest);
  }
  const body = { query: params.get('query') ?? undefined, extensions: extensions ?? undefined };
  const admitted = admitBody(body, mode, documents) as GraphQLBody;
  if (admitted.query === undefined) params.delete('query');
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}
