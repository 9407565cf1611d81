import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { persistedRequest } from './persisted-request';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A document as codegen writes it: parsed, with the sha256 of its text under `__meta__`. */
function hashedDocument(text: string) {
  const document = parse(text);
  const hash = `sha256:${sha256(print(document))}`;
  return { ...document, __meta__: { hash } } as unknown as TypedDocumentNode<
    unknown,
    { id: string }
  >;
}

describe('persistedRequest', () => {
  it('names the operation and sends the hash of its text as hex, never the text', () => {
    const text = 'mutation Rename($id: ID!) { rename(id: $id) }';
    const request = persistedRequest(hashedDocument(text), { id: 'p1' });
    expect(request).toEqual({
      operationName: 'Rename',
      variables: { id: 'p1' },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(print(parse(text))) } },
    });
    expect(JSON.stringify(request)).not.toContain('rename(');
  });

  it('refuses a document without a hash (codegen not run)', () => {
    const bare = parse('query Bare { a }') as unknown as TypedDocumentNode<unknown, object>;
    expect(() => persistedRequest(bare, {})).toThrow(
      'A document without a sha256 hash or an operation name: run `npm run codegen`',
    );
  });

  it('refuses an anonymous operation, which no request could name', () => {
    expect(() => persistedRequest(hashedDocument('{ a }'), { id: 'x' })).toThrow(
      /without a sha256 hash or an operation name/,
    );
  });
});
