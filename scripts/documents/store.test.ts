import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStore, shipManifests, type Manifest } from './store';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('the trusted-documents store', () => {
  let root: string;
  const write = (path: string, manifest: Manifest) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(manifest));
  };
  const store = (client: string) =>
    JSON.parse(readFileSync(join(root, 'trusted-documents', `${client}.json`), 'utf8')) as Manifest;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'documents-'));
    mkdirSync(join(root, 'trusted-documents'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ships new documents of each client and never drops old ones', () => {
    write('web/gql/persisted-documents.json', { [A]: 'query A { a }' });
    expect(shipManifests(root)).toEqual({ web: 1, cli: 0 });
    write('web/gql/persisted-documents.json', { [B]: 'query B { b }' });
    expect(shipManifests(root)).toEqual({ web: 1, cli: 0 });
    expect(store('web')).toEqual({ [A]: 'query A { a }', [B]: 'query B { b }' });
    expect(checkStore(root, [])).toEqual([]);
  });

  it('fails when a client document was not shipped', () => {
    write('trusted-documents/web.json', {});
    write('web/gql/persisted-documents.json', { [A]: 'query A { a }' });
    expect(checkStore(root, [])).toEqual([
      `web: ${A} is not in trusted-documents/web.json: run npm run codegen`,
    ]);
  });

  it('fails when a document once shipped was removed or changed', () => {
    write('trusted-documents/web.json', { [B]: 'query B { b2 }' });
    const history = [
      { commit: 'c0ffee'.repeat(7), file: 'web.json', manifest: { [A]: 'query A { a }' } },
      { commit: 'beef00'.repeat(7), file: 'web.json', manifest: { [B]: 'query B { b }' } },
    ];
    expect(checkStore(root, history)).toEqual([
      `trusted-documents/web.json: ${A}, shipped in c0ffeec0ffee, was removed; documents of released clients must stay`,
      `trusted-documents/web.json: ${B}, shipped in beef00beef00, was changed; documents of released clients must stay`,
    ]);
  });

  it('reads the history from git: the repository’s own store is sound', () => {
    expect(checkStore(join(__dirname, '..', '..'))).toEqual([]);
  });
});
