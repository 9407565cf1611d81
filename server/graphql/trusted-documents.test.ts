import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  admitBody,
  admitSearch,
  loadTrustedDocuments,
  trustedDocumentsCache,
} from './trusted-documents';

const TEXT = 'query Me { __typename me { __typename id } }';
const HASH = createHash('sha256').update(TEXT).digest('hex');
const documents = new Map([[HASH, TEXT]]);
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

/** What `fn` throws (failing the test when it throws nothing). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('loadTrustedDocuments', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trusted-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every manifest of the store by the hex hash of each document', () => {
    writeFileSync(join(dir, 'web.json'), JSON.stringify({ [`sha256:${HASH}`]: TEXT }));
    writeFileSync(join(dir, 'cli.json'), JSON.stringify({}));
    expect(loadTrustedDocuments(dir)).toEqual(new Map([[HASH, TEXT]]));
  });

  it('refuses a store whose entry is not the hash of its text, naming it', () => {
    const tampered = { [`sha256:${HASH}`]: 'mutation { deleteTimesheet(id: "x") }' };
    writeFileSync(join(dir, 'web.json'), JSON.stringify(tampered));
    expect(() => loadTrustedDocuments(dir)).toThrow(
      `Trusted documents: web.json entry sha256:${HASH} is not the sha256 of its text`,
    );
  });
});

describe('admitting a request', () => {
  it('runs a trusted hash from the store, dropping query text sent along', () => {
    const body = { query: 'query Me { me { id } }', extensions: persisted(HASH) };
    for (const mode of ['trusted', 'any'] as const) {
      expect(admitBody(body, mode, documents)).toEqual({ extensions: persisted(HASH) });
    }
  });

  it('refuses query text in trusted mode before anything parses it', () => {
    expect(
      thrownBy(() => admitBody({ query: '{ this is not graphql' }, 'trusted', documents)),
    ).toMatchObject({
      status: 400,
      code: 'TRUSTED_DOCUMENT_REQUIRED',
      message: expect.stringMatching(/^This API runs only trusted documents/),
    });
  });

  it('refuses an unknown hash in trusted mode, naming it', () => {
    const unknown = 'f'.repeat(64);
    expect(
      thrownBy(() => admitBody({ extensions: persisted(unknown) }, 'trusted', documents)),
    ).toMatchObject({
      code: 'UNKNOWN_DOCUMENT',
      message: `Unknown document ${unknown}: this API runs only the documents its clients shipped`,
    });
  });

  it('lets any document through in any mode, as it came', () => {
    const body = { query: '{ me { id } }' };
    expect(admitBody(body, 'any', documents)).toBe(body);
    const unknown = { query: '{ me { id } }', extensions: persisted('a'.repeat(64)) };
    expect(admitBody(unknown, 'any', documents)).toBe(unknown);
  });

  it('admits GET requests by the same rules', () => {
    const search = `?query=${encodeURIComponent('{ me { id } }')}&extensions=${encodeURIComponent(
      JSON.stringify(persisted(HASH)),
    )}`;
    const admitted = new URLSearchParams(admitSearch(search, 'trusted', documents));
    expect(admitted.get('query')).toBeNull();
    expect(JSON.parse(admitted.get('extensions') ?? '')).toEqual(persisted(HASH));
    const text = `?query=${encodeURIComponent('{ me { id } }')}`;
    expect(thrownBy(() => admitSearch(text, 'trusted', documents))).toMatchObject({
      code: 'TRUSTED_DOCUMENT_REQUIRED',
    });
  });
});

describe('the persisted-query cache over the store', () => {
  it('answers store documents under Apollo’s prefixed keys and registers others only in any mode', async () => {
    const trusted = trustedDocumentsCache(documents, 'trusted');
    await expect(trusted.get(`apq:${HASH}`)).resolves.toBe(TEXT);
    await trusted.set(`apq:${'b'.repeat(64)}`, '{ me { id } }');
    await expect(trusted.get(`apq:${'b'.repeat(64)}`)).resolves.toBeUndefined();
    const any = trustedDocumentsCache(documents, 'any');
    await any.set(`apq:${'b'.repeat(64)}`, '{ me { id } }');
    await expect(any.get(`apq:${'b'.repeat(64)}`)).resolves.toBe('{ me { id } }');
  });
});
