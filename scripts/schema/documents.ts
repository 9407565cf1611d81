import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isScalarType,
  parse,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/** One document of the trusted-documents store: the client that shipped it, its key, its text. */
export interface TrustedDocument {
  client: string;
  hash: string;
  text: string;
  document: DocumentNode;
}

/** The store as read: whether the folder exists, the documents that parse, and what went wrong. */
export interface TrustedStore {
  found: boolean;
  documents: TrustedDocument[];
  problems: string[];
}

/** `web sha256:…`: how reports name a document. */
export const describeDocument = (doc: TrustedDocument) => `${doc.client} ${doc.hash}`;

function readManifest(file: string, client: string, store: TrustedStore): void {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    store.problems.push(`${file} is not JSON: ${(error as Error).message}`);
    return;
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    store.problems.push(`${file} is not a map of "sha256:<hex>" to document text`);
    return;
  }
  for (const [hash, text] of Object.entries(manifest as Record<string, unknown>)) {
    if (typeof text !== 'string') {
      store.problems.push(`${client} ${hash}: the document is not a string`);
      continue;
    }
    try {
      store.documents.push({ client, hash, text, document: parse(text) });
    } catch (error) {
      store.problems.push(`${client} ${hash} does not parse: ${(error as Error).message}`);
    }
  }
}

/**
 * Reads every `<client>.json` of the trusted-documents store (each `{ "sha256:<hex>": "<text>" }`)
 * and parses each document. A file or document that does not parse is reported, not thrown.
 */
export function loadTrustedDocuments(dir: string): TrustedStore {
  const store: TrustedStore = { found: existsSync(dir), documents: [], problems: [] };
  if (!store.found) return store;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) readManifest(join(dir, name), name.slice(0, -'.json'.length), store);
  return store;
}

/**
 * The schema coordinates a document touches in `schema`: `Type`, `Type.field` and
 * `Type.field.argument` for what it selects, and every enum, scalar, input type and input field a
 * client may send through its arguments and variables (the input fields of a variable are not in
 * the document text, so all of them count).
 */
export function collectCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const addType = (type: GraphQLType | null | undefined): void => {
    if (!type) return;
    const named = getNamedType(type);
    if (used.has(named.name)) return;
    if (isEnumType(named) || isScalarType(named)) used.add(named.name);
    if (!isInputObjectType(named)) return;
    used.add(named.name);
    for (const field of Object.values(named.getFields())) {
      used.add(`${named.name}.${field.name}`);
      addType(field.type);
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name).add(`${parent.name}.${field.name}`);
        addType(field.type);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (typeInfo.getDirective() || !parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}.${argument.name}`);
        addType(argument.type);
      },
      VariableDefinition(node) {
        addType(typeFromAST(schema, node.type));
      },
      NamedType(node) {
        if (schema.getType(node.name.value)) used.add(node.name.value);
      },
    }),
  );
  return used;
}
